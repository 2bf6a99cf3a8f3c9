"""UTC instants in and out of JSON."""

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_json(value: datetime | None) -> str | None:
    """ISO 8601 with a Z, millisecond precision; None stays None."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
