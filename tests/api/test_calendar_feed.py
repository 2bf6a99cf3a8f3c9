"""The calendar feed, in process: the link's life (make, renew, erase) and what the feed at it
serves, read with two independent iCalendar parsers (icalendar and vobject)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import requests
import vobject
from google.cloud import firestore

from taskly.account.erasure import erase_some
from taskly.api.calendar_routes import NOT_FOUND_MESSAGE
from taskly.vocabulary.limits import CALENDAR_FEED_FETCHES_PER_MINUTE, CALENDAR_FEED_TASKS_MAX
from tests.support.openapi_spec import SCHEMAS
from tests.support.people import Person
from tests.support.stack import APP_URL

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def new_yorker(person: Person) -> Person:
    assert person.put("/me", json={"timezone": "America/New_York"}).status_code == 200
    return person


def _task(person: Person, description: str, **fields: object) -> dict:
    answer = person.post("/tasks", json={"description": description, **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _link(person: Person) -> str:
    answer = person.post("/calendar")
    assert answer.status_code == 201, answer.text
    return answer.json()["url"]


def _feed(anonymous: requests.Session, url: str, **headers: str) -> requests.Response:
    return anonymous.get(url, headers=headers, timeout=30)


def _events(answer: requests.Response) -> dict[str, icalendar.Event]:
    assert answer.status_code == 200, answer.text
    calendar = icalendar.Calendar.from_ical(answer.content)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_before_any_link_there_is_none(person):
    answer = person.get("/calendar")
    assert answer.status_code == 200
    assert answer.json() == {"active": False, "url": None, "created_at": None, "tasks_max": 500}


def test_the_feed_lists_exactly_the_open_dated_tasks(new_yorker, anonymous):
    _task(new_yorker, "No date")
    _task(new_yorker, "Bins out", due_date="2027-03-02")
    _task(new_yorker, "Doing, dated", status="doing", due_date="2027-03-03")
    done = _task(new_yorker, "Done, dated", due_date="2027-03-04")
    assert new_yorker.patch(f"/tasks/{done['id']}", json={"status": "done"}).status_code == 200
    # Weekly at 9:00 New York time, four times: two Mondays in EST, two in EDT (14 March).
    standup = _task(
        new_yorker,
        "Standup; bring notes, please",
        due_date="2027-03-01",
        due_time="09:00",
        repeat="FREQ=WEEKLY;COUNT=4",
        remind_before_minutes=10,
    )
    url = _link(new_yorker)

    answer = _feed(anonymous, url)

    assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert answer.headers["Cache-Control"] == "private, max-age=900"
    assert answer.headers["Content-Disposition"] == 'inline; filename="taskly.ics"'
    assert answer.headers.get("ETag") and "Set-Cookie" not in answer.headers
    assert new_yorker.email not in answer.text and new_yorker.uid not in answer.text
    events = _events(answer)
    assert set(events) == {"Bins out", "Doing, dated", "Standup; bring notes, please"}

    all_day = events["Bins out"]
    assert all_day["DTSTART"].dt == date(2027, 3, 2)
    assert all_day["DTEND"].dt == date(2027, 3, 3)
    assert all_day.get("RRULE") is None and not all_day.walk("VALARM")

    timed = events["Standup; bring notes, please"]
    assert str(timed["UID"]) == f"{standup['id']}@127.0.0.1"
    assert timed["DTSTART"].params["TZID"] == "America/New_York"
    assert timed["DTSTART"].dt == datetime(2027, 3, 1, 9, 0, tzinfo=NEW_YORK)
    assert timed["DTEND"].dt - timed["DTSTART"].dt == timedelta(minutes=30)
    assert timed["DTSTAMP"].dt.tzinfo is not None
    rule = timed["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"] == [datetime(2027, 3, 22, 13, 0, tzinfo=ZoneInfo("UTC"))]
    (alarm,) = timed.walk("VALARM")
    assert (str(alarm["ACTION"]), alarm["TRIGGER"].dt) == ("DISPLAY", timedelta(minutes=-10))
    (zone,) = icalendar.Calendar.from_ical(answer.content).walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/New_York"

    # The second parser builds the zone from the VTIMEZONE itself and expands the repeat.
    parsed = vobject.readOne(answer.text)
    by_summary = {event.summary.value: event for event in parsed.vevent_list}
    assert set(by_summary) == set(events)
    starts = list(by_summary["Standup; bring notes, please"].getrruleset(addRDate=True))
    assert [start.date() for start in starts] == [
        date(2027, 3, 1),
        date(2027, 3, 8),
        date(2027, 3, 15),
        date(2027, 3, 22),
    ]
    assert {(start.hour, start.minute) for start in starts} == {(9, 0)}
    assert [start.utcoffset() for start in starts] == [timedelta(hours=-5)] * 2 + [
        timedelta(hours=-4)
    ] * 2
    assert by_summary["Bins out"].dtstart.value == date(2027, 3, 2)
    assert by_summary["Bins out"].dtend.value == date(2027, 3, 3)
    valarm = by_summary["Standup; bring notes, please"].valarm
    assert valarm.trigger.value == timedelta(minutes=-10)


def test_done_and_deleted_tasks_are_gone_at_the_next_fetch(person, anonymous):
    errand = _task(person, "Errand", due_date="2027-05-01")
    call = _task(person, "Call", due_date="2027-05-02", due_time="10:00")
    url = _link(person)
    first = _feed(anonymous, url)
    assert set(_events(first)) == {"Errand", "Call"}
    assert _feed(anonymous, url, **{"If-None-Match": first.headers["ETag"]}).status_code == 304

    assert person.patch(f"/tasks/{errand['id']}", json={"status": "done"}).status_code == 200
    assert set(_events(_feed(anonymous, url))) == {"Call"}

    assert person.delete(f"/tasks/{call['id']}").status_code in (200, 204)
    assert _events(_feed(anonymous, url)) == {}


def test_a_new_link_ends_the_old_one(person, anonymous):
    _task(person, "Dentist", due_date="2027-06-01")
    old = _link(person)
    assert "Dentist" in _events(_feed(anonymous, old))

    new = _link(person)

    assert new != old
    gone = _feed(anonymous, old)
    assert (gone.status_code, gone.text.strip()) == (404, NOT_FOUND_MESSAGE)
    assert gone.headers["Content-Type"].startswith("text/plain")
    assert "Dentist" in _events(_feed(anonymous, new))
    state = person.get("/calendar").json()
    assert state["active"] is True and state["created_at"]
    assert state["url"] == new  # shown again whenever the person comes back


def test_another_persons_link_never_shows_my_tasks(person, other_person, anonymous):
    _task(person, "Ada's secret plan", due_date="2027-07-01")
    _task(other_person, "Bob's errand", due_date="2027-07-02")
    assert set(_events(_feed(anonymous, _link(other_person)))) == {"Bob's errand"}
    assert set(_events(_feed(anonymous, _link(person)))) == {"Ada's secret plan"}


def test_the_feed_lists_at_most_the_cap_soonest_first(person, anonymous, monkeypatch):
    assert SCHEMAS["CalendarFeedTasksMax"]["const"] == CALENDAR_FEED_TASKS_MAX
    # The same rule at a cap of 3, so the test needs 5 tasks and not 501.
    monkeypatch.setattr("taskly.api.calendar_routes.CALENDAR_FEED_TASKS_MAX", 3)
    for day in (5, 1, 4, 2, 3):
        _task(person, f"Day {day}", due_date=f"2027-08-0{day}")
    events = _events(_feed(anonymous, _link(person)))
    assert list(events) == ["Day 1", "Day 2", "Day 3"]


def test_fetching_too_often_is_a_429_with_retry_after(person, anonymous):
    url = _link(person)
    for _ in range(CALENDAR_FEED_FETCHES_PER_MINUTE):
        assert _feed(anonymous, url).status_code == 200
    refused = _feed(anonymous, url)
    assert refused.status_code == 429, refused.text
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.headers["Content-Type"].startswith("text/plain")
    assert "calendar refreshes" in refused.text


@pytest.mark.parametrize(
    "token",
    ["short", "A" * 43, "A" * 44, "A" * 42 + "!", "x.ics", "A" * 43 + ".ics"],
)
def test_a_token_that_names_no_link_is_the_same_404(anonymous, token):
    answer = anonymous.get(f"{APP_URL}/api/calendar/{token}.ics", timeout=30)
    assert (answer.status_code, answer.text.strip()) == (404, NOT_FOUND_MESSAGE)


def test_the_link_needs_a_sign_in_to_make_or_see(anonymous):
    assert anonymous.get(f"{APP_URL}/api/calendar", timeout=30).status_code == 401
    assert anonymous.post(f"{APP_URL}/api/calendar", timeout=30).status_code == 401


def test_the_export_says_whether_there_is_a_link_never_the_link(person):
    assert person.get("/me/export").json()["calendar_feed"] == {
        "active": False,
        "created_at": None,
    }
    url = _link(person)
    answer = person.get("/me/export")
    assert answer.json()["calendar_feed"]["active"] is True
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert token not in answer.text


def test_erasing_the_account_ends_its_link(db: firestore.Client, person, anonymous):
    _task(person, "Soon gone", due_date="2027-09-01")
    url = _link(person)
    assert _feed(anonymous, url).status_code == 200

    erase_some(person.uid, 1000)

    assert _feed(anonymous, url).status_code == 404
    stray = db.collection("calendar_feeds").where(
        filter=firestore.FieldFilter("uid", "==", person.uid)
    )
    assert list(stray.stream()) == []
