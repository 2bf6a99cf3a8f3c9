"""The web app's time zone list (@vvo/tzdb, bundled from node_modules) against the server's
rule: every zone a person can pick is one the API accepts."""

import json
from pathlib import Path

from taskly.vocabulary.local_time import is_valid_timezone

TZDB = Path(__file__).resolve().parents[2] / "node_modules" / "@vvo" / "tzdb"


def test_every_zone_the_picker_offers_is_accepted_by_the_api():
    zones = json.loads((TZDB / "raw-time-zones.json").read_text())
    names = [zone["name"] for zone in zones] + ["Etc/UTC"]  # includeUtc adds Etc/UTC
    assert len(names) > 250
    refused = [name for name in names if not is_valid_timezone(name)]
    assert refused == []


def test_the_picker_offers_current_names_and_keeps_the_old_ones_as_aliases():
    zones = json.loads((TZDB / "raw-time-zones.json").read_text())
    by_name = {zone["name"]: zone for zone in zones}
    assert "Asia/Calcutta" not in by_name and "Europe/Kiev" not in by_name
    assert "Asia/Calcutta" in by_name["Asia/Kolkata"]["group"]
    assert "Europe/Kiev" in by_name["Europe/Kyiv"]["group"]
