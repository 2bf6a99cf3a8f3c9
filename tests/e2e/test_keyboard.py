"""Keyboard only: reach quick add, add a task, change its status, use a dialog."""

import uuid

from playwright.sync_api import Page, expect

from .ui import card, column, wait_until_saved


def tab_to(page: Page, is_target: str, limit: int = 40) -> None:
    """Presses Tab until `is_target` (a JS expression on `el`) holds for the focused element."""
    for _ in range(limit):
        if page.evaluate(f"(el => Boolean({is_target}))(document.activeElement)"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached an element where {is_target}")


def test_add_a_task_and_move_it_without_the_mouse(signed_in_page: Page) -> None:
    page = signed_in_page
    text = f"Keyboard task {uuid.uuid4().hex[:6]}"
    page.evaluate("document.activeElement.blur()")

    tab_to(page, "el.id === 'quick-add-input'")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    expect(column(page, "todo").locator(".card-text")).to_have_text([text])

    tab_to(page, "el.classList.contains('card-status')")
    page.keyboard.press("ArrowDown")
    expect(column(page, "doing").locator(".card-text")).to_have_text([text])
    expect(card(page, text).get_by_label("Status")).to_be_focused()

    tab_to(page, "el.getAttribute('aria-label') === 'Reminders'")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Reminders")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("switch", name="Email")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(card(page, text).get_by_role("button", name="Reminders")).to_be_focused()

    wait_until_saved(page)
    page.reload()
    expect(column(page, "doing").locator(".card-text")).to_have_text([text])


def test_delete_and_undo_without_the_mouse(signed_in_page: Page) -> None:
    page = signed_in_page
    text = f"Undo by keyboard {uuid.uuid4().hex[:6]}"
    page.locator("#quick-add-input").fill(text)
    page.keyboard.press("Enter")
    expect(card(page, text)).to_be_visible()
    wait_until_saved(page)

    card(page, text).get_by_role("button", name="Delete").focus()
    page.keyboard.press("Enter")
    expect(card(page, text)).to_have_count(0)
    undo = page.get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    page.keyboard.press("Enter")
    expect(card(page, text)).to_be_visible()
