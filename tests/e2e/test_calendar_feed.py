"""The Account page's calendar feed: make the link, subscribe to it, make a new one."""

import icalendar
import requests
from playwright.sync_api import Page, expect

from tests.support.people import Person

from .ui import SERVER_TIMEOUT_MS, sign_in


def _summaries(url: str) -> set[str]:
    answer = requests.get(url, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"
    # Through Hosting too, calendar apps may keep it for a while (the site's pages: no-store).
    assert answer.headers["Cache-Control"] == "private, max-age=900"
    calendar = icalendar.Calendar.from_ical(answer.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def test_a_calendar_link_shows_the_tasks_and_a_new_one_ends_it(page: Page, person: Person):
    assert person.post(
        "/tasks", json={"description": "Renew passport", "due_date": "2027-04-01"}
    ).ok
    assert person.post("/tasks", json={"description": "Someday, no date"}).ok
    sign_in(page, person.email, person.password)
    page.goto("/account")
    section = page.locator("#calendar")
    expect(section.get_by_text("anyone with the link can see them", exact=False)).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    link = section.get_by_label("Your calendar link")
    expect(link).to_be_hidden()

    section.get_by_role("button", name="Create calendar link").click()
    expect(link).to_be_visible(timeout=SERVER_TIMEOUT_MS)
    first = link.input_value()
    assert first.endswith(".ics")
    section.get_by_role("button", name="Copy link").click()
    expect(
        page.get_by_text("Calendar link copied.").or_(page.get_by_text("Copy the selected link"))
    ).to_be_visible()
    assert _summaries(first) == {"Renew passport"}

    page.once("dialog", lambda dialog: dialog.accept())
    section.get_by_role("button", name="Make a new link…").click()
    expect(link).not_to_have_value(first, timeout=SERVER_TIMEOUT_MS)
    second = link.input_value()

    assert requests.get(first, timeout=30).status_code == 404
    assert _summaries(second) == {"Renew passport"}
    page.reload()
    expect(link).to_have_value(second, timeout=SERVER_TIMEOUT_MS)  # shown again, the new one
