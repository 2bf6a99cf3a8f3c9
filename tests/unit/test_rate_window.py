"""The sliding window behind every per-person rate: what fits, and an honest wait."""

from datetime import UTC, datetime
from fractions import Fraction

import pytest

from taskly.ratelimit.window import Rate, position, wait_seconds, weighted_count

PER_MINUTE = Rate("writes", 60, 60, "changes")


def test_a_fresh_person_has_the_whole_limit():
    assert wait_seconds(0, 59, 0.5, PER_MINUTE) == 0
    # The 61st waits for the next period, and 1/60 into it (see below): 30 + 1 s.
    assert wait_seconds(0, 60, 0.5, PER_MINUTE) == 31


def test_the_previous_period_weighs_what_is_left_of_it():
    assert weighted_count(60, 0, 0.25) == 45
    # 45 of the previous period still count at a quarter in: 15 more fit, not 16.
    assert wait_seconds(60, 14, 0.25, PER_MINUTE) == 0
    # One second on, the previous period weighs 44: then the 16th fits.
    assert wait_seconds(60, 15, 0.25, PER_MINUTE) == 1


def test_a_burst_across_the_edge_of_two_periods_still_meets_the_limit():
    # 60 at the very end of one minute, then the next minute starts: nothing more fits yet.
    assert wait_seconds(60, 0, 0.0, PER_MINUTE) == 1
    assert wait_seconds(60, 0, 1 / 60, PER_MINUTE) == 0


def test_the_wait_is_until_the_previous_period_weighs_little_enough():
    # 60 before, 30 now, half way in: 30 + 30 counted. One more fits once the previous
    # weighs 29, at 1 - 29/60 of the period: 31 s in, so 1 s from now.
    assert wait_seconds(60, 30, 0.5, PER_MINUTE) == 1
    assert wait_seconds(60, 30, 0.2, PER_MINUTE) == 19


def test_a_full_period_waits_into_the_next():
    # 60 already this period: the next one starts in 30 s, and there the 60 weigh until
    # 1/60 of it has passed.
    assert wait_seconds(0, 60, 0.5, PER_MINUTE) == 31


def _fits_after(previous: int, current: int, fraction: float, rate: Rate) -> int:
    """The whole seconds from now until one more request fits, found by stepping forward a
    second at a time in exact arithmetic (the decimal ``fraction`` as written)."""
    period = rate.period_seconds
    into = Fraction(str(fraction)) * period  # seconds into the current period
    for wait in range(3 * period):
        at = into + wait
        if at < period:
            counted = previous * (1 - at / period) + current
        elif at < 2 * period:
            counted = current * (1 - (at - period) / period)
        else:
            counted = Fraction(0)
        if counted + 1 <= rate.limit:
            return wait
    raise AssertionError("a request fits two periods on, whatever came before")


def test_the_wait_is_never_longer_than_two_periods():
    for previous in range(0, 200, 7):
        for current in range(0, 200, 9):
            for fraction in (0.0, 0.3, 0.99):
                wait = wait_seconds(previous, current, fraction, PER_MINUTE)
                assert wait == _fits_after(previous, current, fraction, PER_MINUTE)
                assert wait <= 120


@pytest.mark.parametrize(
    ("now", "index", "fraction"),
    [
        (datetime(2026, 12, 1, 9, 0, 0, tzinfo=UTC), 29_935_260, 0.0),
        (datetime(2026, 12, 1, 9, 0, 45, tzinfo=UTC), 29_935_260, 0.75),
    ],
)
def test_position_in_the_period(now, index, fraction):
    at = position(now, PER_MINUTE)
    assert (at.index, at.fraction) == (index, pytest.approx(fraction))
