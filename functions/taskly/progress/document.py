"""The statistics document ``users/{uid}/stats/progress``: its shape, read and written here only.

    timezone      the zone of the last count (a change of zone moves no day: a day is where
                  the person finished)
    done_tasks    tasks in the Done column now (the board pages through them)
    days          {"YYYY-MM-DD": {created, done, done_seconds: {done_time_key: seconds}}}
    updated_at

A write's change goes in as atomic increments (``increments``), so writes at the same moment
never contend and no transaction reads the document first.
"""

import functools
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from google.cloud import firestore
from google.cloud.firestore_v1.field_path import FieldPath

from taskly.profiles.store import profile_ref
from taskly.progress.counting import Counting, done_time_key
from taskly.vocabulary.limits import (
    DONE_TIMES_PER_DAY_KEPT,
    MEDIAN_WINDOW_DAYS,
    PROGRESS_DAYS_KEPT,
)

_DONE_TIMES_KEPT_DAYS = 2 * MEDIAN_WINDOW_DAYS


def stats_ref(uid: str) -> firestore.DocumentReference:
    return profile_ref(uid).collection("stats").document("progress")


@dataclass(frozen=True)
class Day:
    created: int = 0
    done: int = 0
    # Seconds from created to done, per task done that day (by done_time_key).
    done_seconds: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_document(cls, data: dict[str, Any]) -> "Day":
        return cls(
            created=int(data.get("created") or 0),
            done=int(data.get("done") or 0),
            done_seconds={k: int(v) for k, v in (data.get("done_seconds") or {}).items()},
        )

    def plus(self, other: "Day") -> "Day":
        return Day(
            created=self.created + other.created,
            done=self.done + other.done,
            done_seconds={**self.done_seconds, **other.done_seconds},
        )


@dataclass(frozen=True)
class ProgressStats:
    timezone: str
    done_tasks: int = 0
    days: dict[date, Day] = field(default_factory=dict)

    @classmethod
    def from_document(cls, data: dict[str, Any], timezone: str) -> "ProgressStats":
        return cls(
            timezone=timezone,
            done_tasks=int(data.get("done_tasks") or 0),
            days={
                date.fromisoformat(key): Day.from_document(value)
                for key, value in (data.get("days") or {}).items()
            },
        )

    def as_of(self, today: date) -> "ProgressStats":
        """The statistics as seen on ``today``, the rule every reader applies: days after it
        count as today. A completion stays on the day it was where the person finished it, so
        one finished in a zone ahead of theirs now can lie after today here; nothing is done
        in the future."""
        later = [day for day in self.days if day > today]
        if not later:
            return self
        days = {day: counts for day, counts in self.days.items() if day < today}
        days[today] = functools.reduce(
            Day.plus, (self.days[day] for day in later), self.days.get(today, Day())
        )
        return replace(self, days=days)

    def stale(self, today: date) -> list[tuple[str, ...]]:
        """Field paths to forget: days past the kept history, done times past the medians'
        window, and done times past the per-day cap."""
        oldest_kept = today - timedelta(days=PROGRESS_DAYS_KEPT - 1)
        oldest_times = today - timedelta(days=_DONE_TIMES_KEPT_DAYS - 1)
        paths: list[tuple[str, ...]] = []
        for day, counts in self.days.items():
            key = day.isoformat()
            if day < oldest_kept:
                paths.append(("days", key))
            elif day < oldest_times and counts.done_seconds:
                paths.append(("days", key, "done_seconds"))
            else:
                extra = sorted(counts.done_seconds)[DONE_TIMES_PER_DAY_KEPT:]
                paths.extend(("days", key, "done_seconds", time_key) for time_key in extra)
        return paths


def read_stats(uid: str, timezone: str) -> ProgressStats:
    snapshot = stats_ref(uid).get()
    return ProgressStats.from_document(snapshot.to_dict() or {}, timezone)


def increments(change: Counting, timezone: str, now: datetime) -> dict[str, Any]:
    """The change as a merge of atomic increments into the document."""
    days: dict[str, dict[str, Any]] = {}
    if change.created_on:
        days.setdefault(change.created_on.isoformat(), {})["created"] = firestore.Increment(1)
    if change.done_on:
        day = days.setdefault(change.done_on.isoformat(), {})
        day["done"] = firestore.Increment(1)
        if change.seconds_to_done is not None:
            day["done_seconds"] = {done_time_key(change.task_id): change.seconds_to_done}
    if change.undone_on:
        day = days.setdefault(change.undone_on.isoformat(), {})
        day["done"] = firestore.Increment(-1)
        day["done_seconds"] = {done_time_key(change.task_id): firestore.DELETE_FIELD}
    update: dict[str, Any] = {"timezone": timezone, "updated_at": now}
    if days:  # an empty map would replace every day (merge takes it as one value)
        update["days"] = days
    if change.done_tasks:
        update["done_tasks"] = firestore.Increment(change.done_tasks)
    return update


def forget_stale(uid: str, today: date, stats: ProgressStats) -> None:
    """Delete what the page no longer needs (``ProgressStats.stale``)."""
    stale = stats.stale(today)
    if stale:
        paths = {FieldPath(*path).to_api_repr(): firestore.DELETE_FIELD for path in stale}
        stats_ref(uid).update(paths)
