"""Records that hold an address, a number or a count for a while are removed by TTL policies."""

import json
from pathlib import Path

INDEXES = Path(__file__).resolve().parents[2] / "firestore.indexes.json"


def _ttl_groups() -> set[str]:
    overrides = json.loads(INDEXES.read_text())["fieldOverrides"]
    return {
        o["collectionGroup"] for o in overrides if o.get("ttl") and o["fieldPath"] == "expires_at"
    }


def test_every_expiring_collection_has_a_ttl_policy():
    assert {"deliveries", "phone_numbers", "message_budget", "shards", "counted_events"} <= (
        _ttl_groups()
    )
