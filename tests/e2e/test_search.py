"""Finding a task: a search over the whole board, past the cards loaded, done ones on request."""

from datetime import UTC, datetime, timedelta

from playwright.sync_api import Page, expect

from tests.support.boards import SeedTask, seed_board
from tests.support.people import Person

from .screenshots import save_screenshots
from .ui import card, column, sign_in


def test_search_finds_tasks_anywhere_marks_them_and_done_ones_on_request(
    page: Page, person: Person, db
) -> None:
    now = datetime.now(UTC)
    start = now - timedelta(days=60)
    # The oldest open task is far below the first page of the column (open-pages.js).
    errands = [SeedTask(f"Errand {n:03d}", start + timedelta(minutes=n)) for n in range(1, 300)]
    done = [SeedTask(f"Finished {n:02d}", start, start + timedelta(hours=n)) for n in range(1, 60)]
    seed_board(
        db,
        person.uid,
        [
            SeedTask("Renew the passport", start),
            *errands,
            SeedTask("Passport photos", start, start + timedelta(minutes=30)),
            *done,
        ],
    )
    sign_in(page, person.email, person.password)
    expect(column(page, "todo").locator(".count")).to_have_text("300")

    # Anywhere but a text field (quick add has focus on arrival), "/" goes to the search.
    page.locator("#column-todo").focus()
    page.keyboard.press("/")
    search = page.get_by_role("searchbox", name="Search tasks")
    expect(search).to_be_focused()
    search.press_sequentially("PASSport")

    found = card(page, "Renew the passport")
    expect(found).to_be_visible()
    expect(found.locator("mark")).to_have_text("passport")
    expect(column(page, "todo").locator(".card")).to_have_count(1)
    expect(column(page, "todo").locator(".count")).to_have_text("1")
    status = page.locator("#search-status")
    expect(status).to_have_text("1 task matches “PASSport”, older done tasks not searched yet.")
    expect(column(page, "done").locator(".column-empty")).to_have_text("No matching tasks here.")

    column(page, "done").get_by_role("button", name="Search older done tasks").click()
    expect(card(page, "Passport photos").locator("mark")).to_have_text("Passport")
    expect(status).to_have_text("2 tasks match “PASSport”.")
    save_screenshots(page, "search")

    # Each word anywhere: Errand 029, 129, 229 and 290 to 299.
    search.fill("errand 29")
    expect(column(page, "todo").locator(".card")).to_have_count(13)
    expect(status).to_have_text("13 tasks match “errand 29”.")

    search.press("Escape")
    expect(search).to_have_value("")
    expect(status).to_have_text("")
    expect(column(page, "todo").locator(".count")).to_have_text("300")
    expect(card(page, "Errand 299")).to_be_visible()
