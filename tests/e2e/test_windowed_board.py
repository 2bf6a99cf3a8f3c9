"""A long board draws what is on screen: 2,000 open tasks, a few dozen cards in the page, and
scrolling, the keyboard, drag and drop and a screen reader's count still reach every one."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from google.cloud import firestore
from playwright.sync_api import Page, expect

from tests.support.boards import seed_open_tasks
from tests.support.emulators import background_triggers_off
from tests.support.people import Person, sign_up

from .ui import add_task, card, column, sign_in, wait_until_saved

TASKS = 2_000
CARDS_MAX = 300


def _text(number: int) -> str:
    return f"Windowed task {number:04d}"


# The open columns show the newest first: task 2000 on top, task 0001 at the bottom.
FIRST, LAST = _text(TASKS), _text(1)


@pytest.fixture(scope="module")
def long_board_person(db: firestore.Client) -> Iterator[Person]:
    person = sign_up("Long")
    start = datetime.now(UTC) - timedelta(days=30)
    with background_triggers_off():
        texts = [_text(number) for number in range(1, TASKS + 1)]
        seed_open_tasks(db, person.uid, texts, start + timedelta(minutes=1), timedelta(minutes=1))
    yield person


@pytest.fixture
def board(page: Page, long_board_person: Person) -> Page:
    # 2,000 documents can take the shared emulator a while to read.
    sign_in(page, long_board_person.email, long_board_person.password, timeout=60_000)
    return page


def cards_in_page(page: Page) -> int:
    return page.locator(".card").count()


def test_a_long_column_draws_the_cards_on_screen_and_scrolls_to_the_last(board: Page) -> None:
    page = board
    todo = column(page, "todo")
    expect(todo.locator(".count")).to_have_text(str(TASKS))
    expect(page.locator("#board")).to_have_attribute("data-source", "server")
    expect(card(page, FIRST)).to_be_visible()
    drawn = cards_in_page(page)
    assert 0 < drawn < CARDS_MAX, drawn
    first = todo.locator(".card").first
    expect(first).to_have_attribute("aria-posinset", "1")
    expect(first).to_have_attribute("aria-setsize", str(TASKS))

    # Scrolling to the bottom draws the last card (its height may be corrected on the way:
    # the spacers start from an estimate, so the bottom is asked for until it is there).
    page.wait_for_function(
        """(text) => {
          scrollTo(0, document.documentElement.scrollHeight);
          return [...document.querySelectorAll('.card-text')].some((p) => p.textContent === text);
        }""",
        arg=LAST,
        polling=200,
        timeout=10_000,
    )
    expect(card(page, LAST)).to_be_in_viewport()
    expect(card(page, LAST)).to_have_attribute("aria-posinset", str(TASKS))
    expect(card(page, FIRST)).to_have_count(0)
    assert cards_in_page(page) < CARDS_MAX


def test_the_keyboard_reaches_a_card_far_down_and_draws_it(board: Page) -> None:
    page = board
    card(page, FIRST).focus()
    page.keyboard.press("j")
    second = card(page, _text(TASKS - 1))
    expect(second).to_be_focused()
    expect(second).to_have_attribute("aria-posinset", "2")

    page.keyboard.press("End")
    last = card(page, LAST)
    expect(last).to_be_focused()
    expect(last).to_be_in_viewport()
    expect(last).to_have_attribute("aria-posinset", str(TASKS))
    page.keyboard.press("k")
    expect(card(page, _text(2))).to_be_focused()
    page.keyboard.press("Home")
    expect(card(page, FIRST)).to_be_focused()
    expect(card(page, FIRST)).to_be_in_viewport()
    assert cards_in_page(page) < CARDS_MAX


def test_a_drawn_card_drags_to_doing(board: Page) -> None:
    page = board
    moved = _text(TASKS - 2)
    card(page, moved).drag_to(column(page, "doing"))
    expect(column(page, "doing").locator(".card-text")).to_have_text([moved])
    expect(column(page, "todo").locator(".count")).to_have_text(str(TASKS - 1))
    expect(column(page, "todo").locator(".card").first).to_have_attribute(
        "aria-setsize", str(TASKS - 1)
    )
    expect(column(page, "doing").locator(".card")).to_have_attribute("aria-setsize", "1")


def count_of(page: Page, status: str) -> int:
    text = column(page, status).locator(".count").inner_text()
    return int(text.rstrip("+"))


def test_a_quick_add_on_a_long_column_lands_on_top_and_is_counted(board: Page) -> None:
    page = board
    todo = column(page, "todo")
    # The board holds as many open tasks as the quota: one goes to Done first.
    card(page, FIRST).focus()
    page.keyboard.press("3")
    wait_until_saved(page)
    expect(todo.locator(".count")).not_to_contain_text("+")
    before = count_of(page, "todo")
    add_task(page, "Fresh on a long board")
    expect(todo.locator(".card-text").first).to_have_text("Fresh on a long board")
    expect(todo.locator(".count")).to_have_text(str(before + 1))
    wait_until_saved(page)
    page.reload()
    expect(todo.locator(".count")).to_have_text(str(before + 1))


def _task_id(db: firestore.Client, person: Person, text: str) -> str:
    tasks = db.collection(f"users/{person.uid}/tasks")
    found = tasks.where(filter=firestore.FieldFilter("description", "==", text)).limit(1).get()
    return found[0].id


def test_a_card_put_past_the_loaded_cards_is_counted_and_found_at_its_place(
    board: Page, long_board_person: Person, db: firestore.Client
) -> None:
    # Elsewhere, a task near the top goes to Doing, then back to Todo at the very end: far past
    # the cards this board has loaded.
    page, person = board, long_board_person
    todo = column(page, "todo")
    expect(todo.locator(".count")).not_to_contain_text("+")
    before = count_of(page, "todo")
    text = _text(TASKS - 1)
    moved, last, below = (_task_id(db, person, name) for name in (text, LAST, _text(TASKS - 3)))
    expect(card(page, text)).to_be_visible()
    assert person.patch(f"/tasks/{moved}", json={"status": "doing"}).ok
    expect(todo.locator(".count")).to_have_text(str(before - 1))
    back = {"status": "todo", "place": {"above": last, "below": None}}
    assert person.patch(f"/tasks/{moved}", json=back).ok
    expect(todo.locator(".count")).to_have_text(str(before))
    expect(card(page, text)).to_have_count(0)  # not drawn: far down the column
    todo.locator(".card").first.focus()
    page.keyboard.press("End")
    expect(card(page, text)).to_be_focused()
    expect(card(page, text)).to_have_attribute("aria-posinset", str(before))
    # Back near the top, for the tests after this one.
    assert person.patch(f"/tasks/{moved}", json={"place": {"above": None, "below": below}}).ok
