"""Repeat rules over local dates, and a task's dates and reminders (pure rules)."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from taskly.profiles.document import Profile
from taskly.tasks.document import Task
from taskly.tasks.schedule import (
    Schedule,
    SchedulePatch,
    moved_to_next_date,
    planned_reminder,
    scheduled,
)
from taskly.vocabulary.errors import InvalidInput
from taskly.vocabulary.repeats import (
    RepeatError,
    next_due_date,
    normalized_rule,
    upcoming,
)

TODAY = date(2026, 12, 9)  # a Wednesday
NEW_YORK = "America/New_York"


def _dates(*days: str) -> list[date]:
    return [date.fromisoformat(day) for day in days]


@pytest.mark.parametrize(
    ("rule", "start", "expected"),
    [
        ("FREQ=DAILY", "2026-12-09", ("2026-12-09", "2026-12-10", "2026-12-11")),
        (
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            "2026-12-11",
            ("2026-12-11", "2026-12-14", "2026-12-15"),
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
            "2026-12-11",
            ("2026-12-11", "2026-12-25", "2027-01-08"),
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "2026-12-20", ("2027-01-15", "2027-02-15", "2027-03-15")),
        (
            "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3",
            "2026-12-09",
            ("2027-03-03", "2028-03-03", "2029-03-03"),
        ),
        # The 31st: the last day of a shorter month, written as the rule or anchored on it.
        (
            "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
            "2027-01-31",
            ("2027-01-31", "2027-02-28", "2027-03-31"),
        ),
        ("FREQ=MONTHLY", "2027-01-31", ("2027-01-31", "2027-02-28", "2027-03-31")),
        ("FREQ=MONTHLY;INTERVAL=3", "2026-11-30", ("2026-11-30", "2027-02-28", "2027-05-30")),
        ("FREQ=YEARLY", "2028-02-29", ("2028-02-29", "2029-02-28", "2030-02-28")),
    ],
)
def test_a_rule_expands_over_local_dates(rule, start, expected):
    assert upcoming(rule, date.fromisoformat(start), 3) == _dates(*expected)


def test_a_rule_started_on_the_31st_keeps_its_day_when_anchored_anew():
    rule = normalized_rule("FREQ=MONTHLY;INTERVAL=2", date(2027, 1, 31), TODAY)
    assert rule == "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    due, seen = date(2027, 1, 31), []
    for _ in range(3):
        due = next_due_date(rule, due, TODAY, False)
        seen.append(due)
    assert seen == _dates("2027-03-31", "2027-05-31", "2027-07-31")


def test_count_is_kept_as_the_date_of_the_last_time():
    assert normalized_rule("freq=weekly;count=3", date(2026, 12, 9), TODAY) == (
        "FREQ=WEEKLY;UNTIL=20261223"
    )


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ("FREQ=HOURLY", "daily, weekly, monthly or yearly"),
        ("FREQ=DAILY;BYHOUR=9", "times of day go in due_time"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL is a whole number from 1 to 99"),
        ("FREQ=DAILY;COUNT=5000", "ends within 5 years"),
        ("FREQ=DAILY;UNTIL=20400101", "ends within 5 years"),
        ("FREQ=DAILY;UNTIL=tomorrow", "UNTIL is a date"),
        ("FREQ=DAILY;COUNT=2;UNTIL=20270101", "not both"),
        ("FREQ=MONTHLY;BYMONTHDAY=" + ",".join(["1"] * 32), "at most 31 values"),
        ("FREQ=DAILY;FREQ=WEEKLY", "given twice"),
        ("FREQ", "NAME=VALUE"),
        ("FREQ=MONTHLY;BYMONTHDAY=40", "from 1 to 31"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY names weekdays"),
        ("FREQ=MONTHLY;INTERVAL=2;WKST=XX", "can't be read"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "No month the rule names has the day"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", "no date on or after"),
        # Rules that never fall on a date are refused before dateutil searches to 9999.
        ("FREQ=DAILY;BYSETPOS=2", "as FREQ=MONTHLY"),
        ("FREQ=DAILY;BYDAY=MO;BYMONTH=2;BYMONTHDAY=30", "monthly or yearly"),
        ("FREQ=DAILY;BYDAY=+1MO", "BYDAY names weekdays"),
        ("FREQ=YEARLY;BYDAY=+60MO", "from 1 to 53"),
        ("FREQ=YEARLY;BYMONTH=-1", "BYMONTH lists whole numbers from 1 to 12."),
    ],
)
def test_rules_taskly_does_not_keep_are_refused_saying_why(rule, says):
    with pytest.raises(RepeatError, match=says):
        normalized_rule(rule, TODAY, TODAY)


def test_completing_moves_to_the_next_date_after_both_the_due_date_and_today():
    overdue_daily = next_due_date("FREQ=DAILY", date(2026, 12, 1), TODAY, False)
    early_weekly = next_due_date("FREQ=WEEKLY;BYDAY=FR", date(2026, 12, 11), TODAY, False)
    assert (overdue_daily, early_weekly) == (date(2026, 12, 10), date(2026, 12, 18))


def test_from_completion_counts_the_interval_from_the_completion_day():
    assert next_due_date("FREQ=DAILY;INTERVAL=3", date(2026, 12, 1), TODAY, True) == date(
        2026, 12, 12
    )


def test_a_finished_series_has_no_next_date():
    assert next_due_date("FREQ=DAILY;UNTIL=20261209", date(2026, 12, 9), TODAY, False) is None


def _task(**fields: object) -> Task:
    return replace(Task(id="t", description="Standup"), **fields)  # type: ignore[arg-type]


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_a_nine_oclock_repeat_stays_at_nine_local_across_the_march_change():
    now = _at("2027-03-13T10:00:00-05:00")
    schedule = Schedule(due_date="2027-03-13", due_time="09:00", repeat="FREQ=DAILY")
    task = scheduled(_task(), schedule, NEW_YORK, now)
    assert task.due_at == _at("2027-03-13T09:00:00-05:00")
    moved = moved_to_next_date(task, NEW_YORK, now)
    assert moved is not None
    assert (moved.due_date, moved.status, moved.last_completed_at) == ("2027-03-14", "todo", now)
    assert moved.due_at == _at("2027-03-14T09:00:00-04:00")  # 13:00 UTC, no longer 14:00


def test_a_repeat_starts_on_its_first_date_not_before_the_one_given():
    schedule = Schedule(due_date="2026-12-09", repeat="FREQ=WEEKLY;BYDAY=MO")
    assert scheduled(_task(), schedule, NEW_YORK, _at("2026-12-09T12:00:00Z")).due_date == (
        "2026-12-14"
    )


@pytest.mark.parametrize(
    ("schedule", "field"),
    [
        (Schedule(due_time="09:00"), "due_time"),
        (Schedule(repeat="FREQ=DAILY"), "repeat"),
        (Schedule(due_date="2026-12-09", repeat="FREQ=MINUTELY"), "repeat"),
    ],
)
def test_a_schedule_that_cannot_be_kept_names_its_field(schedule, field):
    with pytest.raises(InvalidInput) as refused:
        scheduled(_task(), schedule, NEW_YORK, _at("2026-12-09T12:00:00Z"))
    assert refused.value.field == field


def test_clearing_the_date_clears_its_time_and_repeat():
    current = Schedule("2026-12-09", "09:00", "FREQ=DAILY", True, 10)
    cleared = SchedulePatch(Schedule(), frozenset({"due_date"})).applied_to(current)
    assert cleared == Schedule(remind_before_minutes=10)


PERSON = Profile("u", timezone=NEW_YORK, remind_time="08:00")


@pytest.mark.parametrize(
    ("fields", "now", "expected"),
    [
        # At its time, less the offset, while that is ahead.
        (
            {"due_date": "2026-12-10", "due_time": "14:00", "remind_before_minutes": 10},
            "2026-12-09T12:00:00-05:00",
            "2026-12-10T13:50:00-05:00",
        ),
        # A date without a time: that morning's digest.
        ({"due_date": "2026-12-20"}, "2026-12-09T12:00:00-05:00", "2026-12-20T08:00:00-05:00"),
        # Overdue or due today after the digest: the next digest, until done.
        (
            {"due_date": "2026-12-09", "due_time": "10:00"},
            "2026-12-09T12:00:00-05:00",
            "2026-12-10T08:00:00-05:00",
        ),
        ({"due_date": "2026-12-01"}, "2026-12-09T12:00:00-05:00", "2026-12-10T08:00:00-05:00"),
        # No date: the daily digest, as before.
        ({}, "2026-12-09T07:00:00-05:00", "2026-12-09T08:00:00-05:00"),
    ],
)
def test_when_a_task_is_next_reminded(fields, now, expected):
    due_at = None
    if fields.get("due_time"):
        due_at = scheduled(_task(), Schedule(**fields), NEW_YORK, _at(now)).due_at
    task = _task(**fields, due_at=due_at, notify_email=True)
    assert planned_reminder(task, PERSON, _at(now)) == _at(expected)
