"""send_reminders as the emulator serves it, fired the way Cloud Scheduler fires it.

Runs before every other test (tests/conftest.py): bulk seeding and some tests pause
background functions, and the emulator does not bring a scheduled function back after such a
pause.
"""

from datetime import timedelta

import requests

from tests.support.reminders import digests, fresh_epoch, make_due, person_with_reminders
from tests.support.stack import FUNCTIONS_URL
from tests.support.waiting import eventually, settled


def test_the_scheduled_function_sends_through_the_emulator(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Scheduled"])
    make_due(db, person, tasks, day)
    schedule_time = (day + timedelta(minutes=2)).isoformat().replace("+00:00", "Z")
    answer = requests.post(
        f"{FUNCTIONS_URL}/send_reminders-0",
        headers={"X-CloudScheduler": "true", "X-CloudScheduler-ScheduleTime": schedule_time},
        timeout=120,
    )
    assert answer.ok
    eventually(lambda: digests(person))
    assert len(settled(lambda: digests(person))) == 1
