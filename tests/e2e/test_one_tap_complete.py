"""Finishing a task in one tap: the card's check, with Undo; a repeating task moves on to its
next date, and Undo takes that completion back."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from tests.support.boards import column_order
from tests.support.people import Person
from tests.support.waiting import eventually

from .ui import card, column, sign_in, wait_until_saved

ZONE = "UTC"


def _check(page: Page, text: str):
    return card(page, text).get_by_role("checkbox", name="Done")


def _task(person: Person, task_id: str) -> dict:
    answer = person.get(f"/tasks/{task_id}")
    assert answer.ok, answer.text
    return answer.json()


def test_the_check_finishes_a_task_in_one_tap_and_undo_puts_it_back(
    page: Page, person: Person
) -> None:
    made = person.post("/tasks", json={"description": "Water the plants", "status": "doing"})
    assert made.status_code == 201, made.text
    task_id = made.json()["id"]
    sign_in(page, person.email, person.password)

    check = _check(page, "Water the plants")
    expect(check).to_have_attribute("aria-checked", "false")
    check.click()
    done_card = column(page, "done").locator(".card", has_text="Water the plants")
    expect(done_card).to_be_visible()
    expect(_check(page, "Water the plants")).to_have_attribute("aria-checked", "true")
    toast = page.locator("#toasts .toast", has_text="Done: “Water the plants”.")
    expect(toast).to_be_visible()
    eventually(lambda: _task(person, task_id)["status"] == "done")

    toast.get_by_role("button", name="Undo").click()
    expect(column(page, "doing").locator(".card", has_text="Water the plants")).to_be_visible()
    wait_until_saved(page)
    eventually(lambda: _task(person, task_id)["status"] == "doing")

    # From the keyboard: X on the card checks it; on a done card, X opens it again (Todo).
    card(page, "Water the plants").focus()
    page.keyboard.press("x")
    expect(done_card).to_be_visible()
    done_card.focus()
    page.keyboard.press("x")
    expect(column(page, "todo").locator(".card", has_text="Water the plants")).to_be_visible()
    wait_until_saved(page)
    eventually(lambda: _task(person, task_id)["status"] == "todo")


def test_undo_puts_a_finished_task_back_in_its_own_place_in_its_column(
    page: Page, person: Person
) -> None:
    for text in ("Book flights", "Buy milk", "Call mom"):
        assert person.post("/tasks", json={"description": text}).status_code == 201
    sign_in(page, person.email, person.password)
    texts = column(page, "todo").locator(".card-text")
    expect(texts).to_have_text(["Call mom", "Buy milk", "Book flights"])

    _check(page, "Buy milk").click()
    expect(texts).to_have_text(["Call mom", "Book flights"])
    wait_until_saved(page)
    page.locator("#toasts .toast", has_text="Done: “Buy milk”.").get_by_role(
        "button", name="Undo"
    ).click()
    expect(texts).to_have_text(["Call mom", "Buy milk", "Book flights"])
    wait_until_saved(page)
    expected = ["Call mom", "Buy milk", "Book flights"]
    eventually(lambda: column_order(person, "todo") == expected)


def test_the_check_on_a_repeating_task_moves_it_on_and_undo_takes_the_completion_back(
    page: Page, person: Person
) -> None:
    assert person.put("/me", json={"timezone": ZONE}).ok
    today = datetime.now(ZoneInfo(ZONE)).date()
    made = person.post(
        "/tasks",
        json={
            "description": "Stretch",
            "status": "doing",
            "due_date": today.isoformat(),
            "repeat": "FREQ=DAILY",
        },
    )
    assert made.status_code == 201, made.text
    task_id = made.json()["id"]
    sign_in(page, person.email, person.password)

    _check(page, "Stretch").click()
    toast = page.locator("#toasts .toast", has_text="It repeats")
    expect(toast).to_be_visible()
    tomorrow = (today + timedelta(days=1)).isoformat()
    eventually(lambda: _task(person, task_id)["due_date"] == tomorrow)
    expect(column(page, "todo").locator(".card", has_text="Stretch")).to_be_visible()
    eventually(lambda: person.get("/progress").json()["done_today"] == 1)

    toast.get_by_role("button", name="Undo").click()
    expect(column(page, "doing").locator(".card", has_text="Stretch")).to_be_visible()
    wait_until_saved(page)
    eventually(
        lambda: (
            (lambda task: (task["status"], task["due_date"], task["last_completed_at"]))(
                _task(person, task_id)
            )
            == ("doing", today.isoformat(), None)
        )
    )
    eventually(lambda: person.get("/progress").json()["done_today"] == 0)
