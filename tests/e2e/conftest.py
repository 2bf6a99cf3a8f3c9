"""Browser fixtures: one headless Chromium per session, a fresh context per test."""

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.support.people import Person
from tests.support.stack import APP_URL

from .chromium import DESKTOP, launch
from .ui import sign_in

expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def base_url() -> str:
    return APP_URL.rstrip("/")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser: Browser, base_url: str) -> Iterator[Callable[..., BrowserContext]]:
    """Opens isolated browser profiles (think: separate devices); all close after the test.
    A script error on any of their pages fails the test."""
    contexts: list[BrowserContext] = []
    script_errors: list[str] = []

    def open_context(**options) -> BrowserContext:
        context = browser.new_context(base_url=base_url, viewport=DESKTOP, **options)
        context.set_default_timeout(10_000)
        context.on("weberror", lambda error: script_errors.append(str(error.error)))
        context.on(
            "console",
            lambda message: (
                print(f"console {message.type}: {message.text}")
                if message.type in ("error", "warning")
                else None
            ),
        )
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()
    assert script_errors == [], script_errors


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    return new_context().new_page()


@pytest.fixture
def signed_in_page(page: Page, person: Person) -> Page:
    """A page on the board of a fresh person (created on the Auth emulator, signed in by the UI)."""
    sign_in(page, person.email, person.password)
    return page
