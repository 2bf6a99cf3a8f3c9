"""Phone numbers that no other test uses, and proving them with the SMS code."""

import re
import uuid

from tests.support import capture
from tests.support.people import Person
from tests.support.waiting import eventually


def unique_phone() -> str:
    """A valid US number nobody else uses: exchange codes start with 2-9."""
    digits = str(uuid.uuid4().int)
    return f"+1415{int(digits[0]) % 8 + 2}{digits[1:7]}"


def code_sent_to(phone: str) -> str:
    texts = eventually(lambda: capture.messages(to=phone, channel="sms"))
    match = re.search(r"\b(\d{6})\b", texts[-1]["body"])
    assert match, texts[-1]["body"]
    return match.group(1)


def verify_phone(person: Person) -> str:
    """Give ``person`` a verified phone number, through the real code flow."""
    phone = unique_phone()
    person.put("/me", json={"phone": phone})
    assert person.post("/me/phone/verify", json={}).status_code == 202
    answer = person.post("/me/phone/verify", json={"code": code_sent_to(phone)})
    assert answer.json()["phone_verified"] is True
    return phone
