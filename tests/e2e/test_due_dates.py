"""Due dates on the board: quick add reads a date into a chip and the card shows it; the chip
gives the words back as text; the picker sets a date and time from the keyboard; a repeating
task done from the board comes back in Todo on its next date; screenshots of a board with
dated, overdue, repeating and undated tasks."""

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import BrowserContext, Locator, Page, Response, expect

from tests.support.people import Person

from .screenshots import SCREENSHOTS, save_screenshot
from .ui import (
    SERVER_TIMEOUT_MS,
    card,
    card_texts,
    column,
    is_task_create,
    move_to,
    quick_add,
    sign_in,
    wait_until_saved,
)

# The person and their browser in one zone, so "today" is the same day to both.
TIME_ZONE = "America/New_York"
# Intl may put a narrow no-break space before AM/PM.
SPACE = r"[\s\u202f]"


def _board(new_context: Callable[..., BrowserContext], person: Person) -> Page:
    answer = person.put("/me", json={"first_name": "Ada", "timezone": TIME_ZONE})
    assert answer.ok, answer.text
    page = new_context(locale="en-US", timezone_id=TIME_ZONE).new_page()
    sign_in(page, person.email, person.password)
    return page


def _today() -> date:
    return datetime.now(ZoneInfo(TIME_ZONE)).date()


def _day_words(day: date) -> str:
    """The board's words for ``day`` ahead of today (dates/due-label.js), in en-US."""
    ahead = (day - _today()).days
    if ahead == 0:
        return "Today"
    if ahead == 1:
        return "Tomorrow"
    if 1 < ahead < 7:
        return day.strftime("%A")
    short = f"{day.strftime('%b')} {day.day}"
    return short if day.year == _today().year else f"{short}, {day.year}"


def _due(page: Page, text: str) -> Locator:
    """What the card shows of its due date ("Today 6:00 PM", "Overdue · Mon")."""
    return card(page, text).locator(".card-due-text")


def _is_patch(response: Response) -> bool:
    return response.request.method == "PATCH" and "/api/tasks/" in response.url


def test_quick_add_reads_a_date_into_a_chip_and_the_card_shows_it(
    new_context: Callable[..., BrowserContext], person: Person
) -> None:
    page = _board(new_context, person)
    chip = page.locator("#quick-add-chip")
    preview = page.locator("#quick-add-preview")
    expect(chip).to_be_hidden()

    quick_add(page).fill("pay rent friday 6pm")
    expect(chip).to_be_visible()
    expect(chip).to_have_text(re.compile(rf"6:00{SPACE}PM"))
    expect(chip).to_have_accessible_name(re.compile(r"^Due .*Keep “friday 6pm” as text", re.I))
    expect(preview).to_have_text("Will add: pay rent")

    with page.expect_response(is_task_create, timeout=SERVER_TIMEOUT_MS) as created:
        quick_add(page).press("Enter")
    assert created.value.status == 201, created.value.text()
    sent = created.value.request.post_data_json
    assert sent["description"] == "pay rent"
    assert sent["due_time"] == "18:00"
    friday = date.fromisoformat(sent["due_date"])
    assert friday.weekday() == 4 and friday > _today() - timedelta(days=1)
    expect(quick_add(page)).to_have_value("")
    expect(chip).to_be_hidden()
    expect(preview).to_be_hidden()

    expect(card(page, "pay rent").locator(".card-text")).to_have_text("pay rent")
    expect(_due(page, "pay rent")).to_have_text(
        re.compile(rf"^{_day_words(friday)} 6:00{SPACE}PM$")
    )
    task = created.value.json()
    assert (task["due_date"], task["due_time"], task["repeat"]) == (sent["due_date"], "18:00", None)


def test_the_chip_keeps_the_words_as_text(
    new_context: Callable[..., BrowserContext], person: Person
) -> None:
    page = _board(new_context, person)
    chip = page.locator("#quick-add-chip")
    preview = page.locator("#quick-add-preview")

    # Clicking the chip: the words stay in the title, and nothing is read as a date.
    quick_add(page).fill("call mom tomorrow")
    expect(chip).to_be_visible()
    expect(preview).to_have_text("Will add: call mom")
    chip.click()
    expect(chip).to_be_hidden()
    expect(preview).to_have_text("Will add: call mom tomorrow")
    expect(quick_add(page)).to_be_focused()
    expect(quick_add(page)).to_have_value("call mom tomorrow")
    with page.expect_response(is_task_create, timeout=SERVER_TIMEOUT_MS) as created:
        quick_add(page).press("Enter")
    assert created.value.status == 201, created.value.text()
    assert created.value.request.post_data_json == {"description": "call mom tomorrow"}
    expect(card(page, "call mom tomorrow")).to_be_visible()
    expect(card(page, "call mom tomorrow").locator(".card-due")).to_be_hidden()

    # Backspace right after the phrase does the same, and deletes nothing.
    quick_add(page).fill("water the plants every monday")
    expect(chip).to_contain_text("weekly")
    expect(preview).to_have_text("Will add: water the plants")
    quick_add(page).press("End")
    quick_add(page).press("Backspace")
    expect(chip).to_be_hidden()
    expect(quick_add(page)).to_have_value("water the plants every monday")
    expect(preview).to_have_text("Will add: water the plants every monday")
    # Typing on is reading on, the kept words still text.
    quick_add(page).press("End")
    quick_add(page).type(" at 9am")
    expect(chip).to_have_text(re.compile(rf"9:00{SPACE}AM"))
    expect(preview).to_have_text("Will add: water the plants every monday")

    # Nothing read: no chip, no preview, the line as it is.
    quick_add(page).fill("buy milk")
    expect(chip).to_be_hidden()
    expect(preview).to_be_hidden()


def test_the_picker_sets_a_date_and_time_from_the_keyboard(
    new_context: Callable[..., BrowserContext], person: Person
) -> None:
    page = _board(new_context, person)
    text = "Book the dentist"
    with page.expect_response(is_task_create, timeout=SERVER_TIMEOUT_MS):
        quick_add(page).fill(text)
        quick_add(page).press("Enter")
    due_button = card(page, text).get_by_role("button", name="Due date")
    due_button.focus()
    page.keyboard.press("Enter")

    dialog = page.get_by_role("dialog", name="Due date")
    expect(dialog).to_be_visible()
    date_field = dialog.get_by_label("Date", exact=True)
    time_field = dialog.get_by_label("Time")
    expect(date_field).to_be_focused()
    expect(dialog.get_by_label("Remind")).to_be_hidden()  # only with a time
    day = _today() + timedelta(days=10)
    page.keyboard.type(day.strftime("%m%d%Y"))  # en-US: month, day, year
    expect(date_field).to_have_value(day.isoformat())
    for _ in range(4):  # past the date's parts to the time
        if time_field.evaluate("field => field === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(time_field).to_be_focused()
    page.keyboard.type("0230P")
    expect(time_field).to_have_value("14:30")
    expect(dialog.get_by_label("Remind")).to_be_visible()

    with page.expect_response(_is_patch, timeout=SERVER_TIMEOUT_MS) as patched:
        page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    assert patched.value.ok, patched.value.text()
    assert patched.value.request.post_data_json == {
        "due_date": day.isoformat(),
        "due_time": "14:30",
    }
    expect(_due(page, text)).to_have_text(re.compile(rf"^{_day_words(day)} 2:30{SPACE}PM$"))
    expect(due_button).to_be_focused()

    # D opens it again on the focused card; Escape closes it, changing nothing.
    page.keyboard.press("d")
    expect(dialog).to_be_visible()
    expect(date_field).to_have_value(day.isoformat())
    expect(time_field).to_have_value("14:30")
    dialog.get_by_role("button", name="No date").click()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(due_button).to_be_focused()
    expect(_due(page, text)).to_have_text(re.compile(r"2:30"))


def test_a_repeat_shows_its_next_dates_and_says_what_is_wrong_with_a_rule(
    new_context: Callable[..., BrowserContext], person: Person
) -> None:
    page = _board(new_context, person)
    text = "Team call"
    with page.expect_response(is_task_create, timeout=SERVER_TIMEOUT_MS):
        quick_add(page).fill(text)
        quick_add(page).press("Enter")
    card(page, text).get_by_role("button", name="Due date").click()
    dialog = page.get_by_role("dialog", name="Due date")
    dialog.get_by_role("button", name="Tomorrow").click()
    tomorrow = _today() + timedelta(days=1)
    expect(dialog.get_by_label("Date", exact=True)).to_have_value(tomorrow.isoformat())
    weekday = tomorrow.strftime("%A")
    dialog.get_by_label("Repeat").select_option(label=f"Weekly on {weekday}")
    preview = dialog.locator("#due-preview")
    week = [tomorrow + timedelta(days=7 * n) for n in range(3)]
    expect(preview).to_have_text(
        re.compile("^Next: " + " · ".join(rf"{d:%a} {d:%b} {d.day}(, {d.year})?" for d in week))
    )

    dialog.get_by_label("Repeat").select_option(label="Custom rule…")
    expect(dialog.get_by_label("Custom rule")).to_be_focused()
    page.keyboard.type("FREQ=HOURLY")
    error = dialog.locator("#due-repeat-error")
    expect(error).to_contain_text("daily, weekly, monthly or yearly", timeout=SERVER_TIMEOUT_MS)
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_visible()  # not saved while the rule is refused
    dialog.get_by_label("Custom rule").fill("FREQ=DAILY;INTERVAL=2")
    expect(error).to_be_empty(timeout=SERVER_TIMEOUT_MS)
    expect(preview).to_contain_text("Next:")
    with page.expect_response(_is_patch, timeout=SERVER_TIMEOUT_MS) as patched:
        dialog.get_by_role("button", name="Save").click()
    assert patched.value.ok, patched.value.text()
    assert patched.value.request.post_data_json == {
        "due_date": tomorrow.isoformat(),
        "repeat": "FREQ=DAILY;INTERVAL=2",
    }
    expect(card(page, text).locator(".card-repeat")).to_be_visible()
    expect(card(page, text).locator(".card-due")).to_contain_text("repeats every 2 days")


def test_a_repeating_task_done_on_the_board_comes_back_in_todo_on_its_next_date(
    new_context: Callable[..., BrowserContext], person: Person
) -> None:
    page = _board(new_context, person)
    text = "water the plants"
    with page.expect_response(is_task_create, timeout=SERVER_TIMEOUT_MS) as created:
        quick_add(page).fill(f"{text} every day")
        expect(page.locator("#quick-add-chip")).to_contain_text("daily")
        quick_add(page).press("Enter")
    assert created.value.status == 201, created.value.text()
    assert created.value.json()["repeat"] == "FREQ=DAILY"
    expect(_due(page, text)).to_have_text("Today")
    expect(card(page, text).locator(".card-repeat")).to_be_visible()
    wait_until_saved(page)

    with page.expect_response(_is_patch, timeout=SERVER_TIMEOUT_MS) as patched:
        move_to(page, text, "Done")
    assert patched.value.ok, patched.value.text()
    answer = patched.value.json()
    tomorrow = (_today() + timedelta(days=1)).isoformat()
    assert (answer["status"], answer["due_date"]) == ("todo", tomorrow), answer
    assert answer["last_completed_at"] is not None

    expect(column(page, "todo").locator(".card-text", has_text=text)).to_be_visible()
    expect(_due(page, text)).to_have_text("Tomorrow")
    expect(page.locator("#toasts")).to_contain_text("back in Todo for Tomorrow")
    wait_until_saved(page)
    # The listener's copy agrees; nothing moves it back to Done.
    page.wait_for_timeout(1500)
    assert card_texts(page, "todo") == [text]
    expect(column(page, "done").locator(".card")).to_have_count(0)
    page.reload()
    expect(_due(page, text)).to_have_text("Tomorrow")
    assert card_texts(page, "todo") == [text]


def _seed(person: Person, description: str, **fields: object) -> dict:
    answer = person.post("/tasks", json={"description": description, **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_board_with_due_dates_screenshots_at_1280_and_360_px(
    new_context: Callable[..., BrowserContext], person: Person
) -> None:
    today = _today()
    day = lambda ahead: (today + timedelta(days=ahead)).isoformat()  # noqa: E731
    _seed(person, "Book the dentist")
    _seed(person, "Water the plants", due_date=day(1), repeat="FREQ=DAILY")
    _seed(person, "Submit the tax return", due_date=day(3), due_time="09:00")
    _seed(
        person,
        "Pay rent",
        due_date=day(0),
        due_time="23:59",
        repeat=f"FREQ=MONTHLY;BYMONTHDAY={min(today.day, 28)}",
    )
    _seed(person, "Call the plumber about the kitchen tap", due_date=day(-2))
    _seed(person, "Draft the quarterly plan", status="doing", due_date=day(12), due_time="14:00")
    _seed(person, "Renew the passport", status="done", due_date=day(-4))
    page = _board(new_context, person)

    expect(column(page, "todo").locator(".card")).to_have_count(5)
    # Dated first, earliest first, then the undated.
    assert card_texts(page, "todo")[0] == "Call the plumber about the kitchen tap"
    assert card_texts(page, "todo")[-1] == "Book the dentist"
    overdue = card(page, "Call the plumber").locator(".card-due")
    expect(overdue).to_have_class(re.compile(r"\bis-overdue\b"))
    expect(_due(page, "Call the plumber")).to_have_text(
        f"Overdue · {(today - timedelta(days=2)).strftime('%a')}"
    )
    expect(card(page, "Water the plants").locator(".card-repeat")).to_be_visible()
    expect(card(page, "Book the dentist").locator(".card-due")).to_be_hidden()
    expect(_due(page, "Renew the passport")).not_to_have_text(re.compile("Overdue"))
    quick_add(page).fill("call mom every friday at 6pm")
    expect(page.locator("#quick-add-chip")).to_be_visible()

    for width, height, scheme in ((1280, 800, "light"), (360, 740, "light"), (360, 740, "dark")):
        save_screenshot(page, "board-due-dates", width, height, scheme)

    # The dialog alone: the page behind it is in the shots above.
    page.emulate_media(color_scheme="light")
    card(page, "Pay rent").get_by_role("button", name="Due date").click()
    dialog = page.get_by_role("dialog", name="Due date")
    expect(dialog.locator("#due-preview")).to_contain_text("Next:", timeout=SERVER_TIMEOUT_MS)
    for width, height in ((1280, 900), (360, 900)):
        page.set_viewport_size({"width": width, "height": height})
        path = SCREENSHOTS / f"due-dialog-{width}.png"
        dialog.screenshot(path=path)
        assert path.stat().st_size > 0
        assert page.evaluate("document.documentElement.scrollWidth") <= width
