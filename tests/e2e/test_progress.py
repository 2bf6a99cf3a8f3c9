"""The Progress page and the board's view of what is done: Done pages, today's count."""

from datetime import UTC, datetime, timedelta

from google.cloud import firestore
from playwright.sync_api import Page, expect

from tests.support.boards import SeedTask, seed_board
from tests.support.people import Person
from tests.support.waiting import eventually

from .ui import (
    SERVER_TIMEOUT_MS,
    add_task,
    card,
    column,
    is_task_create,
    move_to,
    quick_add,
    sign_in,
    wait_for_board,
    wait_until_saved,
)


def _week_row(page: Page, index: int):
    return page.locator("#weeks-table tbody tr").nth(index).locator("td")


def _scroll_to_done_card(page: Page, text: str) -> None:
    """Scrolls to the page's end until the Done card `text` is drawn: past 60 cards a column
    draws only the cards near the screen (board-view.js)."""
    page.wait_for_function(
        """(text) => {
          scrollTo(0, document.documentElement.scrollHeight);
          const texts = document.querySelectorAll('.column[data-status="done"] .card-text');
          return [...texts].some((p) => p.textContent === text);
        }""",
        arg=text,
        polling=200,
    )


def test_done_shows_the_most_recent_page_and_pages_on(page: Page, person: Person, db) -> None:
    now = datetime.now(UTC)
    done = [
        SeedTask(f"Finished {n}", now - timedelta(days=200 - n), now - timedelta(hours=130 - n))
        for n in range(120)
    ]
    seed_board(db, person.uid, [SeedTask("Still open", now), *done])
    sign_in(page, person.email, person.password)

    done_cards = column(page, "done").locator(".card-text")
    expect(done_cards).to_have_count(50)
    expect(done_cards.first).to_have_text("Finished 119")  # the most recently finished first
    expect(column(page, "done").locator(".count")).to_have_text("120")
    expect(column(page, "todo").locator(".card-text")).to_have_text(["Still open"])

    show_older = page.get_by_role("button", name="Show older")
    show_older.click()
    _scroll_to_done_card(page, "Finished 20")
    expect(card(page, "Finished 20")).to_have_attribute("aria-posinset", "100")
    show_older.click()
    _scroll_to_done_card(page, "Finished 0")
    expect(card(page, "Finished 0")).to_have_attribute("aria-posinset", "120")
    expect(done_cards.last).to_have_text("Finished 0")
    expect(show_older).to_be_hidden()
    expect(column(page, "done").locator(".count")).to_have_text("120")


def test_the_board_header_counts_what_was_done_today(page: Page, person: Person) -> None:
    sign_in(page, person.email, person.password)
    add_task(page, "Call the plumber")
    today = page.locator("#done-today")
    expect(today).to_be_hidden()
    move_to(page, "Call the plumber", "Done")
    expect(today).to_have_text("1 done today", timeout=SERVER_TIMEOUT_MS)
    today.click()
    page.wait_for_url("**/progress")
    expect(page.locator("#stat-done-today")).to_have_text("1")


def _expect_progress_says(page: Page, done: int) -> None:
    """Progress's Done today and This week tiles, and its current week in the chart and the
    table, all say ``done`` (read again until the trigger's count holds it)."""

    def counted() -> bool:
        page.goto("/progress")
        expect(page.locator("#progress-content")).to_be_visible(timeout=SERVER_TIMEOUT_MS)
        return page.locator("#stat-done-today").inner_text() == str(done)

    eventually(counted)
    expect(page.locator("#stat-done-week")).to_have_text(str(done))
    expect(page.locator(".chart-week:last-child .chart-bar-done")).to_have_attribute(
        "data-value", str(done)
    )
    expect(_week_row(page, 11).nth(1)).to_have_text(str(done))


def test_after_a_change_of_zone_the_board_and_progress_agree_on_what_was_done(
    page: Page, person: Person
) -> None:
    """Kiritimati is UTC+14 and Pago Pago UTC-11: 25 hours apart, so the day two tasks were
    finished on in Kiritimati is still ahead in Pago Pago, whatever the clock says. They were
    finished today all the same, and every count says so."""
    assert person.put("/me", json={"timezone": "Pacific/Kiritimati"}).ok
    sign_in(page, person.email, person.password)
    for text in ("Call the plumber", "Pay the rent", "Water the plants"):
        add_task(page, text)
    chip = page.locator("#done-today")
    for text in ("Call the plumber", "Pay the rent"):
        move_to(page, text, "Done")
    expect(chip).to_have_text("2 done today", timeout=SERVER_TIMEOUT_MS)

    assert person.put("/me", json={"timezone": "Pacific/Pago_Pago"}).ok
    _expect_progress_says(page, 2)
    page.goto("/board")
    wait_for_board(page)
    expect(chip).to_have_text("2 done today", timeout=SERVER_TIMEOUT_MS)

    move_to(page, "Water the plants", "Done")
    expect(chip).to_have_text("3 done today", timeout=SERVER_TIMEOUT_MS)
    expect(column(page, "done").locator(".count")).to_have_text("3")
    _expect_progress_says(page, 3)


def _history(now: datetime) -> list[SeedTask]:
    """k weeks ago (same weekday): k + 1 tasks created, k of them done a minute later."""
    tasks = []
    for weeks_ago in range(4):
        moment = now - timedelta(weeks=weeks_ago, minutes=2)
        tasks.append(SeedTask(f"Open from {weeks_ago} weeks ago", moment))
        for n in range(weeks_ago):
            made = moment - timedelta(seconds=n)
            tasks.append(
                SeedTask(f"Done {n} from {weeks_ago} weeks ago", made, made + timedelta(minutes=1))
            )
    return tasks


def test_progress_shows_the_tasks_made_and_done_and_moves_when_one_is_done(
    page: Page, person: Person, db: firestore.Client
) -> None:
    assert person.put("/me", json={"timezone": "UTC"}).ok
    now = datetime.now(UTC)
    seed_board(db, person.uid, _history(now))
    sign_in(page, person.email, person.password)
    page.get_by_role("button", name="account menu").click()
    page.get_by_role("link", name="Progress").click()
    page.wait_for_url("**/progress")

    rows = page.locator("#weeks-table tbody tr")
    expect(rows).to_have_count(12)
    for weeks_ago in range(4):
        expect(_week_row(page, 11 - weeks_ago)).to_have_text([str(weeks_ago + 1), str(weeks_ago)])
    expect(_week_row(page, 0)).to_have_text(["0", "0"])
    expect(page.locator("#stat-done-today")).to_have_text("0")
    expect(page.locator("#stat-streak")).to_have_text("Not yet")
    expect(page.locator("#stat-median")).to_have_text("1 minute")
    oldest = page.locator("#oldest-list .oldest-text")
    expect(oldest).to_have_text([f"Open from {n} weeks ago" for n in (3, 2, 1, 0)])
    done_bar = page.locator(".chart-week:last-child .chart-bar-done")
    expect(done_bar).to_have_attribute("data-value", "0")

    # From the keyboard: Tab to the oldest task's button and press Enter.
    page.locator("#oldest-heading").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Mark “Open from 3 weeks ago” done")).to_be_focused()
    page.keyboard.press("Enter")
    expect(oldest).to_have_text([f"Open from {n} weeks ago" for n in (2, 1, 0)])
    expect(_week_row(page, 11)).to_have_text(["1", "1"])
    expect(page.locator("#stat-done-today")).to_have_text("1")
    expect(page.locator("#stat-streak")).to_have_text("1 day")
    expect(done_bar).to_have_attribute("data-value", "1")

    # The server's statistics (kept by the trigger) agree after a reload.
    def reloaded_agrees() -> bool:
        page.reload()
        expect(page.locator("#progress-content")).to_be_visible(timeout=SERVER_TIMEOUT_MS)
        return page.locator("#stat-done-today").inner_text() == "1"

    eventually(reloaded_agrees)
    expect(_week_row(page, 11)).to_have_text(["1", "1"])
    expect(page.locator("#stat-done-week")).to_have_text("1")


def test_progress_fits_a_phone(page: Page, person: Person) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in(page, person.email, person.password)
    page.goto("/progress")
    expect(page.locator("#weeks-chart svg")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    width = page.locator("#weeks-chart svg").evaluate("svg => svg.getBoundingClientRect().width")
    assert width <= 360


def test_a_create_whose_answer_was_lost_is_sent_again_and_makes_one_task(
    page: Page, person: Person
) -> None:
    sign_in(page, person.email, person.password)
    lost = []

    def lose_the_first_answer(route) -> None:
        if route.request.method == "PUT" and not lost:
            lost.append(route.fetch())  # the server made the task; the answer never arrives
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/api/tasks/*", lose_the_first_answer)
    with page.expect_response(is_task_create, timeout=SERVER_TIMEOUT_MS) as resent:
        quick_add(page).fill("Renew the lease")
        quick_add(page).press("Enter")
    assert lost and lost[0].status == 201
    assert resent.value.status == 200  # the same task, answered again
    wait_until_saved(page)
    expect(card(page, "Renew the lease")).to_have_count(1)
    tasks = person.get("/tasks").json()["tasks"]
    assert [task["description"] for task in tasks] == ["Renew the lease"]
    page.reload()
    wait_for_board(page)
    expect(card(page, "Renew the lease")).to_have_count(1)
