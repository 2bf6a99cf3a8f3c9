"""Progress statistics, the pure rules: what one task write changes, which parts of the
statistics document are forgotten, and what the page shows. Counting into the stored document
is tested where production does it, against Firestore (tests/integration/test_progress_counting.py).
"""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from taskly.progress import summary
from taskly.progress.counting import Counting, changes_counts, counting, done_time_key
from taskly.progress.document import Day, ProgressStats
from taskly.tasks.document import Task
from taskly.tasks.schedule import completion_undone, moved_to_next_date
from taskly.vocabulary.errors import Conflict
from taskly.vocabulary.limits import DONE_TIMES_PER_DAY_KEPT, PROGRESS_DAYS_KEPT

CREATED = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)  # Monday 23:30 in Berlin
T1 = done_time_key("t1")


def _task(**fields) -> Task:
    return replace(Task(id="t1", description="Write report", created_at=CREATED), **fields)


def _done(task: Task, at: datetime) -> Task:
    return replace(task, status="done", done_at=at)


def test_a_new_task_counts_as_created_on_the_local_day():
    assert counting(None, _task(), "Europe/Berlin") == Counting("t1", date(2026, 11, 30))
    assert counting(None, _task(), "UTC") == Counting("t1", date(2026, 11, 30))
    assert counting(None, _task(), "Asia/Tokyo") == Counting("t1", date(2026, 12, 1))


def test_a_task_moved_to_done_counts_on_its_local_done_day_with_its_time_to_done():
    task = _task()
    done = _done(task, CREATED + timedelta(hours=3))
    assert counting(task, done, "Europe/Berlin") == Counting(
        "t1", None, date(2026, 12, 1), 3 * 3600, done_tasks=1
    )


def test_a_task_created_done_counts_both_at_once():
    done = _done(_task(), CREATED)
    assert counting(None, done, "UTC") == Counting(
        "t1", date(2026, 11, 30), date(2026, 11, 30), 0, done_tasks=1
    )


def test_reopening_a_done_task_takes_its_done_back_on_its_done_day():
    done = _done(_task(), CREATED + timedelta(minutes=5))
    assert counting(done, replace(done, status="todo"), "UTC") == Counting(
        "t1", undone_on=date(2026, 11, 30), done_tasks=-1
    )


def test_deleting_a_done_task_only_leaves_the_done_column():
    done = _done(_task(), CREATED + timedelta(minutes=5))
    assert counting(done, None, "UTC") == Counting("t1", done_tasks=-1)


# Kiritimati is UTC+14 and Pago Pago UTC-11: 25 hours apart, so one instant is on two
# different local days there, whatever the hour.
AHEAD, BEHIND = "Pacific/Kiritimati", "Pacific/Pago_Pago"


def test_a_completion_counts_on_the_day_it_recorded_not_in_the_zone_of_the_count():
    # Finished at 01:30 UTC on 1 December: the 1st in Kiritimati, still 30 November in
    # Pago Pago, where the person is by the time it is counted.
    done = replace(_done(_task(), CREATED + timedelta(hours=3)), completed_on="2026-12-01")
    assert counting(_task(), done, BEHIND) == Counting(
        "t1", None, date(2026, 12, 1), 3 * 3600, done_tasks=1
    )


def test_reopening_after_a_change_of_zone_takes_the_done_back_from_the_day_it_counted_on():
    done = replace(_done(_task(), CREATED + timedelta(hours=3)), completed_on="2026-12-01")
    reopened = replace(done, status="todo", done_at=None, completed_on=None)
    assert counting(done, reopened, BEHIND) == Counting(
        "t1", undone_on=date(2026, 12, 1), done_tasks=-1
    )


def test_a_task_from_before_completion_days_counts_on_its_done_instant_in_the_zone_now():
    done = _done(_task(), CREATED + timedelta(hours=3))
    assert counting(done, replace(done, status="todo"), BEHIND) == Counting(
        "t1", undone_on=date(2026, 11, 30), done_tasks=-1
    )


def _repeating() -> Task:
    return _task(due_date="2026-12-01", repeat="FREQ=DAILY")


def test_a_repeat_completed_records_its_local_day_and_the_date_it_completed():
    finished = CREATED + timedelta(hours=3)
    moved = moved_to_next_date(_repeating(), AHEAD, finished)
    assert moved is not None
    assert (moved.status, moved.due_date) == ("todo", "2026-12-02")
    assert (moved.completed_on, moved.completed_due_date) == ("2026-12-01", "2026-12-01")
    assert counting(_repeating(), moved, BEHIND) == Counting("t1", None, date(2026, 12, 1))


def test_undoing_a_repeat_completion_moves_it_back_and_takes_its_done_back_from_its_day():
    moved = moved_to_next_date(_repeating(), AHEAD, CREATED + timedelta(hours=3))
    assert moved is not None
    undone = completion_undone(moved, BEHIND)
    assert (undone.due_date, undone.last_completed_at, undone.completed_on) == (
        "2026-12-01",
        None,
        None,
    )
    assert undone.completed_due_date is None
    assert changes_counts(moved, undone)
    assert counting(moved, undone, BEHIND) == Counting("t1", undone_on=date(2026, 12, 1))


def test_a_task_whose_latest_completion_moved_nothing_on_has_nothing_to_undo():
    done = replace(_done(_repeating(), CREATED), completed_on="2026-11-30")
    for task in (_repeating(), done):
        try:
            completion_undone(task, "UTC")
        except Conflict as refused:
            assert refused.message == "This task has no completion to undo."
        else:
            raise AssertionError(f"undid {task}")


def test_edits_and_moves_between_open_columns_count_for_nothing():
    task = _task()
    assert counting(task, replace(task, description="Write the report"), "UTC") is None
    assert counting(task, replace(task, status="doing"), "UTC") is None
    assert counting(task, replace(task, notify_email=True), "UTC") is None
    assert counting(task, None, "UTC") is None  # an open task deleted


def test_stale_paths_are_old_days_done_times_past_the_medians_and_those_over_the_cap():
    today = date(2026, 12, 1)
    crowded = {f"t{n:04}": n for n in range(DONE_TIMES_PER_DAY_KEPT + 3)}
    stats = ProgressStats(
        timezone="UTC",
        days={
            today - timedelta(days=PROGRESS_DAYS_KEPT): Day(created=1),
            today - timedelta(days=100): Day(done=2, done_seconds={"a": 1, "b": 2}),
            today - timedelta(days=59): Day(done=1, done_seconds={"c": 5}),
            today: Day(done=len(crowded), done_seconds=dict(crowded)),
        },
    )
    over_the_cap = sorted(crowded)[DONE_TIMES_PER_DAY_KEPT:]
    assert stats.stale(today) == [
        ("days", (today - timedelta(days=PROGRESS_DAYS_KEPT)).isoformat()),
        ("days", (today - timedelta(days=100)).isoformat(), "done_seconds"),
        *(("days", today.isoformat(), "done_seconds", key) for key in over_the_cap),
    ]


def test_weeks_run_monday_to_sunday_oldest_first():
    today = date(2026, 12, 2)  # a Wednesday
    stats = ProgressStats(
        timezone="UTC",
        days={
            date(2026, 11, 30): Day(created=2, done=1),  # this week's Monday
            date(2026, 11, 29): Day(created=5),  # last week's Sunday
            date(2026, 9, 7): Day(done=9),  # 12 weeks back: not shown
            date(2026, 9, 14): Day(done=4),  # the first week shown
        },
    )
    weeks = summary.weeks(stats, today)
    assert len(weeks) == summary.WEEKS_SHOWN
    assert weeks[0] == summary.Week(date(2026, 9, 14), created=0, done=4)
    assert weeks[-2] == summary.Week(date(2026, 11, 23), created=5, done=0)
    assert weeks[-1] == summary.Week(date(2026, 11, 30), created=2, done=1)
    assert summary.done_this_week(stats, today) == 1


def test_the_streak_counts_days_in_a_row_and_today_is_still_open():
    today = date(2026, 12, 2)
    days = {today - timedelta(days=n): Day(done=1) for n in (1, 2, 3, 5)}
    stats = ProgressStats(timezone="UTC", days=days)
    assert summary.streak_days(stats, today) == 3
    stats = ProgressStats(timezone="UTC", days={**days, today: Day(done=2)})
    assert summary.streak_days(stats, today) == 4
    assert summary.streak_days(stats, today + timedelta(days=2)) == 0


def test_medians_compare_the_last_30_days_with_the_30_before():
    today = date(2026, 12, 2)
    stats = ProgressStats(
        timezone="UTC",
        days={
            today: Day(done=2, done_seconds={"a": 100, "b": 300}),
            today - timedelta(days=29): Day(done=1, done_seconds={"c": 200}),
            today - timedelta(days=30): Day(done=1, done_seconds={"d": 1000}),
        },
    )
    assert summary.median_seconds_to_done(stats, today) == 200
    assert summary.median_seconds_to_done(stats, today, today - timedelta(days=30)) == 1000
    assert summary.median_seconds_to_done(stats, today, today - timedelta(days=60)) is None


def test_days_after_today_count_as_today_in_every_figure():
    # Two done in Kiritimati on Monday 7 December; in Pago Pago it is still Sunday the 6th.
    today = date(2026, 12, 6)
    stats = ProgressStats(
        timezone=BEHIND,
        days={
            today: Day(created=1, done=1, done_seconds={"a": 60}),
            date(2026, 12, 7): Day(created=2, done=2, done_seconds={"b": 120, "c": 180}),
        },
    )
    assert stats.as_of(today).days == {
        today: Day(created=3, done=3, done_seconds={"a": 60, "b": 120, "c": 180})
    }
    assert summary.done_today(stats, today) == 3
    assert summary.done_this_week(stats, today) == 3
    assert summary.weeks(stats, today)[-1] == summary.Week(date(2026, 11, 30), created=3, done=3)
    assert summary.streak_days(stats, today) == 1
    assert summary.median_seconds_to_done(stats, today) == 120
    # Seen on the 7th itself, nothing moves.
    assert summary.done_today(stats, date(2026, 12, 7)) == 2
