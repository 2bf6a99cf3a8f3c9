"""Text a person typed or pasted is never lost without a word: a pasted list can become one
task per line, a paste cut to the length limit says so, and leaving the Account page with a
changed field asks first."""

import re
import uuid
from datetime import UTC, datetime, timedelta

from google.cloud import firestore
from playwright.sync_api import Dialog, Locator, Page, expect

from tests.support.boards import seed_open_tasks
from tests.support.emulators import background_triggers_off
from tests.support.people import Person, sign_up

from .ui import (
    SERVER_TIMEOUT_MS,
    card,
    column,
    is_task_create,
    quick_add,
    sign_in,
    wait_until_saved,
)

DESCRIPTION_MAX = 500
OPEN_TASKS_MAX = 2_000


def paste(field: Locator, text: str) -> None:
    """Pastes ``text`` into ``field`` as the keyboard does, through the clipboard."""
    page = field.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    field.focus()
    field.press("ControlOrMeta+V")


def api_tasks(person: Person) -> list[dict]:
    answer = person.get("/tasks?limit=100")
    assert answer.status_code == 200, answer.text
    return answer.json()["tasks"]


def test_a_pasted_list_becomes_one_task_per_line_each_read_for_its_date(
    signed_in_page: Page, person: Person
) -> None:
    page = signed_in_page
    run = uuid.uuid4().hex[:6]
    errands = [f"Errand {number:02d} {run}" for number in range(1, 20)]
    rent = f"Pay rent {run}"
    paste(quick_add(page), "\n".join([f"- {errand}" for errand in errands] + [f"{rent} tomorrow"]))

    # Until the person chooses, the paste is one line; Escape would keep it so.
    expect(quick_add(page)).to_have_value(" ".join([*errands, f"{rent} tomorrow"]))
    expect(page.locator("#quick-add-lines-text")).to_contain_text("You pasted 20 lines.")
    page.get_by_role("button", name="Add 20 tasks").click()

    expect(quick_add(page)).to_have_value("")
    expect(column(page, "todo").locator(".count")).to_have_text("20")
    # Said once every one is stored.
    added = page.locator(".toast", has_text="Added 20 tasks.")
    expect(added).to_be_visible(timeout=SERVER_TIMEOUT_MS)
    expect(card(page, rent).locator(".card-due")).to_be_visible()
    wait_until_saved(page)

    tasks = api_tasks(person)
    assert sorted(task["description"] for task in tasks) == sorted([*errands, rent])
    due = {task["description"]: task["due_date"] for task in tasks}
    assert due[rent] is not None
    assert all(due[errand] is None for errand in errands)


def test_escape_keeps_a_pasted_list_as_one_line(signed_in_page: Page) -> None:
    page = signed_in_page
    paste(quick_add(page), "Buy milk\nBuy eggs\n\nBuy bread\n")
    offer = page.get_by_role("button", name="Add 3 tasks")
    expect(offer).to_be_visible()
    quick_add(page).press("Escape")
    expect(offer).to_be_hidden()
    expect(quick_add(page)).to_have_value("Buy milk Buy eggs Buy bread")
    expect(quick_add(page)).to_be_focused()


def test_a_long_paste_is_cut_to_the_limit_and_says_so(signed_in_page: Page, person: Person) -> None:
    page = signed_in_page
    text = "".join(f"Word{number:03d} " for number in range(85))[:678]
    paste(quick_add(page), text)

    limit = page.locator("#quick-add .text-limit")
    expect(limit).to_contain_text(f"Cut to {DESCRIPTION_MAX} characters")
    expect(limit).to_contain_text(f"{DESCRIPTION_MAX} / {DESCRIPTION_MAX}")
    expect(quick_add(page)).to_have_value(text[:DESCRIPTION_MAX])
    with page.expect_response(is_task_create, timeout=SERVER_TIMEOUT_MS) as answer:
        quick_add(page).press("Enter")
    assert answer.value.status == 201, answer.value.text()
    expect(limit).to_have_text("")
    [saved] = api_tasks(person)
    assert saved["description"] == text[:DESCRIPTION_MAX]

    # The card editor counts too, near the limit.
    card(page, text[:40]).locator(".card-text").click()
    editor = card(page, text[:40]).locator(".card-edit")
    expect(editor.locator(".text-limit")).to_have_text(f"{DESCRIPTION_MAX} / {DESCRIPTION_MAX}")
    editor.get_by_role("textbox").fill("Short now")
    expect(editor.locator(".text-limit")).to_have_text("")


def test_leaving_the_account_page_with_a_changed_field_asks_first(signed_in_page: Page) -> None:
    page = signed_in_page
    page.goto("/account")
    first_name = page.get_by_label("First name")
    expect(first_name).to_be_visible()  # the profile is in
    first_name.fill("Augusta")
    board_link = page.locator(".header-actions").get_by_role("link", name="Board", exact=True)

    asked: list[Dialog] = []

    def answer(dialog: Dialog, accept: bool) -> None:
        asked.append(dialog)
        if accept:
            dialog.accept()
        else:
            dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    board_link.click()
    expect(first_name).to_have_value("Augusta")
    assert [dialog.type for dialog in asked] == ["confirm"]
    assert "haven't saved" in asked[0].message
    assert page.url.endswith("/account")

    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    board_link.click()
    page.wait_for_url("**/board")
    assert [dialog.type for dialog in asked] == ["confirm", "confirm"]


def test_a_new_address_phone_or_password_typed_and_not_sent_is_asked_about_too(
    signed_in_page: Page,
) -> None:
    page = signed_in_page
    board_link = page.locator(".header-actions").get_by_role("link", name="Board", exact=True)
    asked: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    for label, value in (
        ("New email address", "ada.new@example.com"),
        ("Phone number", "+1 415 555 0100"),
        ("Current password", "typed-not-sent"),
    ):
        page.goto("/account")
        field = page.get_by_label(label, exact=True)
        expect(page.get_by_label("First name")).to_be_visible()  # the profile is in
        field.fill(value)
        asked.clear()
        page.once("dialog", dismiss)
        board_link.click()
        expect(field).to_have_value(value)
        assert len(asked) == 1 and "haven't saved" in asked[0], (label, asked)
        assert page.url.endswith("/account")
        # Emptied again, nothing is lost: the page goes without a question.
        field.fill("")
        board_link.click()
        page.wait_for_url("**/board")


def test_a_pasted_list_stops_at_the_open_task_quota_and_says_why(
    page: Page, db: firestore.Client
) -> None:
    person = sign_up("Full")
    start = datetime.now(UTC) - timedelta(days=30)
    with background_triggers_off():
        filled = [f"Filled {number}" for number in range(OPEN_TASKS_MAX - 3)]
        seed_open_tasks(db, person.uid, filled, start, timedelta(seconds=1))
    sign_in(page, person.email, person.password, timeout=60_000)

    lines = [f"Last room {number} {uuid.uuid4().hex[:6]}" for number in range(5)]
    paste(quick_add(page), "\n".join(lines))
    page.get_by_role("button", name="Add 5 tasks").click()

    said = re.compile(r"Added 3 of 5 tasks; 2 weren't added: You have 2,000 open tasks")
    expect(page.locator(".toast-error", has_text=said)).to_be_visible(timeout=SERVER_TIMEOUT_MS)
    added = db.collection(f"users/{person.uid}/tasks").where(
        filter=firestore.FieldFilter("description", "in", lines)
    )
    assert sorted(snapshot.get("description") for snapshot in added.stream()) == lines[:3]
