"""Firebase Auth's emails, locally: they reach the capture page, and their links land back
in Taskly with a message (address confirmation, password reset)."""

import re

from playwright.sync_api import Page, expect

from tests.support import capture
from tests.support.people import Person, confirm_email
from tests.support.stack import CAPTURE_URL
from tests.support.waiting import arrived

from .ui import SERVER_TIMEOUT_MS, add_task, card, new_account, sign_in, sign_up

LINK = re.compile(r"http://\S+/action\?\S+")


def _link_in_mail(email: str, subject: str) -> str:
    [mail] = arrived(lambda: capture.messages(to=email), 1)
    assert mail["subject"] == subject
    return LINK.search(mail["text"]).group(0)


def _email_switch_works(page: Page, text: str) -> None:
    add_task(page, text)
    card(page, text).get_by_role("button", name="Reminders").click()
    dialog = page.get_by_role("dialog", name="Reminders")
    expect(dialog.get_by_text("Email reminders need a confirmed address")).to_be_hidden()
    with page.expect_response(
        lambda response: response.url.endswith("/reminders"), timeout=SERVER_TIMEOUT_MS
    ) as answer:
        dialog.get_by_role("switch", name="Email").check()
        dialog.get_by_role("button", name="Save").click()
    assert answer.value.ok, answer.value.text()


def test_the_confirmation_link_from_sign_up_confirms_and_the_open_board_notices(
    new_context,
) -> None:
    context = new_context()
    board = context.new_page()
    account = new_account()
    sign_up(board, account, keep=True)  # the link opens in another tab of the same browser
    notice = board.get_by_role("complementary", name=re.compile("Confirm your email address"))
    expect(notice).to_contain_text(f"We sent a link to {account.email}.")

    link = _link_in_mail(account.email, "Confirm your email address for Taskly")
    mail_page = context.new_page()
    mail_page.goto(CAPTURE_URL)
    mail = mail_page.locator("article").filter(has_text=account.email)
    expect(mail.get_by_role("heading")).to_have_text("Confirm your email address for Taskly")

    action = context.new_page()
    action.goto(link)
    expect(action.get_by_role("heading", name="Your email address is confirmed")).to_be_visible()
    expect(action.get_by_role("link", name="Go to your board")).to_have_attribute("href", "/board")

    # The board, still open in the first tab, notices without a reload.
    board.bring_to_front()
    expect(board.get_by_text("Your email address is confirmed.")).to_be_visible()
    expect(notice).to_be_hidden()
    _email_switch_works(board, "Confirmed in another tab")

    action.reload()  # the link again: spent, but the address is confirmed, and it says so
    expect(
        action.get_by_role("heading", name="Your email address is already confirmed")
    ).to_be_visible()


def test_a_board_notices_a_confirmation_made_elsewhere_when_it_comes_back(
    new_context, person: Person
) -> None:
    unconfirmed = new_context().new_page()
    account = new_account("Ida", "Wells")
    sign_up(unconfirmed, account)
    expect(unconfirmed.locator("#email-notice")).to_be_visible()
    # Opened on another device: this browser hears nothing until its tab comes back.
    phone = new_context().new_page()
    phone.goto(_link_in_mail(account.email, "Confirm your email address for Taskly"))
    expect(phone.get_by_role("heading", name="Your email address is confirmed")).to_be_visible()

    unconfirmed.bring_to_front()
    unconfirmed.evaluate("window.dispatchEvent(new Event('focus'))")
    expect(unconfirmed.get_by_text("Your email address is confirmed.")).to_be_visible()
    _email_switch_works(unconfirmed, "Confirmed on another device")


def test_send_it_again_sends_a_new_link_that_works(page: Page) -> None:
    account = new_account()
    sign_up(page, account)
    arrived(lambda: capture.messages(to=account.email), 1)
    page.locator("#email-notice").get_by_role("button", name="Send it again").click()
    expect(page.get_by_text(f"We sent a new link to {account.email}.")).to_be_visible()
    mails = arrived(lambda: capture.messages(to=account.email), 2)
    assert len(mails) == 2
    page.goto(LINK.search(mails[-1]["text"]).group(0))
    expect(page.get_by_role("heading", name="Your email address is confirmed")).to_be_visible()


def test_a_password_reset_link_lets_the_person_choose_a_new_password(
    page: Page, person: Person
) -> None:
    page.goto("/reset")
    page.get_by_label("Email").fill(person.email)
    page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_role("status")).to_contain_text(f"If {person.email} has a Taskly account")

    page.goto(_link_in_mail(person.email, "Choose a new password for Taskly"))
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    expect(page.get_by_text(f"For your Taskly account {person.email}.")).to_be_visible()
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_role("button", name="Save new password").click()
    expect(page.locator("#new-password-error")).to_contain_text("at least 8 characters")
    page.get_by_label("New password", exact=True).fill("a-brand-new-password-7")
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_role("heading", name="Your password is changed")).to_be_visible()

    page.get_by_role("link", name="Sign in").click()
    sign_in(page, person.email, "a-brand-new-password-7")


def test_a_spent_or_broken_link_says_so(page: Page, person: Person) -> None:
    confirm_email(person.uid)
    page.goto("/action?mode=verifyEmail&oobCode=not-a-code&apiKey=x")
    expect(page.get_by_role("heading", name="This link can't be used any more")).to_be_visible()
    page.goto("/action?mode=resetPassword&oobCode=not-a-code&apiKey=x")
    expect(page.get_by_role("heading", name="This link can't be used any more")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    page.goto("/action")
    expect(page.get_by_role("heading", name="This link isn't one Taskly knows")).to_be_visible()

    # Going on afterwards stays on Taskly, whatever the link says.
    for elsewhere in ("https://evil.example/board", "http://127.0.0.1:5000//evil.example/x"):
        page.goto(f"/action?mode=verifyEmail&oobCode=not-a-code&apiKey=x&continueUrl={elsewhere}")
        link = page.get_by_role("link", name="Go to your board")
        expect(link).to_be_visible()
        href = link.get_attribute("href")
        assert href.startswith("/") and not href.startswith("//"), href
