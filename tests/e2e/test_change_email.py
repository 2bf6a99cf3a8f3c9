"""Changing one's email (Firebase's verify-before-update flow) from the Account page, and the
owner undoing a change made without them (the recoverEmail link mailed to the old address),
then choosing a new password."""

import re
import uuid

import requests
from playwright.sync_api import Page, expect

from tests.support import capture
from tests.support.people import sign_in as sign_in_with_password
from tests.support.stack import IDENTITY_URL
from tests.support.waiting import arrived

from .screenshots import save_screenshots
from .ui import SERVER_TIMEOUT_MS, new_account, sign_in, sign_up

LINK = re.compile(r"http://\S+/action\?\S+")


def _link_in(email: str, subject: str) -> str:
    [mail] = arrived(lambda: [m for m in capture.messages(to=email) if m["subject"] == subject], 1)
    return LINK.search(mail["text"]).group(0)


def test_the_email_changes_only_once_the_new_address_is_confirmed(page: Page, new_context) -> None:
    account = new_account()
    sign_up(page, account)
    new_email = f"e2e-{uuid.uuid4().hex[:12]}@example.com"
    page.goto("/account")
    section = page.locator("#email")
    expect(section.get_by_text(f"Your address is {account.email}")).to_be_visible()
    form = section.locator("#email-form")
    form.get_by_label("New email address").fill(new_email)
    form.get_by_label("Your password", exact=True).fill(account.password)
    save_screenshots(page, "change-email")
    form.get_by_role("button", name="Change email").click()
    expect(section.get_by_text(f"We sent a link to {new_email}.")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    # Until the link is opened, the account keeps its address.
    assert sign_in_with_password(account.email, account.password).ok

    change = _link_in(new_email, "Confirm your new email address for Taskly")
    action = new_context().new_page()
    action.goto(change)
    expect(action.get_by_role("heading", name="Your email address is changed")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    save_screenshots(action, "change-email-confirmed")
    assert not sign_in_with_password(account.email, account.password).ok
    sign_in(action, new_email, account.password, SERVER_TIMEOUT_MS)


def test_the_owner_takes_back_an_address_someone_else_changed(page: Page) -> None:
    account = new_account()
    sign_up(page, account)
    # Someone with the password changes the address straight through Firebase Auth.
    token = sign_in_with_password(account.email, account.password).json()["idToken"]
    taken = f"e2e-{uuid.uuid4().hex[:12]}@example.com"
    requests.post(
        f"{IDENTITY_URL}/accounts:update?key=test",
        json={"idToken": token, "email": taken, "returnSecureToken": True},
        timeout=10,
    ).raise_for_status()

    recover = _link_in(account.email, "Your Taskly sign-in email was changed")
    page.goto(recover)

    expect(page.get_by_role("heading", name="Your email address is back")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    expect(page.get_by_text(f"uses {account.email} again")).to_be_visible()
    page.get_by_role("button", name="Send me a password reset link").click()
    expect(page.get_by_text(f"We sent a password reset link to {account.email}.")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    _link_in(account.email, "Choose a new password for Taskly")
    assert sign_in_with_password(account.email, account.password).ok


def test_a_broken_recover_link_says_it_cannot_be_used(page: Page) -> None:
    page.goto("/action?mode=recoverEmail&oobCode=not-a-real-code")

    expect(page.get_by_role("heading", name="This link can't be used any more")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    expect(page.get_by_text("This link isn't one Taskly knows")).to_have_count(0)
