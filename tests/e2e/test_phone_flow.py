"""The phone for SMS reminders in one flow: number, Send code, the code, verified; then a
switched-on SMS reminder confirms by text, as email does by mail."""

import re

from playwright.sync_api import Page, expect

from tests.support import capture
from tests.support.people import Person
from tests.support.phones import code_sent_to, unique_phone
from tests.support.stack import APP_URL
from tests.support.waiting import arrived

from .ui import SERVER_TIMEOUT_MS, add_task, card, sign_in, wait_for_board


def _readable(e164: str) -> str:
    """+14155550123 as the page writes it: +1 415 555 0123."""
    return f"{e164[:2]} {e164[2:5]} {e164[5:8]} {e164[8:]}"


def test_number_then_code_then_verified_in_one_flow(page: Page, person: Person) -> None:
    sign_in(page, person.email, person.password)
    page.goto("/account")
    section = page.get_by_role("region", name="Phone for SMS reminders")
    expect(section.get_by_role("status").first).to_have_text(
        "No number yet. Add one to get reminders by SMS."
    )
    # Nothing to verify yet: no code field, no Verify button.
    expect(section.get_by_role("button", name="Verify")).to_be_hidden()

    phone = unique_phone()
    section.get_by_label("Phone number").fill(phone)
    expect(section.get_by_text(f"Taskly will text {_readable(phone)}.")).to_be_visible()
    with page.expect_response(
        lambda response: response.url.endswith("/api/me/phone/verify"), timeout=SERVER_TIMEOUT_MS
    ) as answer:
        section.get_by_role("button", name="Send code").click()
    assert answer.value.status == 202
    expect(section.locator("#phone-code-sent")).to_have_text(
        f"Code sent to {_readable(phone)}. It is valid for 10 minutes."
    )
    resend = section.get_by_role("button", name=re.compile("^Resend code"))
    expect(resend).to_be_disabled()
    expect(resend).to_have_text(re.compile(r"^Resend code \(in (60|59|58) s\)$"))
    code_field = section.get_by_label("Code from the SMS")
    expect(code_field).to_be_focused()
    assert person.get("/me").json()["phone"] == phone  # Send code saved the number too

    code = code_sent_to(phone)
    code_field.fill("000000" if code != "000000" else "111111")
    section.get_by_role("button", name="Verify").click()
    expect(section.locator("#phone-code-error")).to_have_text(
        "That code is not right. Check the SMS and try again."
    )
    code_field.fill(code)
    section.get_by_role("button", name="Verify").click()
    expect(section.get_by_role("status").first).to_have_text(
        f"{_readable(phone)} is verified for SMS reminders."
    )
    expect(code_field).to_be_hidden()
    assert person.get("/me").json()["phone_verified"] is True

    # Turning SMS reminders on confirms by text, as turning email on confirms by mail.
    page.goto("/board")
    # From the service worker's cache the page loads before quick add is bound: wait for it.
    wait_for_board(page)
    add_task(page, "Take the bins out")
    card(page, "Take the bins out").get_by_role("button", name="Reminders").click()
    dialog = page.get_by_role("dialog", name="Reminders")
    dialog.get_by_role("switch", name="SMS").check()
    expect(dialog).to_contain_text("Turning a channel on or off sends you a confirmation there")
    dialog.get_by_role("button", name="Save").click()
    texts = arrived(lambda: capture.messages(to=phone, channel="sms"), 2)
    assert texts[-1]["body"] == (
        'Taskly: reminders are on for "Take the bins out". We\'ll text you once a day until '
        f"it's done.\n{APP_URL}\nReply STOP to stop."
    )


def test_a_sent_code_can_still_be_typed_after_a_reload_or_a_step_back(
    new_context, person: Person
) -> None:
    page = new_context().new_page()
    sign_in(page, person.email, person.password)
    page.goto("/account")
    section = page.get_by_role("region", name="Phone for SMS reminders")
    phone = unique_phone()
    section.get_by_label("Phone number").fill(phone)
    section.get_by_role("button", name="Send code").click()
    expect(section.locator("#phone-code-sent")).to_contain_text(_readable(phone))

    page.reload()  # the code step is still there, with what is left of the wait
    expect(section.locator("#phone-code-sent")).to_contain_text(f"Code sent to {_readable(phone)}.")
    expect(section.get_by_role("button", name=re.compile("^Resend code"))).to_be_disabled()

    section.get_by_role("button", name="Use another number").click()
    expect(section.get_by_label("Phone number")).to_be_focused()
    section.get_by_role("button", name="Send code").click()  # the same number, too soon
    code_field = section.get_by_label("Code from the SMS")
    expect(code_field).to_be_focused()
    code_field.fill(code_sent_to(phone))
    section.get_by_role("button", name="Verify").click()
    expect(section.get_by_role("status").first).to_have_text(
        f"{_readable(phone)} is verified for SMS reminders."
    )
    assert len(arrived(lambda: capture.messages(to=phone, channel="sms"), 1)) == 1


def test_asking_again_too_soon_elsewhere_says_when(new_context, person: Person) -> None:
    phone = unique_phone()
    assert person.put("/me", json={"phone": phone}).ok
    assert person.post("/me/phone/verify", json={}).status_code == 202  # another device
    page = new_context().new_page()
    sign_in(page, person.email, person.password)
    page.goto("/account")
    section = page.get_by_role("region", name="Phone for SMS reminders")
    expect(section.get_by_role("status").first).to_have_text(
        f"{_readable(phone)} isn't verified yet. Send a code to verify it."
    )
    section.get_by_role("button", name="Send code").click()
    expect(section.locator("#phone-number-error")).to_contain_text(
        "A code is on its way to this number. You can ask for a new one in"
    )
