"""Keyboard only: reach quick add, add a task, change its status, use a dialog."""

import uuid

from playwright.sync_api import Page, expect

from .ui import EDITOR, add_task, card, column, status_button, wait_until_saved


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

    # The arrow keys go through the statuses in a menu; only Enter moves the card.
    tab_to(page, "el.classList.contains('card-status')")
    page.keyboard.press("ArrowDown")
    menu = page.get_by_role("menu", name="Move to")
    expect(menu.get_by_role("menuitemradio", name="Todo")).to_be_focused()
    expect(menu.get_by_role("menuitemradio", name="Todo")).to_have_attribute("aria-checked", "true")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(menu.get_by_role("menuitemradio", name="Done")).to_be_focused()
    expect(column(page, "todo").locator(".card-text")).to_have_text([text])
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(status_button(page, text)).to_be_focused()
    expect(column(page, "todo").locator(".card-text")).to_have_text([text])

    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(column(page, "doing").locator(".card-text")).to_have_text([text])
    expect(status_button(page, text)).to_be_focused()
    expect(page.locator("#board-announcer")).to_have_text(f"Moved “{text}” to Doing.")

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


def test_shortcuts_move_edit_and_are_listed_behind_the_question_mark(signed_in_page: Page) -> None:
    page = signed_in_page
    text = f"Shortcut task {uuid.uuid4().hex[:6]}"
    add_task(page, text)
    status_button(page, text).focus()

    page.keyboard.press("3")
    expect(column(page, "done").locator(".card-text")).to_have_text([text])
    expect(status_button(page, text)).to_be_focused()
    page.keyboard.press("2")
    expect(column(page, "doing").locator(".card-text")).to_have_text([text])
    page.keyboard.press("1")
    expect(column(page, "todo").locator(".card-text")).to_have_text([text])

    page.keyboard.press("e")
    editor = card(page, text).get_by_label(EDITOR)
    expect(editor).to_be_focused()
    assert editor.evaluate("el => el.selectionStart === el.value.length")
    page.keyboard.type(" today")
    page.keyboard.press("Enter")
    expect(card(page, f"{text} today")).to_be_visible()

    page.keyboard.press("n")
    expect(page.get_by_label("New task")).to_be_focused()
    page.keyboard.type("n?")  # typed into a field, letters are letters
    expect(page.get_by_label("New task")).to_have_value("n?")
    expect(page.get_by_role("dialog")).to_have_count(0)

    page.get_by_label("New task").fill("")
    card(page, text).get_by_role("button", name="Edit").focus()
    page.keyboard.press("Escape")  # nothing open: nothing happens
    page.keyboard.press("Shift+?")
    help_dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(help_dialog).to_be_visible()
    expect(help_dialog).to_contain_text("Move it to Todo, Doing or Done")
    page.keyboard.press("Escape")
    expect(help_dialog).to_be_hidden()
    page.get_by_role("button", name="Keyboard shortcuts").click()
    expect(help_dialog).to_be_visible()


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
