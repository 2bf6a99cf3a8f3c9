"""Screenshots of a filled board at desktop and phone widths, for a person to look at."""

import uuid
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.support.people import Person

from .ui import add_task, card, sign_in, wait_until_saved

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def test_board_screenshots_at_1280_and_360_px(page: Page, person: Person) -> None:
    assert person.put("/me", json={"first_name": "Ada", "last_name": "Lovelace"}).ok
    sign_in(page, person.email, person.password)
    run = uuid.uuid4().hex[:4]
    tasks = [f"Book dentist {run}", f"Draft the quarterly plan {run}", f"Water the plants {run}"]
    for text in tasks:
        add_task(page, text)
    card(page, tasks[1]).get_by_label("Status").select_option("doing")
    card(page, tasks[2]).get_by_label("Status").select_option("done")
    expect(page.locator('.column[data-status="done"] .card')).to_have_count(1)
    wait_until_saved(page)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, height, scheme in ((1280, 800, "light"), (360, 740, "light"), (360, 740, "dark")):
        page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(color_scheme=scheme)
        path = SCREENSHOTS / f"board-{width}{'-dark' if scheme == 'dark' else ''}.png"
        path.unlink(missing_ok=True)
        page.screenshot(path=path, full_page=True)
        assert path.stat().st_size > 0
        # Nothing may stick out sideways, at any width.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
