"""After logging out, nothing of the account can be seen again, also not with Back."""

import uuid

import requests
from playwright.sync_api import Page, expect

from tests.support.people import Person
from tests.support.stack import API_URL, FIRESTORE_REST
from tests.support.tokens import wait_past_sign_in_second
from tests.support.waiting import eventually

from .ui import add_task, is_task_create, log_out, on_landing, open_menu, wait_for_board


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


def test_a_token_taken_before_log_out_reads_nothing_after_it(
    signed_in_page: Page, person: Person
) -> None:
    page = signed_in_page
    with page.expect_response(is_task_create) as created:
        add_task(page, "Bank details")
    token = created.value.request.headers["authorization"].removeprefix("Bearer ")
    task_path = f"{FIRESTORE_REST}/users/{person.uid}/tasks/{created.value.url.rsplit('/', 1)[1]}"
    bearer = {"Authorization": f"Bearer {token}"}

    def firestore_read() -> int:
        return requests.get(task_path, headers=bearer, timeout=10).status_code

    assert firestore_read() == 200
    wait_past_sign_in_second(token)

    log_out(page)
    # The page waits for the server's answer a few seconds only; on a busy stack it lands later.
    eventually(lambda: firestore_read() == 403, timeout=30)
    assert requests.get(f"{API_URL}/me", headers=bearer, timeout=30).status_code == 401
