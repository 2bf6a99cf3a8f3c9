"""The profile routes, /api/me, in process."""

import pytest

from tests.support.people import Person


def test_first_read_creates_a_default_profile(person: Person):
    profile = person.get("/me").json()
    assert profile["uid"] == person.uid
    assert profile["email"] == person.email
    assert profile["timezone"] == "UTC" and profile["remind_time"] == "09:00"
    assert profile["phone_verified"] is False and profile["avatar_url"] is None


def test_put_updates_some_fields_and_keeps_the_rest(person: Person):
    answer = person.put("/me", json={"first_name": " Ada ", "last_name": "Lovelace"})
    assert answer.status_code == 200
    person.put("/me", json={"timezone": "Asia/Kolkata", "remind_time": "07:30"})
    profile = person.get("/me").json()
    assert (profile["first_name"], profile["last_name"]) == ("Ada", "Lovelace")
    assert (profile["timezone"], profile["remind_time"]) == ("Asia/Kolkata", "07:30")


def test_a_new_phone_number_is_unverified(person: Person):
    profile = person.put("/me", json={"phone": "+14155550100"}).json()
    assert profile["phone"] == "+14155550100" and profile["phone_verified"] is False


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": "../etc/passwd"}, "timezone"),
        ({"remind_time": "25:00"}, "remind_time"),
        ({"remind_time": "9am"}, "remind_time"),
        ({"phone": "0155 555"}, "phone"),
        ({"first_name": "x" * 81}, "first_name"),
        ({"email": "someone@else.com"}, "email"),
        ({"uid": "another-uid"}, "uid"),
        ({"first_name": 7}, "first_name"),
    ],
)
def test_bad_profile_input_is_400_and_changes_nothing(person: Person, body, field):
    before = person.get("/me").json()
    answer = person.put("/me", json=body)
    assert answer.status_code == 400
    assert answer.json()["error"]["field"] == field
    assert person.get("/me").json() == before


def test_profiles_are_private(person: Person, other_person: Person):
    person.put("/me", json={"first_name": "Ada"})
    assert other_person.get("/me").json()["uid"] == other_person.uid
    assert other_person.get("/me").json()["first_name"] == ""
