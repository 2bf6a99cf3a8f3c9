"""SMS only after the number is proven with a code."""

from tests.support import capture
from tests.support.people import Person
from tests.support.phones import code_sent_to, unique_phone
from tests.support.waiting import arrived


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


def test_changing_the_number_needs_a_new_verification(person: Person):
    first = unique_phone()
    person.put("/me", json={"phone": first})
    person.post("/me/phone/verify", json={})
    person.post("/me/phone/verify", json={"code": code_sent_to(first)})
    assert person.put("/me", json={"phone": unique_phone()}).json()["phone_verified"] is False


def test_wrong_codes_are_limited(person: Person):
    phone = unique_phone()
    person.put("/me", json={"phone": phone})
    person.post("/me/phone/verify", json={})
    code = code_sent_to(phone)
    wrong = "000000" if code != "000000" else "111111"
    statuses = [person.post("/me/phone/verify", json={"code": wrong}).status_code for _ in range(6)]
    assert statuses == [400] * 5 + [429]
    assert person.post("/me/phone/verify", json={"code": code}).status_code == 429
    assert person.get("/me").json()["phone_verified"] is False


def test_codes_per_hour_are_limited(person: Person):
    person.put("/me", json={"phone": unique_phone()})
    statuses = [person.post("/me/phone/verify", json={}).status_code for _ in range(6)]
    assert statuses == [202] * 5 + [429]


def test_no_phone_no_code(person: Person):
    answer = person.post("/me/phone/verify", json={})
    assert answer.status_code == 409
    assert person.post("/me/phone/verify", json={"code": "12345"}).status_code == 400
