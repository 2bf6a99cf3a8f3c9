"""Putting cards in one's own order: by drag and drop and by the keyboard, kept on the server;
dates keep their order, and a place that would break it is refused with the reason."""

from datetime import UTC, datetime, timedelta

from playwright.sync_api import Page, expect

from tests.support.boards import column_order
from tests.support.people import Person

from .screenshots import save_screenshots
from .ui import card, card_texts, column, sign_in, wait_until_saved


def _create(person: Person, description: str, **fields: object) -> dict:
    answer = person.post("/tasks", json={"description": description, **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _drop_on_top_half(page: Page, text: str, onto: str) -> None:
    target = card(page, onto)
    box = target.bounding_box()
    assert box is not None
    card(page, text).drag_to(target, target_position={"x": box["width"] / 2, "y": 4})


def test_cards_are_put_in_order_by_drag_and_by_keyboard_and_stay_so(
    page: Page, person: Person
) -> None:
    for text in ("Book flights", "Buy milk", "Call mom"):
        _create(person, text)
    sign_in(page, person.email, person.password)
    expect(column(page, "todo").locator(".card-text")).to_have_text(
        ["Call mom", "Buy milk", "Book flights"]
    )

    # Dragged onto the top half of a card: above it.
    _drop_on_top_half(page, "Book flights", "Call mom")
    expect(column(page, "todo").locator(".card-text")).to_have_text(
        ["Book flights", "Call mom", "Buy milk"]
    )
    wait_until_saved(page)

    # Alt ↑ moves the focused card up one place, and says where it is now.
    card(page, "Buy milk").focus()
    page.keyboard.press("Alt+ArrowUp")
    expect(column(page, "todo").locator(".card-text")).to_have_text(
        ["Book flights", "Buy milk", "Call mom"]
    )
    expect(card(page, "Buy milk")).to_be_focused()
    expect(page.locator("#board-announcer")).to_have_text("Moved “Buy milk”: now 2 of 3 in Todo.")
    wait_until_saved(page)
    assert column_order(person, "todo") == ["Book flights", "Buy milk", "Call mom"]
    save_screenshots(page, "reorder")

    page.reload()
    expect(column(page, "todo").locator(".card-text")).to_have_text(
        ["Book flights", "Buy milk", "Call mom"]
    )
    # At the top, Alt ↑ goes nowhere and says so.
    card(page, "Book flights").focus()
    page.keyboard.press("Alt+ArrowUp")
    expect(page.locator("#board-announcer")).to_have_text("It is first in its column.")


def test_dated_cards_keep_date_order_and_a_place_against_it_is_refused(
    page: Page, person: Person
) -> None:
    assert person.put("/me", json={"timezone": "UTC"}).ok
    tomorrow = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()
    _create(person, "Undated errand")
    _create(person, "Dentist", due_date=tomorrow)
    _create(person, "Passport", due_date=tomorrow)
    sign_in(page, person.email, person.password)
    expect(column(page, "todo").locator(".card-text")).to_have_text(
        ["Passport", "Dentist", "Undated errand"]
    )

    # Among tasks due the same day, the person's order.
    _drop_on_top_half(page, "Dentist", "Passport")
    expect(column(page, "todo").locator(".card-text")).to_have_text(
        ["Dentist", "Passport", "Undated errand"]
    )
    wait_until_saved(page)

    # An undated task above dated ones would break the date order: refused, said why.
    _drop_on_top_half(page, "Undated errand", "Dentist")
    expect(page.locator(".toast-error")).to_contain_text("stay in date order")
    assert card_texts(page, "todo") == ["Dentist", "Passport", "Undated errand"]
    page.reload()
    expect(column(page, "todo").locator(".card-text")).to_have_text(
        ["Dentist", "Passport", "Undated errand"]
    )
