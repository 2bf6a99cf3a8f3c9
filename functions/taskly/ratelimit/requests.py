"""The rates one person's API requests are held to: writes, reads, exports, calendar fetches."""

from datetime import datetime

from taskly.ratelimit.counters import spend
from taskly.ratelimit.window import Rate
from taskly.vocabulary.limits import (
    CALENDAR_FEED_FETCHES_PER_MINUTE,
    EXPORTS_PER_HOUR,
    READS_PER_MINUTE,
    WRITES_PER_MINUTE,
)

WRITES = Rate("writes", WRITES_PER_MINUTE, 60, "changes")
READS = Rate("reads", READS_PER_MINUTE, 60, "requests")
# An export reads every document of the account: it has a rate of its own on top of READS.
EXPORTS = Rate("exports", EXPORTS_PER_HOUR, 3600, "exports")
# The calendar feed's link has no sign-in: its fetches are counted for the link's owner (one
# working link per person, so per link too).
CALENDAR_FEED_FETCHES = Rate(
    "calendar_feed", CALENDAR_FEED_FETCHES_PER_MINUTE, 60, "calendar refreshes"
)

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def spend_request(uid: str, method: str, now: datetime) -> None:
    """Count a request of ``uid`` as a write or a read; LimitReached past its rate."""
    spend(uid, WRITES if method in WRITE_METHODS else READS, now)


def spend_export(uid: str, now: datetime) -> None:
    spend(uid, EXPORTS, now)


def spend_feed_fetch(uid: str, now: datetime) -> None:
    spend(uid, CALENDAR_FEED_FETCHES, now)
