"""The calendar feed's caching is the same through Hosting as from the function: Hosting's
site-wide header rule says no-store, so firebase.json names the feed's own."""

import json

from taskly.api.calendar_routes import FEED_CACHE_CONTROL
from tools.devstack.paths import ROOT


def _hosting_header(source: str, key: str) -> str | None:
    hosting = json.loads((ROOT / "firebase.json").read_text())["hosting"]
    values = [
        header["value"]
        for rule in hosting["headers"]
        if rule.get("source") == source
        for header in rule["headers"]
        if header["key"] == key
    ]
    return values[-1] if values else None


def test_hosting_serves_the_feed_with_the_functions_cache_lifetime() -> None:
    assert FEED_CACHE_CONTROL == "private, max-age=900"
    assert _hosting_header("/api/calendar/*.ics", "Cache-Control") == FEED_CACHE_CONTROL


def test_everything_else_stays_uncached() -> None:
    assert _hosting_header("**", "Cache-Control") == "no-store"
