"""How long a sweep of 50 due digests takes with 100 ms added per provider call.

Run with `make bench` (not part of `make test`: it measures, it does not assert a goal).
"""

import time
from datetime import timedelta

from taskly.reminder_sweep import run_sweep
from tests.support import bulk, capture
from tests.support.reminders import fresh_epoch

LATENCY_MS = 100
DIGESTS = 50


def test_bench_sweep_of_50_digests_with_slow_provider(db):
    day = fresh_epoch(db)
    bulk.seed(db, people=DIGESTS, tasks_each=100, due_at=day, tag="bench")
    capture.set_fault(channel="email", latency_ms=LATENCY_MS)
    try:
        started = time.perf_counter()
        report = run_sweep(day + timedelta(minutes=1))
        elapsed = time.perf_counter() - started
    finally:
        capture.clear_faults()
    serial = DIGESTS * LATENCY_MS / 1000
    print(
        f"\nsweep: {report.outcomes.get('sent', 0)} digests, {report.tasks_read} task reads "
        f"in {elapsed:.2f} s (provider latency alone, one at a time: {serial:.1f} s)"
    )
    assert report.outcomes == {"sent": DIGESTS}
