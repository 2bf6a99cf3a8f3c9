"""Working without a network, with "Keep me signed in on this device": changes wait on the
device, survive a reload, and reach the server once, in order, when the network returns; a
change the server refuses then is said."""

import uuid

from playwright.sync_api import Dialog, Locator, Page, expect

from tests.support.people import Person

from .ui import (
    EDITOR,
    SERVER_TIMEOUT_MS,
    card,
    column,
    move_to,
    on_landing,
    open_menu,
    quick_add,
    sign_in,
    wait_for_board,
    wait_until_controlled,
)


def _task(person: Person, text: str) -> str:
    answer = person.post("/tasks", json={"description": text})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def _server_tasks(person: Person) -> list[tuple[str, str]]:
    tasks = person.get("/tasks?limit=100").json()["tasks"]
    return sorted((task["description"], task["status"]) for task in tasks)


def _save_state(page: Page) -> Locator:
    return page.locator("#save-state")


def _edit(page: Page, text: str, new_text: str) -> None:
    card(page, text).get_by_role("button", name="Edit").click()
    editor = card(page, text).get_by_label(EDITOR)
    editor.fill(new_text)
    editor.press("Enter")


def test_changes_made_offline_reach_the_server_once_when_the_network_returns(
    page: Page, person: Person
) -> None:
    unique = uuid.uuid4().hex[:6]
    rent, flyer, stamps = f"Pay rent {unique}", f"Old flyer {unique}", f"Buy stamps {unique}"
    _task(person, rent)
    _task(person, flyer)
    sign_in(page, person.email, person.password, keep=True)
    expect(card(page, flyer)).to_be_visible()
    wait_until_controlled(page)
    before = _server_tasks(person)

    page.context.set_offline(True)
    quick_add(page).fill(stamps)
    quick_add(page).press("Enter")
    expect(_save_state(page)).to_have_text("Offline — 1 change will sync")
    expect(card(page, stamps).get_by_text("Waiting to sync")).to_be_visible()
    move_to(page, rent, "Doing")
    _edit(page, rent, f"{rent} and water")
    card(page, flyer).get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Undo").wait_for(state="hidden")  # its undo window ends
    expect(_save_state(page)).to_have_text("Offline — 4 changes will sync")
    expect(card(page, flyer)).to_have_count(0)
    assert _server_tasks(person) == before  # nothing has left the device

    # Closed and opened again, still offline: the board and its waiting changes come back.
    answer = page.reload()
    assert answer is not None and answer.from_service_worker
    wait_for_board(page)
    expect(page.locator("#board")).to_have_attribute("data-source", "cache")
    expect(_save_state(page)).to_have_text("Offline — 4 changes will sync")
    expect(column(page, "doing").locator(".card-text")).to_have_text([f"{rent} and water"])
    expect(card(page, stamps)).to_be_visible()
    expect(card(page, flyer)).to_have_count(0)

    page.context.set_offline(False)
    expect(_save_state(page)).to_have_text("All changes saved", timeout=SERVER_TIMEOUT_MS)
    expect(page.locator(".card.is-waiting")).to_have_count(0)
    assert _server_tasks(person) == sorted([(f"{rent} and water", "doing"), (stamps, "todo")])


def test_a_change_the_server_refuses_on_replay_is_shown(page: Page, person: Person) -> None:
    text = f"Plan the trip {uuid.uuid4().hex[:6]}"
    task_id = _task(person, text)
    sign_in(page, person.email, person.password, keep=True)
    expect(card(page, text)).to_be_visible()

    page.context.set_offline(True)
    _edit(page, text, f"{text} to Rome")
    expect(_save_state(page)).to_have_text("Offline — 1 change will sync")
    # Meanwhile someone changes the text on another device.
    elsewhere = f"{text} to Oslo"
    changed = person.patch(f"/tasks/{task_id}", json={"description": elsewhere})
    assert changed.status_code == 200, changed.text

    page.context.set_offline(False)
    # The edit is not applied over the other one: the editor opens with both to choose from.
    notice = card(page, elsewhere).get_by_role("status")
    expect(notice).to_contain_text(
        f"Changed elsewhere to: “{elsewhere}”", timeout=SERVER_TIMEOUT_MS
    )
    assert _server_tasks(person) == [(elsewhere, "todo")]


def test_logging_out_with_changes_waiting_asks_first_and_then_leaves_nothing(
    page: Page, person: Person
) -> None:
    text = f"Call the plumber {uuid.uuid4().hex[:6]}"
    sign_in(page, person.email, person.password, keep=True)
    page.context.set_offline(True)
    quick_add(page).fill(text)
    quick_add(page).press("Enter")
    expect(_save_state(page)).to_have_text("Offline — 1 change will sync")

    asked: list[str] = []

    def answer(dialog: Dialog, accept: bool) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    open_menu(page)
    page.locator("#user-menu-panel").get_by_role("button", name="Log out").click()
    expect(card(page, text)).to_be_visible()  # kept: still signed in, the change still waiting
    assert asked == [
        "1 change made offline will be lost: they haven't reached Taskly yet. Log out anyway?"
    ]

    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    if not page.locator("#user-menu-panel").is_visible():
        open_menu(page)
    page.locator("#user-menu-panel").get_by_role("button", name="Log out").click()
    page.wait_for_url(on_landing)
    databases = page.evaluate("async () => (await indexedDB.databases()).map(({ name }) => name)")
    assert [name for name in databases if name.startswith(("firestore", "taskly"))] == []
