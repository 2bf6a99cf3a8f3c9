"""A person's first session: sign up, fill the board, rework it, and find it as left."""

import uuid

from playwright.sync_api import Page, expect

from .ui import (
    EDITOR,
    SERVER_TIMEOUT_MS,
    add_task,
    card,
    card_texts,
    column,
    move_to,
    new_account,
    sign_up,
    status_button,
    wait_for_board,
    wait_until_saved,
)


def test_sign_up_then_add_edit_move_delete_undo_and_reload(page: Page) -> None:
    account = new_account("Grace", "Hopper")
    sign_up(page, account)
    expect(page.locator("#user-name")).to_have_text("Grace")
    expect(page.locator("#avatar")).to_have_text("GH")

    run = uuid.uuid4().hex[:6]
    groceries, report, taxes = (
        f"{name} {run}" for name in ("Buy groceries", "Write report", "File taxes")
    )
    for text in (groceries, report, taxes):
        add_task(page, text)
    expect(column(page, "todo").locator(".count")).to_have_text("3")
    assert card_texts(page, "todo") == [taxes, report, groceries]  # newest first

    edited = f"Buy groceries and flowers {run}"
    card(page, groceries).locator(".card-text").click()
    editor = card(page, groceries).get_by_label(EDITOR)
    editor.fill(edited)
    editor.press("Enter")
    expect(card(page, edited)).to_be_visible()
    expect(page.get_by_text(groceries, exact=True)).to_have_count(0)

    card(page, report).drag_to(column(page, "doing"))
    expect(column(page, "doing").locator(".card-text")).to_have_text([report])
    move_to(page, taxes, "Done")
    expect(column(page, "done").locator(".card-text")).to_have_text([taxes])

    card(page, edited).get_by_role("button", name="Delete").click()
    expect(card(page, edited)).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    expect(card(page, edited)).to_be_visible()

    wait_until_saved(page)
    page.reload()
    wait_for_board(page)
    expect(column(page, "todo").locator(".card-text")).to_have_text([edited])
    expect(column(page, "doing").locator(".card-text")).to_have_text([report])
    expect(column(page, "done").locator(".card-text")).to_have_text([taxes])
    expect(status_button(page, taxes)).to_have_text("Done")
    for status, count in (("todo", "1"), ("doing", "1"), ("done", "1")):
        expect(column(page, status).locator(".count")).to_have_text(count)


def test_a_delete_left_to_run_out_is_gone_after_reload(signed_in_page: Page) -> None:
    page = signed_in_page
    keep, drop = f"Keep me {uuid.uuid4().hex[:6]}", f"Drop me {uuid.uuid4().hex[:6]}"
    add_task(page, keep)
    add_task(page, drop)

    with page.expect_response(
        lambda response: response.request.method == "DELETE", timeout=SERVER_TIMEOUT_MS
    ) as answer:
        card(page, drop).get_by_role("button", name="Delete").click()
        page.locator(".toast").get_by_role("button", name="Dismiss").click()
    assert answer.value.status == 204

    page.reload()
    wait_for_board(page)
    expect(card(page, keep)).to_be_visible()
    expect(card(page, drop)).to_have_count(0)


def test_an_empty_quick_add_explains_itself(signed_in_page: Page) -> None:
    page = signed_in_page
    expect(page.get_by_role("heading", name="Nothing on your board yet")).to_be_visible()
    page.get_by_label("New task").press("Enter")
    expect(page.locator("#quick-add-input-error")).to_have_text(
        "Type a task first, then press Enter."
    )
    expect(page.locator(".card")).to_have_count(0)
