"""Phone verification in process: a number gets SMS only after it is proven with a code, and
codes are limited so nobody can make Taskly text a number over and over. The SMS reminders a
verified number then gets are seen through the Functions emulator in
tests/integration/test_phone_verification.py."""

import os
from datetime import UTC, datetime, timedelta

from tests.support import capture
from tests.support.people import Person
from tests.support.phones import code_sent_to, unique_phone
from tests.support.product import (
    CODE_RESEND_AFTER_SECONDS,
    CODES_PER_ACCOUNT_PER_HOUR,
    CODES_PER_NUMBER_PER_HOUR,
)
from tests.support.waiting import arrived, settled


def test_a_new_code_for_the_same_number_waits_a_minute(db, person: Person):
    phone = unique_phone()
    person.put("/me", json={"phone": phone})
    sent = person.post("/me/phone/verify", json={})
    assert sent.status_code == 202
    assert sent.json() == {
        "status": "code_sent",
        "phone": phone,
        "resend_after_seconds": CODE_RESEND_AFTER_SECONDS,
        "expires_in_seconds": 600,
    }

    again = person.post("/me/phone/verify", json={})
    assert again.status_code == 429
    assert again.json()["error"]["message"].startswith("A code is on its way to this number.")
    assert 0 < int(again.headers["Retry-After"]) <= CODE_RESEND_AFTER_SECONDS
    assert len(settled(lambda: capture.messages(to=phone, channel="sms"))) == 1

    # A minute later (the send history moved back), the person can ask again.
    pending = db.document(f"phone_verifications/{person.uid}")
    earlier = [
        at - timedelta(seconds=CODE_RESEND_AFTER_SECONDS) for at in pending.get().get("sent_at")
    ]
    pending.update({"sent_at": earlier})
    assert person.post("/me/phone/verify", json={}).status_code == 202
    assert len(arrived(lambda: capture.messages(to=phone, channel="sms"), 2)) == 2


def test_a_code_that_could_not_be_sent_holds_nothing_back(person: Person):
    phone = unique_phone()
    person.put("/me", json={"phone": phone})
    capture.set_fault(channel="sms", status=503, count=1)
    try:
        refused = person.post("/me/phone/verify", json={})
    finally:
        capture.clear_faults()
    assert refused.status_code == 503
    # No code is waiting: any code sent now is told so, not answered with a crash.
    answer = person.post("/me/phone/verify", json={"code": "123456"})
    assert answer.status_code == 409 and answer.json()["error"]["field"] == "code"
    assert "Ask for a new one" in answer.json()["error"]["message"]
    # Nothing is on its way, so asking again at once is no "code on its way" refusal.
    assert person.post("/me/phone/verify", json={}).status_code == 202
    assert len(arrived(lambda: capture.messages(to=phone, channel="sms"), 1)) == 1


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


def test_codes_to_one_number_are_limited_across_accounts(new_person):
    """SMS pumping: free accounts asking for codes to one (premium) number."""
    target = unique_phone()
    statuses = []
    for name in ("Mallory", "Trudy", "Oscar", "Eve"):
        attacker = new_person(name)
        attacker.put("/me", json={"phone": target})
        statuses += [attacker.post("/me/phone/verify", json={}).status_code for _ in range(5)]
    assert statuses.count(202) == CODES_PER_NUMBER_PER_HOUR
    assert len(arrived(lambda: capture.messages(to=target, channel="sms"), 3)) == 3
    refused = new_person("Peggy")
    refused.put("/me", json={"phone": target})
    answer = refused.post("/me/phone/verify", json={})
    assert answer.status_code == 429 and "to one number" in answer.json()["error"]["message"]
    assert 0 < int(answer.headers["Retry-After"]) <= 3600


def test_codes_per_account_are_limited(person: Person):
    statuses = []
    for _ in range(CODES_PER_ACCOUNT_PER_HOUR + 1):
        person.put("/me", json={"phone": unique_phone()})
        statuses.append(person.post("/me/phone/verify", json={}).status_code)
    assert statuses == [202] * CODES_PER_ACCOUNT_PER_HOUR + [429]


def test_verifying_does_not_reset_the_count(person: Person):
    phone = unique_phone()
    person.put("/me", json={"phone": phone})
    for _ in range(CODES_PER_NUMBER_PER_HOUR):
        assert person.post("/me/phone/verify", json={}).status_code == 202
        code = code_sent_to(phone)
        assert person.post("/me/phone/verify", json={"code": code}).status_code == 200
        person.put("/me", json={"phone": unique_phone()})  # away and back: unverified again
        person.put("/me", json={"phone": phone})
    assert person.post("/me/phone/verify", json={}).status_code == 429
    assert len(settled(lambda: capture.messages(to=phone, channel="sms"))) == 3


def test_numbers_outside_the_served_countries_get_no_code(person: Person):
    person.put("/me", json={"phone": "+81312345678"})
    answer = person.post("/me/phone/verify", json={})
    assert answer.status_code == 409 and "countries" in answer.json()["error"]["message"]
    assert capture.messages(to="+81312345678", channel="sms") == []


def test_codes_wait_once_the_daily_sms_budget_is_spent(db, person: Person):
    # Every text of the day counts toward the budget, codes and reminders alike.
    shard = db.document(f"sms_budget/{datetime.now(UTC).date().isoformat()}/shards/test")
    shard.set({"sent": int(os.environ.get("SMS_DAILY_BUDGET", "1000"))})
    try:
        person.put("/me", json={"phone": unique_phone()})
        answer = person.post("/me/phone/verify", json={})
        assert answer.status_code == 429
        assert "all the texts it sends in a day" in answer.json()["error"]["message"]
    finally:
        shard.delete()
