"""Issue 23's small things: signing in from "already in use", a verified phone, one zone label,
Auth's mail naming the person, right-to-left task text, and Progress in the header."""

import re

import requests
from google.cloud import firestore
from playwright.sync_api import Page, expect

from tests.support import capture
from tests.support.people import Person
from tests.support.phones import verify_phone
from tests.support.stack import IDENTITY_URL, PROJECT
from tests.support.waiting import arrived, eventually

from .ui import (
    EDITOR,
    SERVER_TIMEOUT_MS,
    add_task,
    card,
    new_account,
    open_menu,
    sign_in,
    sign_up,
)

HEBREW = "לקנות חלב ולחם"
ARABIC = "شراء الحليب"


def test_a_verified_phone_reads_verified_with_change_number(
    signed_in_page: Page, person: Person
) -> None:
    phone = verify_phone(person)
    page = signed_in_page
    page.goto("/account")
    section = page.get_by_role("region", name="Phone for SMS reminders")
    expect(section.get_by_role("status").first).to_contain_text("is verified for SMS reminders")
    expect(section.get_by_role("button", name="Send code")).to_be_hidden()
    change = section.get_by_role("button", name="Change number")
    expect(change).to_be_visible()
    expect(change).not_to_have_class(re.compile(r"\bprimary\b"))
    number = section.get_by_label("Phone number")
    expect(number).not_to_be_editable()

    change.click()
    expect(number).to_be_editable()
    expect(number).to_be_focused()
    expect(section.get_by_role("button", name="Send code")).to_be_visible()
    expect(change).to_be_hidden()
    assert person.get("/me").json()["phone"] == phone


def test_the_reminders_dialog_names_utc_once(signed_in_page: Page, person: Person) -> None:
    page = signed_in_page
    assert person.put("/me", json={"timezone": "UTC", "remind_time": "09:00"}).ok
    add_task(page, "Water the fern")
    card(page, "Water the fern").get_by_role("button", name="Reminders").click()
    schedule = page.get_by_role("dialog", name="Reminders").locator("#reminders-schedule")
    expect(schedule).to_have_text(
        "Taskly reminds you once a day at 9:00 AM (UTC), until the task is done."
    )


def _lookup(email: str) -> dict:
    answer = requests.post(
        f"{IDENTITY_URL}/projects/{PROJECT}/accounts:lookup",
        json={"email": [email]},
        headers={"Authorization": "Bearer owner"},
        timeout=10,
    )
    answer.raise_for_status()
    return dict(answer.json()["users"][0])


def test_auths_emails_greet_the_person_by_name(page: Page) -> None:
    account = new_account("Ada", "Lovelace")
    sign_up(page, account)
    [confirm] = arrived(lambda: capture.messages(to=account.email), 1)
    assert confirm["text"].startswith("Hello Ada Lovelace,\n")
    assert "<p>Hello Ada Lovelace,</p>" in confirm["html"]

    # A new name on the Account page is Auth's name too, so the next email uses it.
    page.goto("/account")
    form = page.locator("#profile-form")
    form.get_by_label("First name").fill("Augusta")
    form.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible(timeout=SERVER_TIMEOUT_MS)
    eventually(lambda: _lookup(account.email).get("displayName") == "Augusta Lovelace")
    requests.post(
        f"{IDENTITY_URL}/accounts:sendOobCode?key=test",
        json={"requestType": "PASSWORD_RESET", "email": account.email},
        timeout=10,
    ).raise_for_status()
    reset = arrived(lambda: capture.messages(to=account.email), 2)[-1]
    assert reset["subject"] == "Choose a new password for Taskly"
    assert reset["text"].startswith("Hello Augusta Lovelace,\n")


def test_right_to_left_task_text_reads_from_the_right(
    signed_in_page: Page, person: Person, db: firestore.Client
) -> None:
    page = signed_in_page
    add_task(page, HEBREW)
    add_task(page, "Buy milk")
    expect(card(page, HEBREW).locator(".card-text")).to_have_css("direction", "rtl")
    expect(card(page, "Buy milk").locator(".card-text")).to_have_css("direction", "ltr")

    card(page, HEBREW).locator(".card-text").click()
    editor = card(page, HEBREW).get_by_label(EDITOR)
    expect(editor).to_be_focused()
    expect(editor).to_have_css("direction", "rtl")
    page.keyboard.press("Escape")

    db.collection("users").document(person.uid).collection("notifications").add(
        {
            "kind": "reminders_on",
            "text": ARABIC,
            "task_id": None,
            "read": False,
            "created_at": firestore.SERVER_TIMESTAMP,
        }
    )
    expect(page.locator("#bell-count")).to_have_text("1")
    page.get_by_role("button", name=re.compile("^Notifications")).click()
    item = page.get_by_role("region", name="Notifications").locator(".notification p").first
    expect(item).to_have_text(ARABIC)
    expect(item).to_have_css("direction", "rtl")


def test_progress_is_in_the_header_beside_board(new_context, person: Person) -> None:
    for width in (1280, 360):
        page = new_context().new_page()
        page.set_viewport_size({"width": width, "height": 740})
        sign_in(page, person.email, person.password)
        header = page.get_by_role("banner")
        # On a phone's board, today's done count beside the logo is the link to Progress.
        progress = header.locator('a[href="/progress"]:visible').first
        expect(progress).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width

        progress.click()
        page.wait_for_url("**/progress")
        expect(header.get_by_role("link", name="Progress", exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        expect(header.get_by_role("link", name="Board", exact=True).first).to_be_visible()
        open_menu(page)  # the name menu no longer repeats it
        expect(page.locator("#user-menu-panel").get_by_role("link", name="Progress")).to_have_count(
            0
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.close()
