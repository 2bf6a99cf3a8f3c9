"""Progress statistics: what one task write changes, and what the page shows."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from taskly.limits import DONE_TIMES_PER_DAY_KEPT, PROGRESS_DAYS_KEPT
from taskly.progress import summary
from taskly.progress.stats import Counting, Day, ProgressStats, counting, done_time_key
from taskly.tasks.document import Task

CREATED = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)  # Monday 23:30 in Berlin
T1 = done_time_key("t1")


def _task(**fields) -> Task:
    return replace(Task(id="t1", description="Write report", created_at=CREATED), **fields)


def _done(task: Task, at: datetime) -> Task:
    return replace(task, status="done", done_at=at)


def _stats_after(*writes: tuple[Task | None, Task | None], timezone: str = "UTC"):
    stats = ProgressStats(timezone=timezone)
    for before, after in writes:
        change = counting(before, after, timezone)
        if change is not None:
            stats.apply(change)
    return stats


def test_a_new_task_counts_as_created_on_the_local_day():
    assert counting(None, _task(), "Europe/Berlin") == Counting("t1", date(2026, 11, 30))
    assert counting(None, _task(), "UTC") == Counting("t1", date(2026, 11, 30))
    assert counting(None, _task(), "Asia/Tokyo") == Counting("t1", date(2026, 12, 1))


def test_a_task_moved_to_done_counts_on_its_done_day_with_its_time_to_done():
    task = _task()
    stats = _stats_after(
        (None, task), (task, _done(task, CREATED + timedelta(hours=3))), timezone="Europe/Berlin"
    )
    assert stats.days[date(2026, 12, 1)] == Day(done=1, done_seconds={T1: 3 * 3600})
    assert stats.done_tasks == 1


def test_a_task_created_done_counts_both_at_once():
    done = _done(_task(), CREATED)
    assert counting(None, done, "UTC") == Counting(
        "t1", date(2026, 11, 30), date(2026, 11, 30), 0, done_tasks=1
    )


def test_reopening_a_done_task_takes_its_done_back():
    task = _task()
    done = _done(task, CREATED + timedelta(minutes=5))
    stats = _stats_after((None, task), (task, done), (done, replace(done, status="todo")))
    assert stats.days[date(2026, 11, 30)] == Day(created=1, done=0, done_seconds={})
    assert stats.done_tasks == 0


def test_deleting_a_done_task_keeps_the_history_but_leaves_the_done_column():
    done = _done(_task(), CREATED + timedelta(minutes=5))
    stats = _stats_after((None, done), (done, None))
    assert stats.days[date(2026, 11, 30)] == Day(created=1, done=1, done_seconds={T1: 300})
    assert stats.done_tasks == 0


def test_edits_and_moves_between_open_columns_count_for_nothing():
    task = _task()
    assert counting(task, replace(task, description="Write the report"), "UTC") is None
    assert counting(task, replace(task, status="doing"), "UTC") is None
    assert counting(task, replace(task, notify_email=True), "UTC") is None
    assert counting(task, None, "UTC") is None  # an open task deleted


def test_the_document_round_trips():
    stats = _stats_after((None, _done(_task(), CREATED + timedelta(hours=1))))
    now = datetime(2026, 12, 1, tzinfo=UTC)
    assert ProgressStats.from_document(stats.to_document(now), "UTC") == stats


def test_pruning_forgets_old_days_keeps_done_times_for_the_medians_and_caps_them():
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
    stats.prune(today)
    assert stats.days[today - timedelta(days=100)] == Day(done=2)
    assert stats.days[today - timedelta(days=59)] == Day(done=1, done_seconds={"c": 5})
    assert today - timedelta(days=PROGRESS_DAYS_KEPT) not in stats.days
    assert len(stats.days[today].done_seconds) == DONE_TIMES_PER_DAY_KEPT
    assert stats.days[today].done == len(crowded)  # the count stays whole
    assert stats.stale(today) == []


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
    stats.days[today] = Day(done=2)
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
    assert summary.median_seconds_to_done(stats, today - timedelta(days=30)) == 1000
    assert summary.median_seconds_to_done(stats, today - timedelta(days=60)) is None


def _stored_size(value) -> int:
    """Bytes Firestore counts for a value (firebase.google.com/docs/firestore/storage-size)."""
    if isinstance(value, str):
        return len(value.encode()) + 1
    if isinstance(value, dict):
        return sum(_stored_size(key) + _stored_size(item) for key, item in value.items())
    return 8  # integers and timestamps, all the document holds besides text and maps


def _field_count(document: dict) -> int:
    """Fields as Firestore's limit of 20,000 counts them: every map entry is one."""
    return sum(1 + (_field_count(v) if isinstance(v, dict) else 0) for v in document.values())


LONGEST_ID = 128  # task ids and uids alike (tasks.cursor.DOCUMENT_ID, Firebase Auth)
# A quarter of Firestore's 1 MiB document limit.
STATS_DOCUMENT_BOUND = 256 * 1024


def _document_size(uid: str, document: dict) -> int:
    name = ["users", uid, "stats", "progress"]
    return sum(_stored_size(segment) for segment in name) + 16 + _stored_size(document) + 32


def test_the_document_stays_small_whatever_the_ids_with_every_day_at_the_cap():
    """More days than are kept, each with more tasks done than the cap keeps times for, all
    with the longest ids. Measured once every kept day is full (it only grows until then), as
    the trigger leaves it after a write and before its prune: with the day that just left the
    medians' window still holding its times, and one time over the cap."""
    uid = "u" * LONGEST_ID
    stats = ProgressStats(timezone="UTC")
    first_day = date(2026, 1, 1)
    now = datetime(2027, 3, 1, tzinfo=UTC)
    largest = fields = 0
    for offset in range(PROGRESS_DAYS_KEPT + 5):
        day = first_day + timedelta(days=offset)
        for number in range(DONE_TIMES_PER_DAY_KEPT + 1):
            task_id = f"{offset:04}-{number:04}-".ljust(LONGEST_ID, "x")
            stats.apply(Counting(task_id, day, day, 86_400 * 400 + number, done_tasks=1))
        if offset >= PROGRESS_DAYS_KEPT:
            document = stats.to_document(now)
            largest = max(largest, _document_size(uid, document))
            fields = max(fields, _field_count(document))
        stats.prune(day)
    assert len(stats.days) == PROGRESS_DAYS_KEPT
    print(f"largest statistics document: {largest} bytes, {fields} fields")
    assert largest < STATS_DOCUMENT_BOUND, largest
    assert fields < 20_000, fields
