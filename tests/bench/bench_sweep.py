"""Reminder throughput through the emulators, with 100 ms added to every SendGrid call.

For 100, 1,000 and 5,000 people due at once (their digests), and 5,000 tasks due at the same
minute (their timed reminders): how long the sweep itself runs, its peak memory, and the time
until the last message reached the capture server, with the delivery queue's dispatch
concurrency. Run with `make bench` (not part of `make test`: it measures,
it does not assert a goal).
"""

import os
import time
import tracemalloc
from datetime import timedelta

import pytest

from taskly.reminders.sweep import run_sweep
from tests.support import bulk, capture
from tests.support.reminders import fresh_epoch

LATENCY_MS = 100
SIZES = (100, 1_000, 5_000)
RESULTS: list[str] = []


def _accepted() -> int:
    return capture.stats()["email"]["accepted"]


@pytest.fixture(scope="module", autouse=True)
def table():
    yield
    at_once = os.environ.get("EMAIL_SENDS_AT_ONCE", "?")
    per_second = os.environ.get("EMAIL_SENDS_PER_SECOND", "100")
    print(f"\nDelivery queue: {at_once} dispatches at once, at most {per_second} a second.")
    print("| due | sweep run | pages | sweep peak memory | last message captured | messages/s |")
    print("|---:|---:|---:|---:|---:|---:|")
    print("\n".join(RESULTS))


@pytest.mark.parametrize(
    ("people", "kind"), [*((size, "digests") for size in SIZES), (5_000, "timed reminders")]
)
def test_bench_reminders_for_people_due_at_once(db, people, kind):
    day = fresh_epoch(db)
    timed = kind == "timed reminders"
    bulk.seed(db, people=people, tasks_each=3, due_at=day, tag=f"bench{people}", timed=timed)
    capture.set_fault(channel="email", latency_ms=LATENCY_MS)
    before = _accepted()
    try:
        tracemalloc.start()
        started = time.perf_counter()
        report = run_sweep(day + timedelta(minutes=1))
        sweep_seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        deadline = started + 60 + people  # generous: a stall shows up as a failure, not a hang
        while _accepted() - before < people and time.perf_counter() < deadline:
            time.sleep(0.2)
        last_digest = time.perf_counter() - started
    finally:
        capture.clear_faults()
    sent = _accepted() - before
    RESULTS.append(
        f"| {people:,} {kind} | {sweep_seconds:.1f} s | {report.pages} | {peak / 1e6:.1f} MB "
        f"| {last_digest:.1f} s "
        f"| {sent / last_digest:.1f} |"
    )
    assert (report.timed_reminders if timed else report.digests) == people
    assert sent == people
