"""Order keys: the ranks given to tasks from before ranks fit among those Taskly gives."""

from datetime import UTC, datetime, timedelta

from fractional_indexing import generate_key_between, validate_order_key

from tests.support.product import legacy_rank, missing_fields


def test_legacy_ranks_are_order_keys_newest_first_below_every_new_rank() -> None:
    start = datetime(2020, 1, 1, tzinfo=UTC)
    ranks = [legacy_rank(start + timedelta(days=day)) for day in range(0, 3000, 300)]
    for rank in ranks:
        validate_order_key(rank)
    assert ranks == sorted(ranks, reverse=True)
    first_new = generate_key_between(None, None)
    assert first_new < min(ranks)
    # A task placed among them, or put on top of them, gets a key in between.
    assert ranks[-1] < generate_key_between(ranks[-1], ranks[-2]) < ranks[-2]
    assert generate_key_between(None, ranks[-1]) < ranks[-1]
    validate_order_key(legacy_rank(None))


def test_only_missing_fields_are_filled_in() -> None:
    made = datetime(2025, 1, 1, tzinfo=UTC)
    assert missing_fields({"created_at": made}) == {"due_date": None, "rank": legacy_rank(made)}
    assert missing_fields({"due_date": None, "rank": "a0"}) == {}
    assert missing_fields({"due_date": "2026-01-01", "created_at": made}) == {
        "rank": legacy_rank(made)
    }
