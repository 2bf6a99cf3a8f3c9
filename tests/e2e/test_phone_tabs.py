"""On a phone the board shows one column at a time under tabs that carry the counts: Doing is
one tap away, not four screens down, a card moves on to the next column in one tap, the tab
chosen survives a reload and a link to a task shows its column. Wide, nothing changes."""

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from google.cloud import firestore
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.boards import SeedTask, seed_board
from tests.support.people import Person

from .screenshots import save_screenshot
from .ui import card, column, sign_in, wait_for_board, wait_until_saved

PHONE = {"width": 360, "height": 740}
TODOS, DOINGS, DONES = 30, 3, 2


def _board(now: datetime) -> list[SeedTask]:
    """30 to-dos, 3 in progress, 2 done; the open columns show the newest first."""
    start = now - timedelta(days=2)
    tasks = [SeedTask(f"To do {n:02d}", start + timedelta(minutes=n)) for n in range(1, TODOS + 1)]
    tasks += [
        SeedTask(f"In progress {n}", start + timedelta(hours=1, minutes=n), status="doing")
        for n in range(1, DOINGS + 1)
    ]
    tasks += [
        SeedTask(f"Finished {n}", start + timedelta(hours=2, minutes=n), done_at=now)
        for n in range(1, DONES + 1)
    ]
    return tasks


@pytest.fixture
def seeded(person: Person, db: firestore.Client) -> tuple[Person, list[str]]:
    """The person and their tasks' ids, in _board's order."""
    assert person.put("/me", json={"first_name": "Ada", "timezone": "UTC"}).ok
    return person, seed_board(db, person.uid, _board(datetime.now(UTC)))


@pytest.fixture
def phone(new_context: Callable[..., BrowserContext], seeded: tuple[Person, list[str]]) -> Page:
    person, _ = seeded
    page = new_context(has_touch=True).new_page()
    page.set_viewport_size(PHONE)
    sign_in(page, person.email, person.password)
    return page


def tab(page: Page, name: str):
    return page.get_by_role("tablist", name="Columns").get_by_role("tab", name=name)


def expect_counts(page: Page, todo: int, doing: int, done: int) -> None:
    for name, count in (("Todo", todo), ("Doing", doing), ("Done", done)):
        expect(tab(page, name)).to_have_text(re.compile(rf"^{name}\s*{count}$"))


def expect_shown(page: Page, status: str) -> None:
    """Only the column of ``status`` shows, as the selected tab's panel."""
    name = status.capitalize()
    expect(tab(page, name)).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel")).to_have_count(1)
    expect(page.get_by_role("tabpanel")).to_have_attribute("data-status", status)
    for other in ("todo", "doing", "done"):
        if other != status:
            expect(column(page, other)).to_be_hidden()


def test_one_column_at_a_time_with_counts_and_doing_one_tap_away(phone: Page) -> None:
    page = phone
    expect_counts(page, TODOS, DOINGS, DONES)
    expect_shown(page, "todo")
    expect(card(page, "To do 30")).to_be_in_viewport()

    tab(page, "Doing").tap()
    expect_shown(page, "doing")
    first = column(page, "doing").locator(".card").first
    expect(first).to_contain_text(f"In progress {DOINGS}")
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    save_screenshot(page, "phone-tabs", PHONE["width"], PHONE["height"])

    page.reload()
    wait_for_board(page)
    expect_shown(page, "doing")


def test_arrow_keys_go_from_tab_to_tab(phone: Page) -> None:
    page = phone
    tab(page, "Todo").focus()
    page.keyboard.press("ArrowRight")
    expect(tab(page, "Doing")).to_be_focused()
    expect_shown(page, "doing")
    page.keyboard.press("ArrowRight")
    expect(tab(page, "Done")).to_be_focused()
    expect_shown(page, "done")
    page.keyboard.press("ArrowRight")  # round the end
    expect(tab(page, "Todo")).to_be_focused()
    page.keyboard.press("ArrowLeft")
    expect(tab(page, "Done")).to_be_focused()
    page.keyboard.press("Home")
    expect(tab(page, "Todo")).to_be_focused()
    expect_shown(page, "todo")
    # Only the selected tab is in the Tab order.
    expect(tab(page, "Todo")).to_have_attribute("tabindex", "0")
    expect(tab(page, "Doing")).to_have_attribute("tabindex", "-1")


def test_a_card_moves_to_doing_in_one_tap_and_the_counts_follow(phone: Page) -> None:
    page = phone
    moved = "To do 30"
    card(page, moved).get_by_role("button", name="Move to Doing").tap()
    expect(card(page, moved)).to_be_hidden()  # gone to Doing, out of sight
    expect_counts(page, TODOS - 1, DOINGS + 1, DONES)
    expect_shown(page, "todo")  # the person goes on through Todo
    expect(page.locator("#board-announcer")).to_have_text(f"Moved “{moved}” to Doing.")

    tab(page, "Doing").tap()
    expect(card(page, moved)).to_be_visible()
    card(page, moved).get_by_role("button", name="Move to Done").tap()
    expect_counts(page, TODOS - 1, DOINGS, DONES + 1)
    tab(page, "Done").tap()
    expect(card(page, moved)).to_be_visible()
    expect(card(page, moved).get_by_role("button", name=re.compile("^Move to"))).to_have_count(0)
    wait_until_saved(page)
    page.reload()
    wait_for_board(page)
    expect(column(page, "done").locator(".card-text")).to_contain_text([moved])


def test_a_link_to_a_task_in_another_column_shows_its_tab(
    phone: Page, seeded: tuple[Person, list[str]]
) -> None:
    page = phone
    _, ids = seeded
    expect_shown(page, "todo")
    doing_id = ids[TODOS]  # "In progress 1"
    page.goto(f"/board#task={doing_id}")
    wait_for_board(page)
    expect_shown(page, "doing")
    expect(card(page, "In progress 1")).to_be_focused()


def test_a_keyboard_move_follows_the_card_to_its_tab(phone: Page) -> None:
    page = phone
    card(page, "To do 29").focus()
    page.keyboard.press("2")
    expect_shown(page, "doing")
    expect(card(page, "To do 29")).to_be_focused()


def test_wide_the_three_columns_stand_side_by_side_without_tabs(
    page: Page, seeded: tuple[Person, list[str]]
) -> None:
    person, _ = seeded
    sign_in(page, person.email, person.password)
    expect(page.get_by_role("tablist")).to_have_count(0)
    expect(page.get_by_role("tabpanel")).to_have_count(0)
    boxes = []
    for status in ("todo", "doing", "done"):
        expect(column(page, status)).to_be_visible()
        boxes.append(column(page, status).bounding_box())
    assert all(box is not None for box in boxes)
    assert len({round(box["y"]) for box in boxes}) == 1, boxes  # type: ignore[index]
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"], boxes  # type: ignore[index]
    expect(page.get_by_role("button", name=re.compile("^Move to"))).to_have_count(0)
    save_screenshot(page, "phone-tabs", 1280, 800)
