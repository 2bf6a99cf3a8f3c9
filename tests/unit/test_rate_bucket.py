"""The token bucket behind the write limit: a burst, a steady rate, an honest wait."""

from datetime import UTC, datetime, timedelta

from taskly.ratelimit.bucket import take

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _spend(times: int, at: datetime, bucket=None):
    decision = None
    for _ in range(times):
        decision = take(bucket, at, per_second=1, burst=60)
        bucket = decision.bucket
    return decision


def test_a_fresh_person_has_the_whole_burst():
    assert _spend(60, NOW).allowed
    assert not _spend(61, NOW).allowed


def test_the_wait_is_until_the_next_token():
    empty = _spend(60, NOW).bucket
    refused = take(empty, NOW + timedelta(milliseconds=200), per_second=1, burst=60)
    assert not refused.allowed and refused.retry_after_seconds == 1
    assert take(empty, NOW + timedelta(seconds=1), per_second=1, burst=60).allowed


def test_tokens_refill_at_the_rate_and_never_past_the_burst():
    empty = _spend(60, NOW).bucket
    after_ten = take(empty, NOW + timedelta(seconds=10), per_second=1, burst=60)
    assert after_ten.allowed and round(after_ten.bucket.tokens) == 9
    after_a_day = take(empty, NOW + timedelta(days=1), per_second=1, burst=60)
    assert after_a_day.bucket.tokens == 59


def test_a_clock_going_back_adds_nothing():
    empty = _spend(60, NOW).bucket
    assert not take(empty, NOW - timedelta(seconds=30), per_second=1, burst=60).allowed
