"""Local dates and wall-clock times in the person's own time zone, and the instants they name."""

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

_REMIND_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
# Present in the tz database directory but not a place a person lives in.
_NOT_A_ZONE = frozenset({"localtime", "posixrules", "Factory"})


def parse_remind_time(value: str) -> time:
    """Parse a 24-hour "HH:MM" wall-clock time such as "09:00"."""
    match = _REMIND_TIME.fullmatch(value)
    if match is None:
        raise ValueError(f"Reminder time must be HH:MM on a 24-hour clock, like 09:00: {value!r}")
    return time(int(match[1]), int(match[2]))


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(
        name
        for name in available_timezones()
        if name not in _NOT_A_ZONE and not name.startswith(("posix/", "right/"))
    )


def is_valid_timezone(name: str) -> bool:
    """Whether `name` is an IANA time zone such as "Europe/Berlin"."""
    return name in _known_zones()


def _zone(name: str) -> ZoneInfo:
    if not is_valid_timezone(name):
        raise ValueError(f"Unknown time zone {name!r}.")
    return ZoneInfo(name)


def _require_aware(instant: datetime) -> None:
    if instant.utcoffset() is None:
        raise ValueError("Expected a timezone-aware datetime.")


def local_datetime(instant: datetime, timezone: str) -> datetime:
    """The wall-clock date and time in `timezone` at `instant` (an aware datetime)."""
    _require_aware(instant)
    return instant.astimezone(_zone(timezone))


def local_date(instant: datetime, timezone: str) -> date:
    """The calendar date in `timezone` at `instant` (an aware datetime)."""
    return local_datetime(instant, timezone).date()


def local_instant(day: date, wall_time: time, timezone: str) -> datetime:
    """The UTC instant at which it is ``wall_time`` on ``day`` in ``timezone``, by the rules of
    ``next_reminder_at`` for a time that occurs twice or not at all."""
    zone = _zone(timezone)
    return datetime.combine(day, wall_time.replace(fold=0), tzinfo=zone).astimezone(UTC)


def next_reminder_at(after: datetime, timezone: str, remind_time: time) -> datetime:
    """The first instant strictly after `after` at which it is `remind_time` in `timezone`.

    Returns an aware UTC datetime. Follows RFC 5545 for daylight-saving changes:
    a wall-clock time that occurs twice (fall back) means its first occurrence, so a
    reminder fires once that day; a time that does not exist (spring forward) is read
    with the UTC offset from before the gap, i.e. shifted later by the gap's length
    (02:30 on a day that jumps from 02:00 to 03:00 fires at 03:30).
    """
    _require_aware(after)
    if remind_time.tzinfo is not None:
        raise ValueError("remind_time is a wall-clock time and must not carry a tzinfo.")
    zone = _zone(timezone)
    after_utc = after.astimezone(UTC)
    # fold=0 gives exactly the rule above: first occurrence, offset before a gap.
    wall_time = remind_time.replace(fold=0)
    # Starting a day early covers a gap shift that pushes yesterday's time past midnight.
    day = after_utc.astimezone(zone).date() - timedelta(days=1)
    while True:
        candidate = datetime.combine(day, wall_time, tzinfo=zone).astimezone(UTC)
        if candidate > after_utc:
            return candidate
        day += timedelta(days=1)
