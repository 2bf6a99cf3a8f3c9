"""Going too fast: the board says so calmly, waits as the server asks, and saves."""

from playwright.sync_api import Page, expect

from taskly.ratelimit.requests import WRITES
from tests.support.limits import hold_next_request
from tests.support.people import Person

from .ui import SERVER_TIMEOUT_MS, card, is_task_create, quick_add, wait_until_saved


def test_a_rate_limited_add_waits_and_then_saves(signed_in_page: Page, person: Person, db) -> None:
    page = signed_in_page
    # The person has used up their writes: the next one must wait about 2 seconds.
    hold_next_request(db, person.uid, WRITES, 2)
    statuses: list[int] = []
    page.on(
        "response",
        lambda response: statuses.append(response.status) if is_task_create(response) else None,
    )

    quick_add(page).fill("Added while slowed down")
    quick_add(page).press("Enter")

    expect(page.get_by_text("Lots of changes at once")).to_be_visible()
    expect(card(page, "Added while slowed down")).to_be_visible()
    wait_until_saved(page)
    assert statuses[0] == 429 and statuses[-1] == 201
    tasks = person.get("/tasks").json()["tasks"]
    assert [task["description"] for task in tasks] == ["Added while slowed down"]
    expect(page.locator("#alerts")).to_be_empty(timeout=SERVER_TIMEOUT_MS)
