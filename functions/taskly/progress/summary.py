"""What the Progress page shows, worked out from the statistics document alone.

Each figure is for a ``today`` and reads the statistics as seen on it (ProgressStats.as_of),
so the page, the digest and the board's count agree after any change of zone.
"""

import statistics
from dataclasses import dataclass
from datetime import date, timedelta

from taskly.progress.document import ProgressStats
from taskly.vocabulary.limits import MEDIAN_WINDOW_DAYS

WEEKS_SHOWN = 12


@dataclass(frozen=True)
class Week:
    starts: date  # a Monday
    created: int
    done: int


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weeks(stats: ProgressStats, today: date) -> list[Week]:
    """Created and done per week, the oldest of the last WEEKS_SHOWN first."""
    this_week = week_start(today)
    shown = [this_week - timedelta(weeks=n) for n in reversed(range(WEEKS_SHOWN))]
    created = dict.fromkeys(shown, 0)
    done = dict.fromkeys(shown, 0)
    for day, counts in stats.as_of(today).days.items():
        starts = week_start(day)
        if starts in created:
            created[starts] += counts.created
            done[starts] += max(0, counts.done)
    return [Week(starts, created[starts], done[starts]) for starts in shown]


def _done_on(stats: ProgressStats, day: date) -> int:
    counts = stats.days.get(day)
    return max(0, counts.done) if counts else 0


def done_today(stats: ProgressStats, today: date) -> int:
    return _done_on(stats.as_of(today), today)


def done_this_week(stats: ProgressStats, today: date) -> int:
    seen = stats.as_of(today)
    monday = week_start(today)
    return sum(_done_on(seen, monday + timedelta(days=n)) for n in range((today - monday).days + 1))


def median_seconds_to_done(
    stats: ProgressStats, today: date, last_day: date | None = None
) -> float | None:
    """The median created-to-done time of tasks done in the 30 days up to ``last_day`` (no
    later than today, and today unless given)."""
    last_day = last_day or today
    first_day = last_day - timedelta(days=MEDIAN_WINDOW_DAYS - 1)
    times = [
        seconds
        for day, counts in stats.as_of(today).days.items()
        if first_day <= day <= last_day
        for seconds in counts.done_seconds.values()
    ]
    return statistics.median(times) if times else None


def streak_days(stats: ProgressStats, today: date) -> int:
    """Days in a row with something done, up to today; today still counts as open."""
    seen = stats.as_of(today)
    day = today if _done_on(seen, today) else today - timedelta(days=1)
    streak = 0
    while _done_on(seen, day):
        streak += 1
        day -= timedelta(days=1)
    return streak
