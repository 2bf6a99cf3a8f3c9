"""Two devices of one person stay in sync; two people never see each other's tasks."""

import uuid
from collections.abc import Callable

from playwright.sync_api import BrowserContext, expect

from tests.support.people import Person

from .ui import SERVER_TIMEOUT_MS, add_task, card, column, move_to, sign_in


def test_a_task_added_on_one_device_appears_on_the_other(
    new_context: Callable[..., BrowserContext], person: Person
) -> None:
    laptop, phone = new_context().new_page(), new_context().new_page()
    sign_in(laptop, person.email, person.password)
    sign_in(phone, person.email, person.password)

    text = f"Call the plumber {uuid.uuid4().hex[:6]}"
    add_task(laptop, text)
    expect(card(phone, text)).to_be_visible(timeout=SERVER_TIMEOUT_MS)

    move_to(phone, text, "Doing")
    expect(column(laptop, "doing").locator(".card-text")).to_have_text(
        [text], timeout=SERVER_TIMEOUT_MS
    )


def test_another_person_never_sees_my_tasks(
    new_context: Callable[..., BrowserContext], person: Person, other_person: Person
) -> None:
    mine, theirs = new_context().new_page(), new_context().new_page()
    sign_in(mine, person.email, person.password)
    secret = f"Plan surprise party {uuid.uuid4().hex[:6]}"
    add_task(mine, secret)

    sign_in(theirs, other_person.email, other_person.password)
    expect(theirs.get_by_role("heading", name="Nothing on your board yet")).to_be_visible()
    expect(theirs.locator(".card")).to_have_count(0)
    assert secret not in theirs.content()
