"""The time zone picker leads to the right zone: Enter takes the best match, every city the
city list knows finds its zone, offsets are understood, and the chosen zone reads whole."""

import re

from playwright.sync_api import Locator, Page, expect

from tests.support.people import Person

from .screenshots import save_screenshots
from .ui import save_profile, sign_in


def test_enter_takes_the_best_match_any_city_is_found_and_the_choice_reads_whole(
    page: Page, person: Person
) -> None:
    assert person.put("/me", json={"first_name": "Ada", "timezone": "UTC"}).ok
    sign_in(page, person.email, person.password)
    page.goto("/account")
    field = page.get_by_role("combobox", name="Time zone")
    options = page.get_by_role("listbox", name="Time zones").get_by_role("option")

    # India is an exact country: it comes before Indiana's and the Indian Ocean's zones.
    field.fill("India")
    expect(options.first).to_contain_text("Asia/Kolkata")
    field.press("Enter")
    expect(field).to_have_value("UTC+05:30 · India Time · Mumbai, Delhi")
    save_profile(page)
    assert person.get("/me").json()["timezone"] == "Asia/Kolkata"

    # The common spellings of an offset list the zones at it now.
    for query, offset in (("UTC+2", "UTC+02:00"), ("GMT+1", "UTC+01:00"), ("+5:30", "UTC+05:30")):
        field.fill(query)
        expect(options.first).to_contain_text(offset)
        for text in options.all_inner_texts():
            assert offset in text, (query, text)
    field.fill("-5")
    expect(options.filter(has_text="America/Bogota")).to_have_count(1)

    # A city that is no zone's main one is found, and shown by its name.
    field.fill("Boston")
    expect(options.first).to_contain_text("Boston, Massachusetts")
    expect(options.first).to_contain_text("America/New_York")
    field.fill("Portland")
    expect(options.filter(has_text="Portland, Oregon")).to_have_count(1)
    expect(options.filter(has_text="Portland, Maine")).to_have_count(1)
    # The list open, once the save's toast has gone.
    expect(page.locator(".toast")).to_have_count(0)
    save_screenshots(page, "time-zone-picker")

    page.set_viewport_size({"width": 1280, "height": 800})
    field.fill("Seattle")
    options.filter(has_text="Seattle").first.click()
    expect(field).to_have_value(re.compile(r"^UTC\u22120[78]:00 · Pacific Time · Los Angeles"))
    assert field.evaluate("input => input.scrollWidth <= input.clientWidth")  # wide enough
    reads_whole(page, field)
    page.set_viewport_size({"width": 360, "height": 740})
    reads_whole(page, field)
    save_profile(page)
    assert person.get("/me").json()["timezone"] == "America/Los_Angeles"


def reads_whole(page: Page, field: Locator) -> None:
    """The chosen zone is seen whole: in the field, or where the field cuts it, on the line
    under it (wrapping, never cut itself)."""
    value = field.input_value()
    whole = page.locator("#profile-form .combobox-whole")
    if field.evaluate("input => input.scrollWidth <= input.clientWidth"):
        expect(whole).to_be_hidden()
        return
    expect(whole).to_be_visible()
    expect(whole).to_have_text(value)
    assert whole.evaluate("line => line.scrollWidth <= line.clientWidth")
    box = whole.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
