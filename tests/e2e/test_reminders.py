"""Reminders: the dialog turns email on and the card shows a bell; a done task's reminders
show stopped; the header bell counts, lists the reminders that went out, and marks read what
it shows."""

import re
import uuid
from datetime import UTC, datetime, timedelta

from google.cloud import firestore
from playwright.sync_api import Page, expect

from taskly.reminders.sweep import run_sweep
from tests.support import capture
from tests.support.people import Person
from tests.support.phones import verify_phone
from tests.support.waiting import arrived, eventually, settled

from .ui import SERVER_TIMEOUT_MS, add_task, card, move_to, wait_for_board


def test_turning_on_email_reminders_shows_the_bell(signed_in_page: Page) -> None:
    page = signed_in_page
    text = f"Renew passport {uuid.uuid4().hex[:6]}"
    add_task(page, text)
    bell = card(page, text).get_by_role("img", name="Reminders on")
    expect(bell).to_be_hidden()

    card(page, text).get_by_role("button", name="Reminders").click()
    dialog = page.get_by_role("dialog", name="Reminders")
    expect(dialog.get_by_role("switch", name="SMS")).to_be_disabled()
    expect(dialog.get_by_text("SMS needs a verified phone number")).to_be_visible()
    with page.expect_response(
        lambda response: response.url.endswith("/reminders"), timeout=SERVER_TIMEOUT_MS
    ) as answer:
        dialog.get_by_role("switch", name="Email").check()
        dialog.get_by_role("button", name="Save").click()
        expect(bell).to_be_visible()
    assert answer.value.ok, answer.value.text()

    page.reload()
    wait_for_board(page)
    expect(card(page, text).get_by_role("img", name="Reminders on")).to_be_visible()


def _feed_item(db: firestore.Client, person: Person, text: str) -> None:
    """A feed item written the way the backend writes them (this checks the bell, not the
    trigger)."""
    db.collection("users").document(person.uid).collection("notifications").add(
        {
            "kind": "reminders_on",
            "text": text,
            "task_id": None,
            "read": False,
            "created_at": firestore.SERVER_TIMESTAMP,
        }
    )


def test_opening_the_bell_marks_what_it_shows_read(
    signed_in_page: Page, person: Person, db: firestore.Client
) -> None:
    page = signed_in_page
    expect(page).to_have_title("Taskly")
    for text in ("Reminder: Pay rent", "Reminder: Call mum"):
        _feed_item(db, person, text)

    expect(page.locator("#bell-count")).to_have_text("2")
    expect(page).to_have_title("(2) Taskly")
    with page.expect_response(
        lambda response: response.url.endswith("/api/notifications/read"),
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        page.get_by_role("button", name="Notifications, 2 unread").click()
    assert answer.value.ok, answer.value.text()
    panel = page.get_by_role("region", name="Notifications")
    # What it showed is read at once; it stays tagged "New" while the panel is open.
    expect(page).to_have_title("Taskly")
    expect(page.locator("#bell-count")).to_be_hidden()
    expect(panel.locator(".notification.is-unread")).to_have_count(2)
    expect(panel.get_by_role("button", name="See all")).to_be_hidden()  # nothing more to see
    assert person.get("/notifications").json()["unread_count"] == 0

    page.keyboard.press("Escape")
    page.get_by_role("button", name="Notifications", exact=True).click()
    expect(panel.locator(".notification")).to_have_count(2)
    expect(panel.locator(".notification.is-unread")).to_have_count(0)


def test_see_all_shows_up_when_there_is_more_and_lists_the_rest(
    signed_in_page: Page, person: Person, db: firestore.Client
) -> None:
    page = signed_in_page
    for n in range(11):
        _feed_item(db, person, f"Item {n}")
    expect(page.locator("#bell-count")).to_have_text("11")
    page.get_by_role("button", name="Notifications, 11 unread").click()
    panel = page.get_by_role("region", name="Notifications")
    expect(panel.locator(".notification")).to_have_count(8)
    expect(page.locator("#bell-count")).to_have_text("3")  # only what it shows is read
    panel.get_by_role("button", name="See all").click()
    expect(panel.locator(".notification")).to_have_count(11)
    expect(panel.get_by_role("button", name="See all")).to_be_hidden()
    expect(page.locator("#bell-count")).to_be_hidden()
    eventually(lambda: person.get("/notifications").json()["unread_count"] == 0)


def test_the_bell_lists_the_reminders_that_went_out(
    signed_in_page: Page, person: Person, db: firestore.Client
) -> None:
    page = signed_in_page
    phone = verify_phone(person)
    task = person.post("/tasks", json={"description": "Renew the car tax"}).json()
    answer = person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": True})
    assert answer.status_code == 200, answer.text
    due = datetime.now(UTC) - timedelta(minutes=1)
    db.document(f"users/{person.uid}/tasks/{task['id']}").update({"next_reminder_at": due})

    run_sweep(datetime.now(UTC))
    texts = arrived(
        lambda: [m for m in capture.messages(to=phone) if m["body"].startswith("Taskly reminder:")],
        1,
    )
    assert len(texts) == 1

    page.get_by_role("button", name=re.compile("^Notifications")).click()
    panel = page.get_by_role("region", name="Notifications")
    expect(panel.get_by_text("Reminder sent by email: Renew the car tax")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    expect(panel.get_by_text("Reminder sent by SMS: Renew the car tax")).to_be_visible()


def test_a_done_task_shows_its_reminders_stopped(signed_in_page: Page) -> None:
    page = signed_in_page
    text = f"Pay the gas bill {uuid.uuid4().hex[:6]}"
    add_task(page, text)
    card(page, text).get_by_role("button", name="Reminders").click()
    dialog = page.get_by_role("dialog", name="Reminders")
    dialog.get_by_role("switch", name="Email").check()
    dialog.get_by_role("button", name="Save").click()
    bell = card(page, text).get_by_role("img", name="Reminders on")
    expect(bell).to_be_visible()

    move_to(page, text, "Done")
    expect(bell).to_be_hidden()
    expect(card(page, text).get_by_role("button", name="Reminders")).not_to_have_class(
        re.compile("is-on")
    )
    card(page, text).get_by_role("button", name="Reminders").click()
    expect(dialog.get_by_role("switch", name="Email")).not_to_be_checked()
    expect(dialog.get_by_role("switch", name="Email")).to_be_disabled()
    expect(dialog).to_contain_text("This task is done, so its reminders have stopped.")
    expect(dialog.get_by_role("button", name="Save")).to_be_hidden()
    dialog.get_by_role("button", name="Close").click()

    move_to(page, text, "Todo")  # reopened: the server reminds of it again, and so says the card
    expect(bell).to_be_visible()


def _tab_seen(page: Page, state: str) -> None:
    """The tab goes into the background (or comes back), as switching tabs does."""
    page.evaluate(
        """(state) => {
            const property = { value: state, configurable: true };
            Object.defineProperty(document, "visibilityState", property);
            document.dispatchEvent(new Event("visibilitychange"));
        }""",
        state,
    )


def test_an_open_bell_in_a_tab_out_of_sight_marks_nothing_read(
    signed_in_page: Page, person: Person, db: firestore.Client
) -> None:
    page = signed_in_page
    page.get_by_role("button", name="Notifications", exact=True).click()
    _tab_seen(page, "hidden")
    _feed_item(db, person, "Arrived while away")
    expect(page.locator("#bell-count")).to_have_text("1")
    expect(page.get_by_text("Arrived while away")).to_be_attached()
    assert settled(lambda: person.get("/notifications").json()["unread_count"]) == 1

    _tab_seen(page, "visible")
    expect(page.locator("#bell-count")).to_be_hidden()
    eventually(lambda: person.get("/notifications").json()["unread_count"] == 0)
