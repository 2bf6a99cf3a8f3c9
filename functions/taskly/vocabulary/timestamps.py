"""UTC instants in and out of JSON."""

from datetime import UTC, datetime, time, timedelta


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_json(value: datetime | None) -> str | None:
    """ISO 8601 with a Z, millisecond precision; None stays None."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def seconds_to_next_utc_day(now: datetime) -> int:
    """Whole seconds until the next UTC midnight, when the day's budgets start again."""
    tomorrow = datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=UTC)
    return int((tomorrow - now).total_seconds()) + 1
