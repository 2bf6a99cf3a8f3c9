"""Changes show at once; when the API cannot take one, it is undone and the person is told."""

import uuid

from playwright.sync_api import Page, Route, expect

from .ui import add_task, card, column, move_to, quick_add, status_button


def test_an_add_that_cannot_reach_the_api_is_undone_and_the_text_kept(signed_in_page: Page) -> None:
    page = signed_in_page
    page.route(
        "**/api/tasks/*",
        lambda route: route.abort() if route.request.method == "PUT" else route.continue_(),
    )
    text = f"Idea while offline {uuid.uuid4().hex[:6]}"
    quick_add(page).fill(text)
    quick_add(page).press("Enter")

    expect(page.locator(".toast-error")).to_contain_text(
        "The task wasn't added: Can't reach Taskly"
    )
    expect(card(page, text)).to_have_count(0)
    expect(quick_add(page)).to_have_value(text)


def test_a_move_the_api_refuses_goes_back_with_its_reason(signed_in_page: Page) -> None:
    page = signed_in_page
    text = f"Stubborn task {uuid.uuid4().hex[:6]}"
    add_task(page, text)

    def refuse_patch(route: Route) -> None:
        if route.request.method != "PATCH":
            route.continue_()
            return
        error = {"code": "invalid_argument", "message": "Status change refused.", "field": "status"}
        route.fulfill(status=400, json={"error": error})

    page.route("**/api/tasks/*", refuse_patch)
    move_to(page, text, "Doing")

    expect(page.locator(".toast-error")).to_contain_text(
        "The task wasn't moved: Status change refused."
    )
    expect(column(page, "todo").locator(".card-text")).to_have_text([text])
    expect(status_button(page, text)).to_have_text("Todo")
