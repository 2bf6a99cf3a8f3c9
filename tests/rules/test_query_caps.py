"""The caps firestore.rules puts on list queries are the server's limits, and the web app's
queries ask for exactly that much: the rules and the browser cannot import limits.py, so their
copies are checked here."""

import re
from pathlib import Path

import pytest

from taskly.vocabulary import limits

ROOT = Path(__file__).resolve().parents[2]
RULES = (ROOT / "firestore.rules").read_text(encoding="utf-8")

# limits.py name -> (the rules' function, the web module holding the browser's copy)
COPIES = {
    "OPEN_TASKS_MAX": ("openTasksMax", "hosting/src/board/board-listeners.js"),
    "NOTIFICATIONS_KEPT": ("notificationsKept", "hosting/src/board/notifications.js"),
}


@pytest.mark.parametrize("name", sorted(COPIES))
def test_rules_cap_is_the_server_limit(name):
    function, _ = COPIES[name]
    found = re.search(rf"function {function}\(\) {{ return (\d+); }}", RULES)
    assert found, f"firestore.rules has no {function}()"
    assert int(found.group(1)) == getattr(limits, name)
    assert f"request.query.limit <= {function}()" in RULES


@pytest.mark.parametrize("name", sorted(COPIES))
def test_web_app_copy_is_the_server_limit(name):
    _, module = COPIES[name]
    source = (ROOT / module).read_text(encoding="utf-8")
    found = re.search(rf"^const {name} = (\d+);$", source, re.MULTILINE)
    assert found, f"{module} has no {name}"
    assert int(found.group(1)) == getattr(limits, name)
    assert f"limit({name})" in source


def test_open_column_pages_stay_within_the_cap():
    """An open column listens to a page, widened up to the cap (open-pages.js, widerLimits)."""
    source = (ROOT / "hosting/src/board/open-pages.js").read_text(encoding="utf-8")
    found = re.search(r"^export const OPEN_PAGE = (\d+);$", source, re.MULTILINE)
    assert found, "open-pages.js has no OPEN_PAGE"
    assert 0 < int(found.group(1)) <= limits.OPEN_TASKS_MAX
    assert "Math.min(Math.max(limit * 2, wanted), max)" in source
