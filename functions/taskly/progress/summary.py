"""What the Progress page shows, worked out from the statistics document alone."""

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
    for day, counts in stats.days.items():
        starts = week_start(day)
        if starts in created:
            created[starts] += counts.created
            done[starts] += max(0, counts.done)
    return [Week(starts, created[starts], done[starts]) for starts in shown]


def done_on(stats: ProgressStats, day: date) -> int:
    counts = stats.days.get(day)
    return max(0, counts.done) if counts else 0


def done_this_week(stats: ProgressStats, today: date) -> int:
    monday = week_start(today)
    return sum(done_on(stats, monday + timedelta(days=n)) for n in range((today - monday).days + 1))


def median_seconds_to_done(stats: ProgressStats, last_day: date) -> float | None:
    """The median created-to-done time of tasks done in the 30 days up to ``last_day``."""
    first_day = last_day - timedelta(days=MEDIAN_WINDOW_DAYS - 1)
    times = [
        seconds
        for day, counts in stats.days.items()
        if first_day <= day <= last_day
        for seconds in counts.done_seconds.values()
    ]
    return statistics.median(times) if times else None


def streak_days(stats: ProgressStats, today: date) -> int:
    """Days in a row with something done, up to today; today still counts as open."""
    day = today if done_on(stats, today) else today - timedelta(days=1)
    streak = 0
    while done_on(stats, day):
        streak += 1
        day -= timedelta(days=1)
    return streak
