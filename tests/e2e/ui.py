"""What a person does and points at in the app, as steps and locators for the tests."""

import re
import uuid
from dataclasses import dataclass
from urllib.parse import urlparse

from playwright.sync_api import Locator, Page, Response, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# The API can stall for a while when the shared stack is busy (the local functions emulator
# reloads on code changes); what the page shows at once is checked with the shorter default.
SERVER_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Account:
    first_name: str
    last_name: str
    email: str
    password: str


def new_account(first_name: str = "Grace", last_name: str = "Hopper") -> Account:
    unique = uuid.uuid4().hex[:12]
    return Account(first_name, last_name, f"e2e-{unique}@example.com", f"pass-{unique}")


def sign_up(page: Page, account: Account, *, keep: bool = False) -> None:
    """Creates the account through the landing page's dialog and waits for the board; `keep`
    ticks "Keep me signed in on this device" (other tabs of the browser are signed in too)."""
    page.goto("/")
    page.get_by_role("button", name="Create account").click()
    dialog = page.get_by_role("dialog", name="Create your account")
    dialog.get_by_label("First name").fill(account.first_name)
    dialog.get_by_label("Last name").fill(account.last_name)
    dialog.get_by_label("Email").fill(account.email)
    dialog.get_by_label("Password", exact=True).fill(account.password)
    dialog.get_by_label("Keep me signed in on this device").set_checked(keep)
    dialog.get_by_role("button", name="Create account").click()
    wait_for_board(page)


def sign_in(
    page: Page, email: str, password: str, timeout: float | None = None, *, keep: bool = False
) -> None:
    """Signs in through the landing page and waits for the board (`timeout` ms, if given);
    `keep` ticks "Keep me signed in on this device"."""
    page.goto("/")
    form = page.locator("#sign-in-form")
    form.get_by_label("Email").fill(email)
    form.get_by_label("Password", exact=True).fill(password)
    form.get_by_label("Keep me signed in on this device").set_checked(keep)
    form.get_by_role("button", name="Sign in").click()
    wait_for_board(page, timeout)


def wait_for_board(page: Page, timeout: float | None = None) -> None:
    """The board is drawn from its first snapshot (the page marks #board data-state="ready")."""
    page.wait_for_url("**/board")
    # A first answer that never comes is asked for again after 8 s (first-answer.js).
    expect(page.locator("#board")).to_have_attribute(
        "data-state", "ready", timeout=timeout or SERVER_TIMEOUT_MS
    )
    expect(page.locator("#board")).to_be_visible()


# The label of a card's text field while it is being edited.
EDITOR = "Task text (Enter saves, Escape cancels)"


def column(page: Page, status: str) -> Locator:
    return page.locator(f'.column[data-status="{status}"]')


def card(page: Page, text: str) -> Locator:
    return page.locator(".card").filter(has=page.locator(".card-text", has_text=text))


def card_texts(page: Page, status: str) -> list[str]:
    return column(page, status).locator(".card-text").all_inner_texts()


def status_button(page: Page, text: str) -> Locator:
    """The card's status control: a button showing the status, opening the "Move to" menu."""
    return card(page, text).get_by_role("button", name=re.compile(r"^Status: "))


def move_to(page: Page, text: str, status: str) -> None:
    """Moves a card by choosing ``status`` ("Todo", "Doing", "Done") in its status menu."""
    status_button(page, text).click()
    menu = page.get_by_role("menu", name="Move to")
    menu.get_by_role("menuitemradio", name=status).click()
    expect(menu).to_be_hidden()


def quick_add(page: Page) -> Locator:
    return page.get_by_label("New task")


TASK_URL = re.compile(r"/api/tasks/[A-Za-z0-9_-]+$")


def is_task_create(response: Response) -> bool:
    """The web app creates a task with PUT /api/tasks/{the id it chose}."""
    return response.request.method == "PUT" and bool(TASK_URL.search(response.url))


def add_task(page: Page, text: str) -> None:
    """Adds a task and waits until the API has stored it."""
    with page.expect_response(
        is_task_create,
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        quick_add(page).fill(text)
        quick_add(page).press("Enter")
    assert answer.value.status == 201, answer.value.text()
    expect(card(page, text)).to_be_visible()


def wait_until_saved(page: Page) -> None:
    expect(page.locator("#save-state")).to_have_text("All changes saved", timeout=SERVER_TIMEOUT_MS)


def open_menu(page: Page) -> None:
    page.locator("#user-menu-button").click()


def log_out(page: Page) -> None:
    open_menu(page)
    page.locator("#user-menu-panel").get_by_role("button", name="Log out").click()
    page.wait_for_url(on_landing)


def on_landing(url: str) -> bool:
    return urlparse(url).path == "/"


def choose_time_zone(page: Page, search: str, place: str) -> None:
    """Searches the time zone field for ``search`` and picks the entry naming ``place``."""
    field = page.get_by_role("combobox", name="Time zone")
    field.fill(search)
    page.get_by_role("listbox", name="Time zones").get_by_role("option", name=place).first.click()


def save_profile(page: Page) -> None:
    """Saves the Account page's profile form and waits for the server to take it."""
    with page.expect_response(
        lambda response: response.url.endswith("/api/me") and response.request.method == "PUT",
        timeout=SERVER_TIMEOUT_MS,
    ) as answer:
        page.locator("#profile-form").get_by_role("button", name="Save profile").click()
    assert answer.value.ok, answer.value.text()


def wait_until_controlled(page: Page) -> None:
    """The service worker controls the page. A function, not an expression: the page's
    Content-Security-Policy forbids eval. It takes control once it has fetched the whole shell,
    which a busy machine (the emulators and the browser on two cores) can take over 10 s for."""
    try:
        page.wait_for_function(
            "() => navigator.serviceWorker.controller !== null", timeout=SERVER_TIMEOUT_MS
        )
    except PlaywrightTimeout as error:
        raise AssertionError(f"no service worker controls the page: {_workers(page)}") from error


def _workers(page: Page) -> object:
    """This page's service worker registration, worker by worker, with their states."""
    return page.evaluate(
        """async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            if (!registration) return "no registration";
            const state = (worker) => worker && `${worker.scriptURL} ${worker.state}`;
            return {
                installing: state(registration.installing),
                waiting: state(registration.waiting),
                active: state(registration.active),
            };
        }"""
    )
