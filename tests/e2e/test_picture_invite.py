"""After sign-up the board invites a profile picture, once; the header avatar leads there too."""

from playwright.sync_api import Page, expect

from tests.e2e.ui import new_account, sign_up, wait_for_board


def test_the_invitation_shows_after_sign_up_and_never_again(page: Page) -> None:
    account = new_account()
    sign_up(page, account)
    invite = page.locator("#picture-invite")
    expect(invite).to_be_visible()
    expect(invite).to_contain_text("Add a profile picture")

    invite.get_by_role("button", name="Not now").click()
    expect(invite).to_be_hidden()
    expect(page.locator("#quick-add-input")).to_be_focused()

    page.reload()
    wait_for_board(page)
    expect(invite).to_be_hidden()


def test_the_invitation_and_the_header_avatar_open_the_picture_field(page: Page) -> None:
    sign_up(page, new_account())
    page.locator("#picture-invite").get_by_role("link", name="Add a picture").click()
    page.wait_for_url("**/account#picture")
    expect(page.get_by_role("button", name="Choose a picture…")).to_be_focused()

    page.goto("/board")
    wait_for_board(page)
    page.get_by_role("link", name="Change your picture").click()
    page.wait_for_url("**/account#picture")
    expect(page.get_by_role("button", name="Choose a picture…")).to_be_focused()
