"""SMS only after the number is proven with a code, through Hosting and the Functions emulator:
the confirmations a verified number gets from the task trigger through the delivery queue.
The verification route itself is tested in process (tests/api/test_phone_verification.py)."""

from tests.support import capture
from tests.support.people import Person
from tests.support.phones import code_sent_to, unique_phone, verify_phone
from tests.support.product import CONFIRMATIONS_PER_PERIOD
from tests.support.waiting import arrived, eventually, settled


def test_a_code_verifies_the_phone_and_sms_reminders_work(person: Person):
    phone = unique_phone()
    person.put("/me", json={"phone": phone})
    assert person.post("/me/phone/verify", json={}).status_code == 202
    code = code_sent_to(phone)
    wrong = "000000" if code != "000000" else "111111"
    answer = person.post("/me/phone/verify", json={"code": wrong})
    assert answer.status_code == 400 and answer.json()["error"]["field"] == "code"
    assert person.get("/me").json()["phone_verified"] is False
    answer = person.post("/me/phone/verify", json={"code": code})
    assert answer.status_code == 200 and answer.json()["phone_verified"] is True
    task = person.post("/tasks", json={"description": "Water the garden"}).json()
    answer = person.put(f"/tasks/{task['id']}/reminders", json={"email": False, "sms": True})
    assert answer.status_code == 200
    texts = arrived(lambda: capture.messages(to=phone, channel="sms"), 2)
    assert len(texts) == 2 and "Water the garden" in texts[-1]["body"]


FLIPS = 30


def test_flipping_sms_reminders_texts_only_a_few(person: Person):
    phone = verify_phone(person)
    task = person.post("/tasks", json={"description": "Flip me"}).json()

    def flip(number: int) -> None:
        on = number % 2 == 0
        answer = person.put(f"/tasks/{task['id']}/reminders", json={"email": False, "sms": on})
        assert answer.status_code == 200

    def texts() -> list[dict]:
        return capture.messages(to=phone, channel="sms")

    # Whether a flip's text goes out depends on the switch when its delivery runs: a later flip
    # silences it, and the one past the period's confirmations (which the emulator runs at
    # once, not at the period's end) tells the switch as it is then. So those texts each land
    # before the next flip, and the flood comes after them.
    for number in range(CONFIRMATIONS_PER_PERIOD + 1):
        flip(number)
        eventually(lambda count=number + 2: len(texts()) == count)  # the code, one per flip
    for number in range(CONFIRMATIONS_PER_PERIOD + 1, FLIPS):
        flip(number)

    # The feed records every flip; of the flood, nobody is texted.
    eventually(lambda: person.get("/notifications").json()["unread_count"] == FLIPS)
    assert len(settled(texts, quiet=4.0)) == 1 + CONFIRMATIONS_PER_PERIOD + 1
