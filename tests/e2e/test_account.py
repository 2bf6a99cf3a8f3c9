"""The account page: profile and picture show in the header; password, delete explain themselves."""

import re
import uuid
from pathlib import Path
from urllib.parse import urlparse

from PIL import Image
from playwright.sync_api import Locator, Page, expect

from tests.support.people import Person

from .ui import (
    SERVER_TIMEOUT_MS,
    add_task,
    card,
    choose_time_zone,
    log_out,
    on_landing,
    save_profile,
    sign_in,
)


def test_a_new_name_and_time_zone_show_at_once_and_are_kept(signed_in_page: Page) -> None:
    page = signed_in_page
    page.goto("/account")
    form = page.locator("#profile-form")
    form.get_by_label("First name").fill("Katherine")
    form.get_by_label("Last name").fill("Johnson")
    choose_time_zone(page, "new york", "New York City")
    form.get_by_label("Reminder time").fill("07:30")
    with page.expect_response(
        lambda response: response.url.endswith("/api/me") and response.request.method == "PUT",
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        form.get_by_role("button", name="Save profile").click()
        expect(page.locator("#user-name")).to_have_text("Katherine")
    assert answer.value.ok, answer.value.text()

    page.reload()
    expect(form.get_by_label("Time zone", exact=True)).to_have_value(
        re.compile(r"^UTC\u22120[45]:00 · Eastern Time · New York City"), timeout=SERVER_TIMEOUT_MS
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
    header_avatar = page.locator("#avatar")
    expect(header_avatar.locator("img")).to_have_count(0)
    expect(page.locator("#avatar-state")).to_have_text(
        "No picture yet: your initials show instead."
    )

    with page.expect_response(
        lambda response: (
            response.url.endswith("/api/me/avatar") and response.request.method == "PUT"
        ),
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Choose a picture…").click()
        chooser.value.set_files(picture)
        expect(header_avatar.locator("img")).to_have_count(1)
    assert answer.value.ok, answer.value.text()
    # The preview beside the control, and words that say what happened: no bare file input.
    expect(page.locator("#avatar-preview img")).to_have_count(1)
    expect(page.locator("#avatar-state")).to_have_text("Picture saved.")
    expect(page.get_by_role("button", name="Change picture…")).to_be_visible()
    expect(page.locator("input[type=file]")).to_be_hidden()
    expect(page.get_by_text("No file chosen")).to_have_count(0)

    page.goto("/board")  # a fresh page fetches the stored picture, which the API made 256 px wide
    expect(header_avatar.locator("img")).to_have_js_property("naturalWidth", 256)

    page.goto("/account")
    page.get_by_role("button", name="Remove", exact=True).click()
    expect(header_avatar.locator("img")).to_have_count(0)
    expect(page.locator("#avatar-state")).to_have_text("Picture removed.")


def _deletion_dialog(page: Page, person: Person) -> Locator:
    """The account page's deletion dialog, opened by the signed-in ``person``."""
    sign_in(page, person.email, person.password)
    page.goto("/account")
    page.get_by_role("button", name="Delete account…").click()
    return page.get_by_role("dialog", name="Delete your account?")


def test_deleting_the_account_asks_for_the_password_and_signs_out_for_good(
    page: Page, person: Person
) -> None:
    dialog = _deletion_dialog(page, person)
    dialog.get_by_role("button", name="Delete account").click()
    expect(page.locator("#delete-password-error")).to_have_text("Enter your password to confirm.")
    dialog.get_by_label("Your password").fill(person.password)
    dialog.get_by_role("button", name="Delete account").click()
    page.wait_for_url(on_landing, timeout=SERVER_TIMEOUT_MS)

    form = page.locator("#sign-in-form")
    form.get_by_label("Email").fill(person.email)
    form.get_by_label("Password", exact=True).fill(person.password)
    form.get_by_role("button", name="Sign in").click()
    # Closed at once; the Auth account itself goes with the deletion's last pass.
    expect(form.locator(".form-error")).to_have_text("This account has been disabled.")
    assert person.get("/me").status_code == 401


def test_a_wrong_password_deletes_nothing_and_says_so_at_the_field(
    page: Page, person: Person
) -> None:
    dialog = _deletion_dialog(page, person)

    dialog.get_by_label("Your password").fill("not-my-password-1")
    dialog.get_by_role("button", name="Delete account").click()

    expect(page.locator("#delete-password-error")).to_have_text("That's not your current password.")
    expect(dialog).to_be_visible()
    assert person.get("/me").status_code == 200


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


def test_time_zones_are_current_names_with_offsets_searchable_the_devices_first(
    new_context, person: Person
) -> None:
    assert person.put("/me", json={"first_name": "Ada"}).ok
    # This browser reports an old alias, as Chromium does for India.
    page = new_context(timezone_id="Asia/Calcutta").new_page()
    sign_in(page, person.email, person.password)
    page.goto("/account")
    field = page.get_by_role("combobox", name="Time zone")
    field.click()
    options = page.get_by_role("listbox", name="Time zones").get_by_role("option")
    expect(options.first).to_contain_text("Asia/Kolkata")
    expect(options.first).to_contain_text("UTC+05:30 · India Time")
    expect(options.first).to_contain_text("This device")
    listed = " ".join(options.all_inner_texts())
    assert options.count() > 250
    assert "Calcutta" not in listed and "Kiev" not in listed and "Saigon" not in listed

    field.fill("kyiv")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text("Kyiv")
    field.fill("new york")  # the keyboard: arrows, then Enter chooses (it does not save)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(field).to_have_value(re.compile("Eastern Time · New York City"))
    choose_time_zone(page, "ukraine", "Kyiv")
    save_profile(page)
    assert person.get("/me").json()["timezone"] == "Europe/Kyiv"


def test_toasts_keep_to_one_corner_clear_of_the_headings(new_context, person: Person) -> None:
    assert person.put("/me", json={"first_name": "Ada"}).ok
    for width in (1280, 360):
        page = new_context().new_page()
        page.set_viewport_size({"width": width, "height": 740})
        sign_in(page, person.email, person.password)
        page.goto("/account")
        page.locator("#profile-form").get_by_role("button", name="Save profile").click()
        toast = page.locator(".toast").filter(has_text="Profile saved.")
        expect(toast).to_be_visible(timeout=SERVER_TIMEOUT_MS)
        box = toast.bounding_box()
        assert width - (box["x"] + box["width"]) <= 20  # against the right edge
        assert 740 - (box["y"] + box["height"]) <= 20  # and the bottom one
        for heading in page.get_by_role("heading").all():
            place = heading.bounding_box()
            if place and place["y"] + place["height"] < 740:  # on screen
                overlaps = (
                    place["y"] < box["y"] + box["height"]
                    and box["y"] < place["y"] + place["height"]
                )
                assert not overlaps or place["x"] + place["width"] <= box["x"], heading.inner_text()


def test_the_reminders_dialog_says_when_and_links_to_the_time(
    signed_in_page: Page, person: Person
) -> None:
    page = signed_in_page
    assert person.put("/me", json={"timezone": "Asia/Tokyo", "remind_time": "07:30"}).ok
    add_task(page, "Water the bonsai")
    card(page, "Water the bonsai").get_by_role("button", name="Reminders").click()
    dialog = page.get_by_role("dialog", name="Reminders")
    expect(dialog).to_contain_text(
        "Taskly reminds you once a day at 7:30 AM (Japan Standard Time, UTC+09:00), "
        "until the task is done."
    )
    dialog.get_by_role("link", name="Change the time").click()
    page.wait_for_url("**/account#reminder-time")
    expect(page.get_by_label("Reminder time")).to_be_focused()


def test_deleting_the_account_shows_progress_and_says_goodbye_on_the_landing_page(
    page: Page, person: Person
) -> None:
    sign_in(page, person.email, person.password)
    page.goto("/account")

    def slowly(route):
        page.wait_for_timeout(800)  # the deletion takes a moment: its progress shows
        route.continue_()

    page.route(
        "**/api/me",
        lambda route: slowly(route) if route.request.method == "DELETE" else route.continue_(),
    )
    page.get_by_role("button", name="Delete account…").click()
    dialog = page.get_by_role("dialog", name="Delete your account?")
    dialog.get_by_label("Your password").fill(person.password)
    dialog.get_by_role("button", name="Delete account").click()
    expect(dialog.get_by_role("status")).to_have_text(
        "Deleting your account, its tasks, notifications and picture…"
    )
    expect(dialog.get_by_role("button", name="Cancel")).to_be_disabled()
    expect(page.get_by_role("status").filter(has_text="Your account was deleted")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    assert on_landing(page.url)
    page.reload()
    expect(page.get_by_text("Your account was deleted")).to_have_count(0)


def test_a_zone_the_list_lacks_is_kept_as_it_is(signed_in_page: Page, person: Person) -> None:
    page = signed_in_page
    assert person.put("/me", json={"first_name": "Ada", "timezone": "Etc/GMT+5"}).ok
    page.goto("/account")
    form = page.locator("#profile-form")
    expect(form.get_by_label("Time zone", exact=True)).to_have_value(
        re.compile(r"^UTC\u221205:00 · Etc/GMT\+5")
    )
    form.get_by_label("First name").fill("Ida")
    save_profile(page)
    assert person.get("/me").json()["timezone"] == "Etc/GMT+5"
