"""Counting task writes into the statistics document, the way the task trigger does it:
``record_task_write`` against Firestore, the stored document read back."""

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from taskly.profiles.store import profile_ref
from taskly.progress.counting import done_time_key
from taskly.progress.document import Day, read_stats, stats_ref
from taskly.progress.record_write import record_task_write
from taskly.tasks.writes import TaskWrite
from taskly.vocabulary.limits import (
    DONE_TIMES_PER_DAY_KEPT,
    MEDIAN_WINDOW_DAYS,
    PROGRESS_DAYS_KEPT,
)

CREATED = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)  # Monday 23:30 in Berlin
T1 = done_time_key("t1")
LONGEST_ID = 128  # task ids and uids alike (vocabulary.ids.DOCUMENT_ID, Firebase Auth)
# A quarter of Firestore's 1 MiB document limit.
STATS_DOCUMENT_BOUND = 256 * 1024


def _person(timezone: str) -> str:
    uid = f"progress-{uuid.uuid4().hex}"
    profile_ref(uid).set({"timezone": timezone})
    return uid


def _task(status: str = "todo", done_at: datetime | None = None) -> dict[str, Any]:
    return {
        "description": "Write report",
        "status": status,
        "created_at": CREATED,
        "done_at": done_at,
    }


def _count(uid: str, *writes: tuple[dict | None, dict | None]) -> None:
    for before, after in writes:
        record_task_write(TaskWrite(uuid.uuid4().hex, uid, "t1", before, after), CREATED)


def test_a_task_moved_to_done_counts_on_its_local_done_day_with_its_time_to_done():
    uid = _person("Europe/Berlin")
    task, done = _task(), _task("done", CREATED + timedelta(hours=3))
    _count(uid, (None, task), (task, done))
    stats = read_stats(uid, "Europe/Berlin")
    assert stats.days == {
        date(2026, 11, 30): Day(created=1),
        date(2026, 12, 1): Day(done=1, done_seconds={T1: 3 * 3600}),
    }
    assert stats.done_tasks == 1


def test_reopening_a_done_task_takes_its_done_back():
    uid = _person("UTC")
    task, done = _task(), _task("done", CREATED + timedelta(minutes=5))
    _count(uid, (None, task), (task, done), (done, _task()))
    stats = read_stats(uid, "UTC")
    assert stats.days == {date(2026, 11, 30): Day(created=1, done=0, done_seconds={})}
    assert stats.done_tasks == 0


def test_deleting_a_done_task_keeps_the_history_but_leaves_the_done_column():
    uid = _person("UTC")
    done = _task("done", CREATED + timedelta(minutes=5))
    _count(uid, (None, done), (done, None))
    stats = read_stats(uid, "UTC")
    assert stats.days == {date(2026, 11, 30): Day(created=1, done=1, done_seconds={T1: 300})}
    assert stats.done_tasks == 0


def _stored_size(value: Any) -> int:
    """Bytes Firestore counts for a value (firebase.google.com/docs/firestore/storage-size)."""
    if isinstance(value, str):
        return len(value.encode()) + 1
    if isinstance(value, dict):
        return sum(_stored_size(key) + _stored_size(item) for key, item in value.items())
    return 8  # integers and timestamps, all the document holds besides text and maps


def _field_count(document: dict) -> int:
    """Fields as Firestore's limit of 20,000 counts them: every map entry is one."""
    return sum(1 + (_field_count(v) if isinstance(v, dict) else 0) for v in document.values())


def _document_size(uid: str, document: dict) -> int:
    name = ["users", uid, "stats", "progress"]
    return sum(_stored_size(segment) for segment in name) + 16 + _stored_size(document) + 32


def _fullest_document(today: date, now: datetime) -> dict[str, Any]:
    """The largest the document gets: as a write on a full day leaves it, before its prune.
    Every kept day is full, the day that just left the medians' window still has its times,
    and today has one time over the cap; every id is as long as ids go."""
    days: dict[str, Any] = {}
    for back in range(PROGRESS_DAYS_KEPT + 1):
        day = today - timedelta(days=back)
        with_times = back <= 2 * MEDIAN_WINDOW_DAYS
        times = DONE_TIMES_PER_DAY_KEPT + (1 if back == 0 else 0) if with_times else 0
        days[day.isoformat()] = {
            "created": times,
            "done": times,
            "done_seconds": {
                done_time_key(f"{back:04}-{number:04}-".ljust(LONGEST_ID, "x")): 86_400 * 400
                for number in range(times)
            },
        }
    return {"timezone": "UTC", "done_tasks": 10_000, "days": days, "updated_at": now}


def test_the_document_stays_small_whatever_the_ids_and_a_write_prunes_it_back():
    now = datetime(2027, 3, 1, 12, tzinfo=UTC)
    today = now.date()
    uid = "u" * (LONGEST_ID - 40) + uuid.uuid4().hex[:40]
    fullest = _fullest_document(today, now)
    size, fields = _document_size(uid, fullest), _field_count(fullest)
    print(f"largest statistics document: {size} bytes, {fields} fields")
    assert size < STATS_DOCUMENT_BOUND, size
    assert fields < 20_000, fields
    profile_ref(uid).set({"timezone": "UTC"})
    stats_ref(uid).set(fullest)  # Firestore takes it

    done = {"description": "One more", "status": "done", "created_at": now, "done_at": now}
    assert record_task_write(TaskWrite(uuid.uuid4().hex, uid, "one-more", None, done), now)

    stats = read_stats(uid, "UTC")
    assert len(stats.days) == PROGRESS_DAYS_KEPT
    assert min(stats.days) == today - timedelta(days=PROGRESS_DAYS_KEPT - 1)
    with_times = [day for day, counts in stats.days.items() if counts.done_seconds]
    assert min(with_times) == today - timedelta(days=2 * MEDIAN_WINDOW_DAYS - 1)
    assert max(len(counts.done_seconds) for counts in stats.days.values()) == (
        DONE_TIMES_PER_DAY_KEPT
    )
    assert stats.days[today].done == DONE_TIMES_PER_DAY_KEPT + 2  # the counts stay whole
