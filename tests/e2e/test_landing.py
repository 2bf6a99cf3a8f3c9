"""The signed-out pages: the sign-up dialog and sign-in errors."""

from playwright.sync_api import Page, expect

from taskly.vocabulary.limits import NAME_MAX
from tests.support.people import Person

from .ui import SERVER_TIMEOUT_MS, new_account, sign_up, wait_for_board


def test_sign_up_explains_each_field_and_escape_returns_focus(page: Page) -> None:
    page.goto("/")
    opener = page.get_by_role("button", name="Create account")
    opener.click()
    dialog = page.get_by_role("dialog", name="Create your account")
    expect(dialog.get_by_label("First name")).to_be_focused()

    dialog.get_by_label("Email").fill("not-an-email")
    dialog.get_by_label("Password", exact=True).fill("short")
    dialog.get_by_role("button", name="Create account").click()
    expect(page.locator("#sign-up-first-name-error")).to_have_text("Enter your first name.")
    expect(page.locator("#sign-up-email-error")).to_have_text(
        "Enter an email address like name@example.com."
    )
    expect(page.locator("#sign-up-password-error")).to_contain_text("at least 8 characters")
    expect(dialog.get_by_label("First name")).to_have_attribute("aria-invalid", "true")

    toggle = dialog.locator(".password-toggle")
    expect(toggle).to_have_text("Show")
    toggle.click()
    expect(dialog.get_by_label("Password", exact=True)).to_have_attribute("type", "text")
    expect(toggle).to_have_text("Hide")
    expect(toggle).to_have_attribute("aria-pressed", "true")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()


def test_an_address_already_in_use_is_said_next_to_the_email(page: Page, person: Person) -> None:
    account = new_account()
    page.goto("/")
    page.get_by_role("button", name="Create account").click()
    dialog = page.get_by_role("dialog", name="Create your account")
    dialog.get_by_label("First name").fill(account.first_name)
    dialog.get_by_label("Last name").fill(account.last_name)
    dialog.get_by_label("Email").fill(person.email)
    dialog.get_by_label("Password", exact=True).fill(account.password)
    dialog.get_by_role("button", name="Create account").click()
    error = page.locator("#sign-up-email-error")
    expect(error).to_have_text("There's already an account with this email. Try signing in.")

    # "Try signing in" opens the sign-in form with the address, ready for the password.
    error.get_by_role("button", name="Try signing in").click()
    expect(dialog).to_be_hidden()
    form = page.locator("#sign-in-form")
    expect(form.get_by_label("Email")).to_have_value(person.email)
    password = form.get_by_label("Password", exact=True)
    expect(password).to_be_focused()
    password.fill(person.password)
    form.get_by_role("button", name="Sign in").click()
    wait_for_board(page)


def test_a_wrong_password_is_explained_and_a_signed_in_person_skips_the_landing(
    page: Page, person: Person
) -> None:
    page.goto("/")
    form = page.locator("#sign-in-form")
    form.get_by_label("Email").fill(person.email)
    form.get_by_label("Password", exact=True).fill("wrong-password-1")
    form.get_by_role("button", name="Sign in").click()
    expect(form.locator(".form-error")).to_have_text(
        "That email and password don't match an account."
    )

    sign_up(page, new_account())
    page.goto("/")
    page.wait_for_url("**/board")


def test_sign_up_keeps_names_within_the_apis_limit(page: Page) -> None:
    account = new_account(first_name="A" * (NAME_MAX + 20))
    page.goto("/")
    page.get_by_role("button", name="Create account").click()
    dialog = page.get_by_role("dialog", name="Create your account")
    dialog.get_by_label("First name").fill(account.first_name)
    # The field stops at the API's limit instead of the whole profile being refused later.
    expect(dialog.get_by_label("First name")).to_have_value("A" * NAME_MAX)
    dialog.get_by_label("Last name").fill(account.last_name)
    dialog.get_by_label("Email").fill(account.email)
    dialog.get_by_label("Password", exact=True).fill(account.password)
    dialog.get_by_role("button", name="Create account").click()
    wait_for_board(page)

    expect(page.locator("#user-name")).to_have_text("A" * NAME_MAX, timeout=SERVER_TIMEOUT_MS)
    expect(page.locator("#alerts")).to_be_empty()


def test_a_profile_sign_up_could_not_save_is_said_on_the_board(page: Page) -> None:
    page.route(
        "**/api/me",
        lambda route: (
            route.fulfill(
                status=503,
                json={"error": {"code": "unavailable", "message": "Taskly is busy", "field": None}},
            )
            if route.request.method == "PUT"
            else route.continue_()
        ),
    )

    sign_up(page, new_account())

    expect(page.locator("#alerts")).to_contain_text("Your name and time zone weren't saved")
    expect(page.locator("#alerts")).to_contain_text("Account page")
