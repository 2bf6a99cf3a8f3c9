"""Screenshots of a filled board, Progress, the account page and the phone flow at desktop and
phone widths, for a person to look at."""

import re
import uuid
from datetime import UTC, datetime, timedelta

from google.cloud import firestore
from playwright.sync_api import Page, expect

from tests.support.boards import SeedTask, seed_board
from tests.support.people import Person
from tests.support.phones import unique_phone

from .screenshots import save_screenshot, save_screenshots
from .ui import add_task, move_to, sign_in, wait_until_saved


def test_board_screenshots_at_1280_and_360_px(page: Page, person: Person) -> None:
    assert person.put("/me", json={"first_name": "Ada", "last_name": "Lovelace"}).ok
    sign_in(page, person.email, person.password)
    run = uuid.uuid4().hex[:4]
    tasks = [f"Book dentist {run}", f"Draft the quarterly plan {run}", f"Water the plants {run}"]
    for text in tasks:
        add_task(page, text)
    move_to(page, tasks[1], "Doing")
    move_to(page, tasks[2], "Done")
    expect(page.locator('.column[data-status="done"] .card')).to_have_count(1)
    wait_until_saved(page)

    for width, height, scheme in ((1280, 800, "light"), (360, 740, "light"), (360, 740, "dark")):
        save_screenshot(page, "board", width, height, scheme)


def _three_months(now: datetime) -> list[SeedTask]:
    """A few tasks a day for three months, most done within days, a few still open."""
    tasks = []
    for day in range(90, 0, -1):
        for n in range(1 + day % 4):
            created = now - timedelta(days=day, hours=n)
            days_to_done = (day + n) % 5
            done = created + timedelta(days=days_to_done, hours=3) if (day + n) % 6 else None
            if done and done > now:
                done = None
            tasks.append(
                SeedTask(f"Task {day}-{n}: {_TOPICS[(day + n) % len(_TOPICS)]}", created, done)
            )
    return tasks


_TOPICS = ["Reply to Sam", "Book flights", "Review the budget", "Water the plants", "Call mum"]


def test_progress_screenshots_at_1280_and_360_px_and_dark(
    page: Page, person: Person, db: firestore.Client
) -> None:
    assert person.put("/me", json={"first_name": "Ada", "timezone": "UTC"}).ok
    now = datetime.now(UTC)
    seed_board(db, person.uid, _three_months(now))
    sign_in(page, person.email, person.password)
    page.goto("/progress")
    expect(page.locator("#weeks-chart svg")).to_be_visible()

    chart = page.locator("#weeks-chart svg")
    for width, height, scheme in ((1280, 900, "light"), (360, 740, "light"), (360, 740, "dark")):
        save_screenshot(
            page,
            "progress",
            width,
            height,
            scheme,
            redrawn=lambda: expect(chart).to_have_attribute("width", re.compile(r"\d+")),
        )


def test_account_and_phone_flow_screenshots_at_1280_and_360_px(page: Page, person: Person) -> None:
    assert person.put("/me", json={"first_name": "Ada", "last_name": "Lovelace"}).ok
    sign_in(page, person.email, person.password)
    page.goto("/account")
    expect(page.get_by_role("button", name="Choose a picture…")).to_be_enabled()
    save_screenshots(page, "account")

    section = page.get_by_role("region", name="Phone for SMS reminders")
    section.get_by_label("Phone number").fill(unique_phone())
    section.get_by_role("button", name="Send code").click()
    expect(section.get_by_label("Code from the SMS")).to_be_visible()
    section.scroll_into_view_if_needed()
    save_screenshots(page, "phone-code-sent")
