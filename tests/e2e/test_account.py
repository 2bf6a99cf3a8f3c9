"""The account page: profile and picture show in the header; password, delete explain themselves."""

import uuid
from pathlib import Path
from urllib.parse import urlparse

from PIL import Image
from playwright.sync_api import Page, expect

from tests.support.people import Person

from .ui import SERVER_TIMEOUT_MS, log_out, on_landing, sign_in


def test_a_new_name_and_time_zone_show_at_once_and_are_kept(signed_in_page: Page) -> None:
    page = signed_in_page
    page.goto("/account")
    form = page.locator("#profile-form")
    form.get_by_label("First name").fill("Katherine")
    form.get_by_label("Last name").fill("Johnson")
    form.get_by_label("Time zone").select_option("America/New_York")
    form.get_by_label("Reminder time").fill("07:30")
    with page.expect_response(
        lambda response: response.url.endswith("/api/me") and response.request.method == "PUT",
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        form.get_by_role("button", name="Save profile").click()
        expect(page.locator("#user-name")).to_have_text("Katherine")
    assert answer.value.ok, answer.value.text()

    page.reload()
    expect(form.get_by_label("Time zone")).to_have_value(
        "America/New_York", timeout=SERVER_TIMEOUT_MS
    )
    expect(form.get_by_label("First name")).to_have_value("Katherine")
    expect(form.get_by_label("Reminder time")).to_have_value("07:30")
    expect(page.locator("#avatar")).to_have_text("KJ")


def test_a_wrong_current_password_is_explained_and_the_right_one_works(
    page: Page, person: Person
) -> None:
    sign_in(page, person.email, person.password)
    page.goto("/account")
    form = page.locator("#password-form")
    new_password = f"fresh-{uuid.uuid4().hex[:8]}1"

    form.get_by_label("Current password").fill("not-my-password-1")
    form.get_by_label("New password").fill(new_password)
    form.get_by_role("button", name="Change password").click()
    expect(page.locator("#current-password-error")).to_have_text(
        "That's not your current password."
    )

    form.get_by_label("Current password").fill(person.password)
    form.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Password changed.")).to_be_visible()
    expect(page.locator("#current-password-error")).to_have_text("")

    log_out(page)
    sign_in(page, person.email, new_password)
    assert urlparse(page.url).path == "/board"


def test_a_profile_picture_replaces_the_initials_and_can_be_removed(
    signed_in_page: Page, tmp_path: Path
) -> None:
    page = signed_in_page
    picture = tmp_path / "me.png"
    Image.new("RGB", (64, 48), (200, 80, 40)).save(picture)
    page.goto("/account")
    expect(page.get_by_label("Profile picture")).to_be_enabled()
    header_avatar = page.locator("#avatar")
    expect(header_avatar.locator("img")).to_have_count(0)

    with page.expect_response(
        lambda response: (
            response.url.endswith("/api/me/avatar") and response.request.method == "PUT"
        ),
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        page.get_by_label("Profile picture").set_input_files(picture)
        expect(header_avatar.locator("img")).to_have_count(1)
    assert answer.value.ok, answer.value.text()

    page.goto("/board")  # a fresh page fetches the stored picture, which the API made 256 px wide
    expect(header_avatar.locator("img")).to_have_js_property("naturalWidth", 256)

    page.goto("/account")
    page.get_by_role("button", name="Remove picture").click()
    expect(header_avatar.locator("img")).to_have_count(0)
    expect(page.get_by_text("Picture removed.")).to_be_visible()


def test_deleting_the_account_signs_out_for_good(page: Page, person: Person) -> None:
    sign_in(page, person.email, person.password)
    page.goto("/account")
    page.get_by_role("button", name="Delete account…").click()
    dialog = page.get_by_role("dialog", name="Delete your account?")
    dialog.get_by_role("button", name="Delete account").click()
    expect(page.locator("#delete-confirmation-error")).to_have_text(
        "Type DELETE in capitals to confirm."
    )
    dialog.get_by_label("Type DELETE to confirm").fill("DELETE")
    dialog.get_by_role("button", name="Delete account").click()
    page.wait_for_url(on_landing, timeout=SERVER_TIMEOUT_MS)

    form = page.locator("#sign-in-form")
    form.get_by_label("Email").fill(person.email)
    form.get_by_label("Password", exact=True).fill(person.password)
    form.get_by_role("button", name="Sign in").click()
    expect(form.locator(".form-error")).to_have_text(
        "That email and password don't match an account."
    )


def test_a_national_number_is_read_in_the_persons_region(new_context, person: Person) -> None:
    page = new_context(locale="en-GB").new_page()
    sign_in(page, person.email, person.password)
    page.goto("/account")
    form = page.locator("#phone-form")
    form.get_by_label("Phone number").fill("12")
    form.get_by_role("button", name="Send code").click()
    expect(page.locator("#phone-number-error")).to_contain_text("not a phone number")

    local = f"{uuid.uuid4().int % 1000:03d}"  # a number of its own: codes to one are limited
    form.get_by_label("Phone number").fill(f"020 7946 0{local}")
    expect(page.locator("#phone-number-hint")).to_have_text(
        f"Taskly will text +44 20 7946 0{local}."
    )
    with page.expect_response(
        lambda response: response.url.endswith("/api/me") and response.request.method == "PUT",
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        form.get_by_role("button", name="Send code").click()
    assert answer.value.ok, answer.value.text()
    expect(page.locator("#phone-code-sent")).to_contain_text(f"Code sent to +44 20 7946 0{local}.")
    assert person.get("/me").json()["phone"] == f"+442079460{local}"
