from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from taskly.vocabulary.local_time import (
    is_valid_timezone,
    local_date,
    next_reminder_at,
    parse_remind_time,
)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("00:00", time(0, 0)), ("09:05", time(9, 5)), ("23:59", time(23, 59))],
)
def test_parse_remind_time_accepts_24_hour_times(value: str, expected: time) -> None:
    assert parse_remind_time(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "9:00",
        "24:00",
        "12:60",
        "12:00:00",
        " 09:00",
        "09:00\n",
        "9am",
        "\u0660\u0669:\u0660\u0660",
        "ab:cd",
    ],
)
def test_parse_remind_time_rejects_anything_else(value: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_remind_time(value)


@pytest.mark.parametrize(
    "name",
    ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "America/Argentina/Salta"],
)
def test_real_zones_are_valid(name: str) -> None:
    assert is_valid_timezone(name)


@pytest.mark.parametrize(
    "name",
    [
        "",
        "Local",
        "localtime",
        "Factory",
        "posixrules",
        "europe/berlin",
        "Europe/Berlin ",
        "Mars/Olympus_Mons",
        "/etc/localtime",
        "../../etc/passwd",
        "Europe/../Europe/Berlin",
        "posix/Europe/Berlin",
        "right/UTC",
        "Europe",
        "+02:00",
    ],
)
def test_non_zones_are_invalid(name: str) -> None:
    assert not is_valid_timezone(name)


@pytest.mark.parametrize(
    ("zone", "after", "remind", "expected", "why"),
    [
        # America/New_York springs forward 2026-03-08 02:00 EST -> 03:00 EDT.
        ("America/New_York", "2026-03-08T05:00", "02:30", "2026-03-08T07:30", "gap: 03:30 EDT"),
        ("America/New_York", "2026-03-08T07:30", "02:30", "2026-03-09T06:30", "day after gap"),
        ("America/New_York", "2026-03-08T05:00", "09:00", "2026-03-08T13:00", "EDT already"),
        ("America/New_York", "2026-03-07T05:00", "09:00", "2026-03-07T14:00", "EST still"),
        # America/New_York falls back 2026-11-01 02:00 EDT -> 01:00 EST: 01:30 twice.
        ("America/New_York", "2026-11-01T04:00", "01:30", "2026-11-01T05:30", "first 01:30"),
        ("America/New_York", "2026-11-01T05:30", "01:30", "2026-11-02T06:30", "not the 2nd"),
        ("America/New_York", "2026-11-01T06:15", "01:30", "2026-11-02T06:30", "between both"),
        ("America/New_York", "2026-11-01T12:00", "09:00", "2026-11-01T14:00", "EST again"),
        # Europe/Berlin springs forward 2026-03-29 02:00 CET -> 03:00 CEST.
        ("Europe/Berlin", "2026-03-28T23:00", "02:30", "2026-03-29T01:30", "gap: 03:30 CEST"),
        ("Europe/Berlin", "2026-03-28T23:00", "09:00", "2026-03-29T07:00", "CEST already"),
        # Europe/Berlin falls back 2026-10-25 03:00 CEST -> 02:00 CET: 02:30 twice.
        ("Europe/Berlin", "2026-10-24T22:00", "02:30", "2026-10-25T00:30", "first 02:30"),
        ("Europe/Berlin", "2026-10-25T00:30", "02:30", "2026-10-26T01:30", "not the 2nd"),
        ("Europe/Berlin", "2026-10-25T01:00", "02:30", "2026-10-26T01:30", "between both"),
        # Australia/Sydney: DST ends 2026-04-05 03:00 -> 02:00, starts 2026-10-04 02:00 -> 03:00.
        ("Australia/Sydney", "2026-01-14T12:00", "09:00", "2026-01-14T22:00", "summer +11"),
        ("Australia/Sydney", "2026-07-14T12:00", "09:00", "2026-07-14T23:00", "winter +10"),
        ("Australia/Sydney", "2026-04-04T12:00", "02:30", "2026-04-04T15:30", "first 02:30"),
        ("Australia/Sydney", "2026-04-04T15:30", "02:30", "2026-04-05T16:30", "not the 2nd"),
        ("Australia/Sydney", "2026-10-03T12:00", "02:30", "2026-10-03T16:30", "gap: 03:30 AEDT"),
        # Pacific/Auckland: DST ends 2026-04-05 03:00 -> 02:00, starts 2026-09-27 02:00 -> 03:00.
        ("Pacific/Auckland", "2026-04-04T10:00", "02:30", "2026-04-04T13:30", "first 02:30"),
        ("Pacific/Auckland", "2026-04-04T14:00", "02:30", "2026-04-05T14:30", "between both"),
        ("Pacific/Auckland", "2026-09-26T10:00", "02:30", "2026-09-26T14:30", "gap: 03:30 NZDT"),
        ("Pacific/Auckland", "2026-09-26T10:00", "09:00", "2026-09-26T20:00", "NZDT +13"),
        # America/Nuuk springs forward 2026-03-28 23:00 -02 -> 2026-03-29 00:00 -01: the gap
        # shift carries the 28th's 23:30 into the 29th, and it still fires.
        ("America/Nuuk", "2026-03-29T01:00", "23:30", "2026-03-29T01:30", "gap past midnight"),
        ("America/Nuuk", "2026-03-29T01:30", "23:30", "2026-03-30T00:30", "day after"),
        # Half- and quarter-hour offsets.
        ("Asia/Kolkata", "2026-06-01T00:00", "09:00", "2026-06-01T03:30", "+05:30"),
        ("Asia/Kathmandu", "2026-06-01T00:00", "09:00", "2026-06-01T03:15", "+05:45"),
        ("Asia/Kathmandu", "2026-06-01T23:00", "09:00", "2026-06-02T03:15", "local next day"),
        ("Australia/Lord_Howe", "2026-10-03T12:00", "02:15", "2026-10-03T15:45", "30 min gap"),
        # Exactly at the reminder instant: the next one is tomorrow's.
        ("Asia/Kolkata", "2026-06-01T03:30", "09:00", "2026-06-02T03:30", "exactly at"),
        ("UTC", "2026-06-01T09:00", "09:00", "2026-06-02T09:00", "exactly at"),
        ("UTC", "2026-06-01T08:59:59.999999", "09:00", "2026-06-01T09:00", "just before"),
        ("UTC", "2026-12-31T23:30", "00:00", "2027-01-01T00:00", "new year"),
        ("UTC", "2028-02-28T12:00", "09:00", "2028-02-29T09:00", "leap day"),
    ],
)
def test_next_reminder_at(zone: str, after: str, remind: str, expected: str, why: str) -> None:
    result = next_reminder_at(utc(after), zone, parse_remind_time(remind))
    assert result == utc(expected), why
    assert result.tzinfo is UTC


def test_next_reminder_at_accepts_any_aware_datetime_and_returns_utc() -> None:
    after = datetime(2026, 6, 1, 10, 0, tzinfo=timezone(timedelta(hours=2)))  # 08:00 UTC
    result = next_reminder_at(after, "UTC", time(9, 0))
    assert result == utc("2026-06-01T09:00")
    assert result.tzinfo is UTC


def test_next_reminder_at_ignores_a_fold_on_the_remind_time() -> None:
    after = utc("2026-11-01T04:00")
    assert next_reminder_at(after, "America/New_York", time(1, 30, fold=1)) == utc(
        "2026-11-01T05:30"
    )


def test_next_reminder_at_rejects_naive_after() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_reminder_at(datetime(2026, 6, 1, 9, 0), "UTC", time(9, 0))


def test_next_reminder_at_rejects_aware_remind_time() -> None:
    with pytest.raises(ValueError, match="tzinfo"):
        next_reminder_at(utc("2026-06-01T00:00"), "UTC", time(9, 0, tzinfo=UTC))


@pytest.mark.parametrize("zone", ["", "Local", "Nowhere/City"])
def test_next_reminder_at_rejects_unknown_zone(zone: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        next_reminder_at(utc("2026-06-01T00:00"), zone, time(9, 0))


def test_daily_chain_fires_once_per_local_day_across_a_year() -> None:
    """Following next_reminder_at from one reminder to the next never skips or repeats a day."""
    for zone_name, remind in [("America/New_York", time(1, 30)), ("Europe/Berlin", time(2, 30))]:
        zone = ZoneInfo(zone_name)
        instant = utc("2026-01-01T12:00")
        days: list[date] = []
        for _ in range(366):
            instant = next_reminder_at(instant, zone_name, remind)
            days.append(instant.astimezone(zone).date())
        assert days == [days[0] + timedelta(days=i) for i in range(366)], zone_name


@pytest.mark.parametrize(
    ("instant", "zone", "expected"),
    [
        ("2026-06-01T20:00", "Pacific/Auckland", date(2026, 6, 2)),
        ("2026-06-01T20:00", "America/Los_Angeles", date(2026, 6, 1)),
        ("2026-06-02T03:00", "America/Los_Angeles", date(2026, 6, 1)),
        ("2026-06-01T18:14", "Asia/Kathmandu", date(2026, 6, 1)),
        ("2026-06-01T18:15", "Asia/Kathmandu", date(2026, 6, 2)),
        ("2026-11-01T05:30", "America/New_York", date(2026, 11, 1)),
    ],
)
def test_local_date(instant: str, zone: str, expected: date) -> None:
    assert local_date(utc(instant), zone) == expected


def test_local_date_rejects_naive_and_unknown() -> None:
    with pytest.raises(ValueError):
        local_date(datetime(2026, 6, 1), "UTC")
    with pytest.raises(ValueError):
        local_date(utc("2026-06-01T00:00"), "Local")


# Property sweep against an independent brute-force model: walk UTC in 15-minute steps
# (every offset here is a multiple of 15 minutes) and take the first step whose wall clock
# shows the time for the first time that day; when a forward jump skips over the time,
# read it with the offset from before the jump (RFC 5545).

_STEP = timedelta(minutes=15)
_SWEEP_ZONES = [
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "America/Santiago",
    "America/Nuuk",
    "UTC",
]
_SWEEP_TIMES = [time(h, m) for h, m in [(0, 0), (0, 30), (1, 30), (2, 0), (2, 30), (3, 0), (9, 0)]]
_SWEEP_TIMES += [time(23, 15), time(23, 45)]


def _brute_force(after: datetime, zone: ZoneInfo, remind: time) -> datetime:
    epoch = datetime(2000, 1, 1, tzinfo=UTC)
    # Start early enough to see a jump whose shifted reminder is still ahead of `after`.
    instant = epoch + (after - epoch) // _STEP * _STEP - timedelta(hours=3)
    previous = instant.astimezone(zone)
    for _ in range(33 * 4):
        instant += _STEP
        local = instant.astimezone(zone)
        before, now = previous.utcoffset(), local.utcoffset()
        assert before is not None and now is not None
        if now > before:
            skipped_from = previous.replace(tzinfo=None) + _STEP
            wanted = datetime.combine(skipped_from.date(), remind)
            fires = (wanted - before).replace(tzinfo=UTC)
            if skipped_from <= wanted < local.replace(tzinfo=None) and fires > after:
                return fires
        if local.time() == remind and local.fold == 0 and instant > after:
            return instant
        previous = local
    raise AssertionError("no reminder within 30 hours")


def _transitions_2026(zone: ZoneInfo) -> list[datetime]:
    hour = timedelta(hours=1)
    start = utc("2026-01-01T00:00")
    found = [
        start + i * hour
        for i in range(365 * 24)
        if (start + i * hour).astimezone(zone).utcoffset()
        != (start + (i + 1) * hour).astimezone(zone).utcoffset()
    ]
    return found or [utc("2026-06-01T00:00")]


@pytest.mark.parametrize("zone_name", _SWEEP_ZONES)
def test_next_reminder_at_matches_brute_force_around_transitions(zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    for transition in _transitions_2026(zone):
        after = transition - timedelta(hours=36)
        while after < transition + timedelta(hours=36):
            for remind in _SWEEP_TIMES:
                result = next_reminder_at(after, zone_name, remind)
                assert result > after
                assert result - after <= timedelta(hours=25)
                assert result == _brute_force(after, zone, remind), (after, remind)
            # An odd step so `after` lands on, just before and just after reminder instants.
            after += timedelta(minutes=22, seconds=30)
