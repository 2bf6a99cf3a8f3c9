"""What one free account's attacks get through, measured against the emulators.

For each attack of the launch review: the confirmation flood (25 tasks, reminders flipped on
and off twice on both channels), exports in a loop, and one person's writes in parallel.
Run with `make bench` (not part of `make test`: it measures, it does not assert a goal).
"""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support import capture
from tests.support.people import Person
from tests.support.phones import verify_phone
from tests.support.waiting import settled

RESULTS: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def table():
    yield
    print("\n" + "\n".join(RESULTS))


def test_confirmation_flood(person: Person):
    phone = verify_phone(person)
    started = time.monotonic()
    writes = 0
    for number in range(25):
        task = person.post("/tasks", json={"description": f"Flood {number}"}).json()
        for on in (True, False, True, False):
            while True:
                answer = person.put(f"/tasks/{task['id']}/reminders", json={"email": on, "sms": on})
                if answer.status_code != 429:
                    break
                time.sleep(int(answer.headers["Retry-After"]))
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
        answers = list(pool.map(create, range(10)))
    seconds = sorted(round(took, 2) for _, took in answers)
    statuses = sorted({status for status, _ in answers})
    RESULTS.append(f"10 parallel writes: statuses {statuses}, seconds each {seconds}")
