"""One-click unsubscribe, GET and POST /api/unsubscribe?token=, in process: no sign-in, only a
link the server signed. (The link in a real digest is followed through Hosting in
tests/integration/test_reminder_sweep.py.)"""

import os

import requests

from tests.support.people import Person
from tests.support.product import make_unsubscribe_token
from tests.support.reminders import turn_on_email_reminders
from tests.support.stack import API_URL

UNSUBSCRIBE_URL = f"{API_URL}/unsubscribe"
ONE_CLICK = {"List-Unsubscribe": "One-Click"}  # RFC 8058: what a mail client posts


def _link_token(uid: str, task_ids: list[str] | None = None) -> str:
    """The token of the link a digest carries, signed with the function's own key."""
    return make_unsubscribe_token(os.environ["UNSUBSCRIBE_SIGNING_KEY"], uid, task_ids)


def _emailed(person: Person, task_id: str) -> bool:
    return bool(person.get(f"/tasks/{task_id}").json()["notify_email"])


def test_opening_the_link_asks_first_and_changes_nothing(
    anonymous: requests.Session, person: Person
):
    [task_id] = turn_on_email_reminders(person, ["Water the ferns"])
    token = _link_token(person.uid)

    page = anonymous.get(UNSUBSCRIBE_URL, params={"token": token}, timeout=30)

    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert "Stop reminder emails?" in page.text
    assert f'action="/api/unsubscribe?token={token}"' in page.text
    assert _emailed(person, task_id) is True


def test_the_one_click_post_stops_every_email_reminder(anonymous: requests.Session, person: Person):
    ids = turn_on_email_reminders(person, ["Pay rent", "Call the bank"])

    answer = anonymous.post(
        UNSUBSCRIBE_URL, params={"token": _link_token(person.uid)}, data=ONE_CLICK, timeout=30
    )

    assert answer.status_code == 200
    assert "unsubscribed" in answer.text
    tasks = [person.get(f"/tasks/{task_id}").json() for task_id in ids]
    assert [(task["notify_email"], task["next_reminder_at"]) for task in tasks] == [
        (False, None)
    ] * 2


def test_a_link_for_one_task_stops_only_that_one(anonymous: requests.Session, person: Person):
    first, second = turn_on_email_reminders(person, ["Pay rent", "Call the bank"])

    answer = anonymous.post(
        UNSUBSCRIBE_URL, params={"token": _link_token(person.uid, [first])}, data=ONE_CLICK
    )

    assert answer.status_code == 200
    assert [_emailed(person, first), _emailed(person, second)] == [False, True]


def test_a_link_signed_with_another_key_changes_nothing(
    anonymous: requests.Session, person: Person
):
    [task_id] = turn_on_email_reminders(person, ["Keep me"])
    forged = make_unsubscribe_token("not-the-servers-key", person.uid, None)

    for method in ("GET", "POST"):
        answer = anonymous.request(method, UNSUBSCRIBE_URL, params={"token": forged}, timeout=30)
        assert answer.status_code == 400, method
        assert "not valid" in answer.text and "Nothing was changed." in answer.text

    assert _emailed(person, task_id) is True
