"""Reminders: the dialog turns email on and the card shows a bell; the header bell counts."""

import uuid

from google.cloud import firestore
from playwright.sync_api import Page, expect

from tests.support.people import Person

from .ui import SERVER_TIMEOUT_MS, add_task, card, wait_for_board


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


def test_the_bell_counts_new_notifications_and_see_all_marks_them_read(
    signed_in_page: Page, person: Person, db: firestore.Client
) -> None:
    page = signed_in_page
    expect(page).to_have_title("Taskly")
    # Written the way the backend writes them, so this checks the bell and not the trigger.
    feed = db.collection("users").document(person.uid).collection("notifications")
    for text in ("Reminder: Pay rent", "Reminder: Call mum"):
        feed.add(
            {
                "kind": "reminder",
                "text": text,
                "task_id": None,
                "read": False,
                "created_at": firestore.SERVER_TIMESTAMP,
            }
        )

    expect(page.locator("#bell-count")).to_have_text("2")
    expect(page).to_have_title("(2) Taskly")
    page.get_by_role("button", name="Notifications, 2 unread").click()
    panel = page.get_by_role("region", name="Notifications")
    expect(panel.locator(".notification.is-unread")).to_have_count(2)
    expect(panel.get_by_text("Reminder: Call mum")).to_be_visible()

    with page.expect_response(
        lambda response: response.url.endswith("/api/notifications/read"),
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        panel.get_by_role("button", name="See all").click()
        expect(page).to_have_title("Taskly")
    assert answer.value.ok, answer.value.text()
    expect(page.locator("#bell-count")).to_be_hidden()
    expect(panel.locator(".notification.is-unread")).to_have_count(0)

    page.reload()
    wait_for_board(page)
    expect(page.get_by_role("button", name="Notifications", exact=True)).to_be_visible()
    expect(page).to_have_title("Taskly")
