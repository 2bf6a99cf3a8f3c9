"""The board can be added to a phone's home screen: Chromium finds nothing in the way."""

from playwright.sync_api import Page

from tests.support.people import Person

from .ui import sign_in


def test_chromium_finds_the_board_installable(page: Page, person: Person) -> None:
    sign_in(page, person.email, person.password)
    devtools = page.context.new_cdp_session(page)
    manifest = devtools.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest")
    assert not manifest["errors"], manifest["errors"]
    errors = devtools.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Test browser profiles are incognito, where nothing installs; that is the only objection.
    assert [error["errorId"] for error in errors] == ["in-incognito"], errors
    for icon in ("/img/icon-192.png", "/img/icon-512.png", "/img/apple-touch-icon.png"):
        answer = page.request.get(icon)
        assert answer.ok and answer.headers["content-type"] == "image/png", icon
