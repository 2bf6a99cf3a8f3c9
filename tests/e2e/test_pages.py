"""The pages outside the board: not found, unsubscribe, the icon every browser asks for."""

import os

from playwright.sync_api import Page, expect

from taskly.reminders.unsubscribe_token import make_unsubscribe_token
from tests.support.people import Person

from .screenshots import save_screenshots

# Every class an element on the page carries that no loaded stylesheet mentions.
UNSTYLED_CLASSES = """() => {
  const selectors = [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules])
    .flatMap((rule) => [rule, ...(rule.cssRules ? [...rule.cssRules] : [])])
    .map((rule) => rule.selectorText || "").join(" ");
  const used = new Set([...document.querySelectorAll("body [class]")]
    .flatMap((element) => [...element.classList]));
  return [...used].filter((name) => !new RegExp(`\\\\.${name}(?![\\\\w-])`).test(selectors));
}"""


def test_an_unknown_address_shows_a_page_not_found_with_a_way_back(page: Page) -> None:
    answer = page.goto("/nope")
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert page.evaluate(UNSTYLED_CLASSES) == []
    save_screenshots(page, "not-found")
    page.get_by_role("link", name="Taskly home").click()
    page.wait_for_url(lambda url: url.endswith("/"))


def test_the_browser_finds_an_icon_at_favicon_ico(page: Page) -> None:
    answer = page.request.get("/favicon.ico")
    assert answer.ok
    assert answer.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert answer.body()[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


def test_the_unsubscribe_pages_are_styled_like_the_app(page: Page, person: Person) -> None:
    token = make_unsubscribe_token(os.environ["UNSUBSCRIBE_SIGNING_KEY"], person.uid, None)
    page.goto(f"/api/unsubscribe?token={token}")
    stop = page.get_by_role("button", name="Stop my email reminders")
    expect(stop).to_be_visible()
    assert page.evaluate(UNSTYLED_CLASSES) == []
    expect(page.locator("link[rel=icon]")).to_have_count(1)
    save_screenshots(page, "unsubscribe")
    with page.expect_navigation():
        stop.click()
    page.wait_for_load_state()
    expect(stop).to_have_count(0)
    expect(page.get_by_role("heading")).to_be_visible()
    assert page.evaluate(UNSTYLED_CLASSES) == []
    save_screenshots(page, "unsubscribed")
