"""What one free account's attacks get through, measured against the emulators.

For each attack of the launch review: the confirmation flood (25 tasks, reminders flipped on
and off twice on both channels), exports in a loop, and one person's writes in parallel.
Run with `make bench` (not part of `make test`: it measures, it does not assert a goal).
"""

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.support import capture
from tests.support.people import Person
from tests.support.phones import verify_phone
from tests.support.waiting import settled

RESULTS: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def table():
    yield
    print("\n" + "\n".join(RESULTS))


def _as_fast_as_allowed(
    send: Callable[..., requests.Response], path: str, body: dict
) -> requests.Response:
    """Send, and again after the wait a 429 names, as a script would."""
    while True:
        answer = send(path, json=body)
        if answer.status_code != 429:
            return answer
        time.sleep(int(answer.headers["Retry-After"]))


def test_confirmation_flood(person: Person):
    phone = verify_phone(person)
    started = time.monotonic()
    writes = 0
    for number in range(25):
        task = _as_fast_as_allowed(person.post, "/tasks", {"description": f"Flood {number}"})
        for on in (True, False, True, False):
            body = {"email": on, "sms": on}
            _as_fast_as_allowed(person.put, f"/tasks/{task.json()['id']}/reminders", body)
            writes += 1
    texts = settled(lambda: capture.messages(to=phone, channel="sms"), quiet=10.0)
    mails = settled(lambda: capture.messages(to=person.email, channel="email"), quiet=10.0)
    RESULTS.append(
        f"confirmation flood: {writes} switch writes in {time.monotonic() - started:.0f} s -> "
        f"{len(texts) - 1} confirmation texts, {len(mails)} confirmation emails"
    )


def test_export_loop(person: Person):
    for number in range(20):
        person.post("/tasks", json={"description": f"Exported {number}"})
    statuses = [person.get("/me/export").status_code for _ in range(30)]
    RESULTS.append(
        f"exports: 30 asked -> {statuses.count(200)} answered 200, {statuses.count(429)} 429"
    )


def test_parallel_writes_of_one_person(person: Person):
    def create(number: int) -> tuple[int, float]:
        started = time.monotonic()
        status = person.post("/tasks", json={"description": f"At once {number}"}).status_code
        return status, time.monotonic() - started

    with ThreadPoolExecutor(10) as pool:
        # The first round starts the emulator's workers (one per call at once): measure the second.
        list(pool.map(create, range(10)))
        answers = list(pool.map(create, range(10, 20)))
    seconds = sorted(round(took, 2) for _, took in answers)
    statuses = sorted({status for status, _ in answers})
    RESULTS.append(f"10 parallel writes: statuses {statuses}, seconds each {seconds}")
