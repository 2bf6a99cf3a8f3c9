"""After logging out, nothing of the account can be seen again, also not with Back."""

import uuid

from playwright.sync_api import Page, expect

from .ui import add_task, log_out, on_landing, open_menu, wait_for_board


def expect_signed_out_page_without(page: Page, text: str) -> None:
    page.wait_for_url(on_landing)
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.locator(".card")).to_have_count(0)
    assert text not in page.content()


def test_back_button_and_board_url_show_sign_in_after_log_out(signed_in_page: Page) -> None:
    page = signed_in_page
    secret = f"Secret task {uuid.uuid4().hex[:6]}"
    add_task(page, secret)
    # Board -> Account -> Board, so Back after logging out walks over both signed-in pages.
    open_menu(page)
    page.get_by_role("link", name="Account").click()
    page.wait_for_url("**/account")
    page.get_by_role("link", name="Board").first.click()
    wait_for_board(page)

    log_out(page)
    expect_signed_out_page_without(page, secret)
    assert page.title() == "Taskly — your tasks, Todo to Done"

    page.go_back()  # the account page
    expect_signed_out_page_without(page, secret)
    page.go_back()  # the board
    expect_signed_out_page_without(page, secret)

    page.goto("/board")
    expect_signed_out_page_without(page, secret)
