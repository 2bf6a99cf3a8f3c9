"""Editing a card's text in place: the caret goes where the click was, the editor grows with
the text, saves only when told, and survives changes made to the task elsewhere."""

import uuid

from playwright.sync_api import Page, Route, expect

from tests.support.people import Person

from .ui import (
    EDITOR,
    SERVER_TIMEOUT_MS,
    add_task,
    card,
    column,
    move_to,
    sign_in,
    wait_for_board,
    wait_until_saved,
)


def _task_text(person: Person, text: str) -> str:
    [task] = [
        t for t in person.get("/tasks?limit=100").json()["tasks"] if t["id"] == _id(person, text)
    ]
    return task["description"]


def _id(person: Person, prefix: str) -> str:
    tasks = person.get("/tasks?limit=100").json()["tasks"]
    return next(task["id"] for task in tasks if task["description"].startswith(prefix))


def _two_tabs(new_context, person: Person) -> tuple[Page, Page]:
    context = new_context()
    here, there = context.new_page(), context.new_page()
    sign_in(here, person.email, person.password, keep=True)
    there.goto("/board")  # the same browser, kept signed in
    wait_for_board(there)
    here.bring_to_front()  # the person works in the first tab
    return here, there


def _click_before(page: Page, text: str, word: str) -> None:
    """Clicks in the card's text just before ``word``."""
    box = (
        card(page, text)
        .locator(".card-text")
        .evaluate(
            """(element, word) => {
            const range = document.createRange();
            const at = element.textContent.indexOf(word);
            range.setStart(element.firstChild, at);
            range.setEnd(element.firstChild, at + 1);
            const rect = range.getBoundingClientRect();
            return { x: rect.left + 1, y: rect.top + rect.height / 2 };
        }""",
            word,
        )
    )
    page.mouse.click(box["x"], box["y"])


def test_a_click_puts_the_caret_there_and_a_long_text_wraps(signed_in_page: Page) -> None:
    page = signed_in_page
    text = f"Buy milk and bread {uuid.uuid4().hex[:6]}"
    add_task(page, text)

    _click_before(page, text, "bread")
    editor = card(page, text).get_by_label(EDITOR)
    expect(editor).to_be_focused()
    page.keyboard.type("fresh ")  # the first keystroke does not replace the whole task
    expect(editor).to_have_value(text.replace("bread", "fresh bread"))

    one_line = editor.evaluate("el => el.clientHeight")
    page.keyboard.type(" and more" * 20)
    assert editor.evaluate("el => el.clientHeight") > 2 * one_line
    assert editor.evaluate(
        "el => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1"
    )
    page.keyboard.press("Escape")
    expect(card(page, text).locator(".card-text")).to_have_text(text)


def test_the_editor_saves_only_when_told(signed_in_page: Page, person: Person) -> None:
    page = signed_in_page
    text = f"Call the garage {uuid.uuid4().hex[:6]}"
    add_task(page, text)
    wait_until_saved(page)

    card(page, text).get_by_role("button", name="Edit").click()
    editor = card(page, text).get_by_label(EDITOR)
    editor.press("End")
    page.keyboard.type(" about the tyres")
    page.get_by_label("New task").click()  # focus goes elsewhere: the draft stays, unsaved
    expect(editor).to_be_visible()
    expect(editor).to_have_value(f"{text} about the tyres")
    assert _task_text(person, text) == text

    card(page, text).get_by_role("button", name="Save").click()
    expect(card(page, f"{text} about the tyres").locator(".card-text")).to_be_visible()
    wait_until_saved(page)
    assert _task_text(person, text) == f"{text} about the tyres"

    # Nothing changed: focus leaving simply closes the editor.
    card(page, text).get_by_role("button", name="Edit").click()
    page.get_by_label("New task").click()
    expect(card(page, text).get_by_label(EDITOR)).to_be_hidden()


def test_a_move_from_another_tab_carries_the_open_editor_along(new_context, person: Person) -> None:
    here, there = _two_tabs(new_context, person)
    text = f"Draft the speech {uuid.uuid4().hex[:6]}"
    add_task(here, text)
    expect(card(there, text)).to_be_visible(timeout=SERVER_TIMEOUT_MS)

    _click_before(here, text, "speech")
    page_editor = card(here, text).get_by_label(EDITOR)
    here.keyboard.type("wedding ")
    move_to(there, text, "Done")

    expect(column(here, "done").locator(".card-editor")).to_have_count(1, timeout=SERVER_TIMEOUT_MS)
    expect(page_editor).to_be_focused()
    expect(page_editor).to_have_value(text.replace("speech", "wedding speech"))
    assert _task_text(person, text) == text  # moving it saved nothing
    here.keyboard.type("and toast ")  # the caret stayed where the person was typing
    expect(page_editor).to_have_value(text.replace("speech", "wedding and toast speech"))
    here.keyboard.press("Enter")
    edited = text.replace("speech", "wedding and toast speech")
    expect(card(there, edited)).to_be_visible(timeout=SERVER_TIMEOUT_MS)
    expect(column(there, "done").locator(".card-text")).to_have_text([edited])


def test_text_changed_elsewhere_is_shown_and_the_person_chooses(
    new_context, person: Person
) -> None:
    here, there = _two_tabs(new_context, person)
    text = f"Plan the trip {uuid.uuid4().hex[:6]}"
    add_task(here, text)
    expect(card(there, text)).to_be_visible(timeout=SERVER_TIMEOUT_MS)

    card(here, text).get_by_role("button", name="Edit").click()
    editor = card(here, text).get_by_label(EDITOR)
    editor.fill(f"{text} to Rome")
    card(there, text).get_by_role("button", name="Edit").click()
    card(there, text).get_by_label(EDITOR).fill(f"{text} to Oslo")
    card(there, text).get_by_label(EDITOR).press("Enter")

    notice = card(here, f"{text} to Oslo").get_by_role("status")
    expect(notice).to_have_text(
        f"Changed elsewhere to: “{text} to Oslo”Keep mineUse the new text",
        timeout=SERVER_TIMEOUT_MS,
    )
    editor.press("Enter")  # no silent overwrite: a choice first
    expect(card(here, f"{text} to Oslo").locator(".field-error")).to_have_text(
        "This task was changed elsewhere. Choose which text to keep first."
    )
    notice.get_by_role("button", name="Keep mine").click()
    expect(notice).to_be_hidden()
    expect(editor).to_be_focused()
    editor.press("Enter")
    expect(card(there, f"{text} to Rome")).to_be_visible(timeout=SERVER_TIMEOUT_MS)
    wait_until_saved(here)
    assert _task_text(person, text) == f"{text} to Rome"

    card(here, text).get_by_role("button", name="Edit").click()
    editor.fill(f"{text} to Paris")
    person.patch(f"/tasks/{_id(person, text)}", json={"description": f"{text} by train"})
    notice = card(here, f"{text} by train").get_by_role("status")
    notice.get_by_role("button", name="Use the new text").click()
    expect(editor).to_have_value(f"{text} by train")

    # With nothing typed yet, the open editor just follows the new text.
    person.patch(f"/tasks/{_id(person, text)}", json={"description": f"{text} by night train"})
    expect(editor).to_have_value(f"{text} by night train", timeout=SERVER_TIMEOUT_MS)
    expect(card(here, text).get_by_role("status")).to_be_hidden()
    editor.press("Escape")
    expect(card(here, f"{text} by night train").locator(".card-text")).to_be_visible()


def test_a_save_that_crosses_a_change_elsewhere_gets_the_draft_back(
    signed_in_page: Page, person: Person
) -> None:
    page = signed_in_page
    text = f"Book the venue {uuid.uuid4().hex[:6]}"
    add_task(page, text)
    wait_until_saved(page)
    task_id = _id(person, text)

    def change_first(route: Route) -> None:
        # Another device saves its text just before this tab's save reaches the server.
        person.patch(f"/tasks/{task_id}", json={"description": f"{text} for May"})
        route.continue_()

    page.route(
        f"**/api/tasks/{task_id}",
        lambda route: change_first(route) if route.request.method == "PATCH" else route.continue_(),
    )
    card(page, text).get_by_role("button", name="Edit").click()
    card(page, text).get_by_label(EDITOR).fill(f"{text} for June")
    with page.expect_response(
        lambda r: r.request.method == "PATCH", timeout=SERVER_TIMEOUT_MS
    ) as answer:
        card(page, text).get_by_label(EDITOR).press("Enter")
    assert answer.value.status == 409
    page.unroute(f"**/api/tasks/{task_id}")

    reopened = card(page, f"{text} for May").get_by_label(EDITOR)
    expect(reopened).to_have_value(f"{text} for June")
    expect(card(page, f"{text} for May").get_by_role("status")).to_contain_text(
        f"Changed elsewhere to: “{text} for May”", timeout=SERVER_TIMEOUT_MS
    )
    expect(page.locator("#alerts")).to_be_empty()
    assert _task_text(person, text) == f"{text} for May"


def test_a_task_deleted_elsewhere_mid_edit_offers_the_text_back(
    signed_in_page: Page, person: Person
) -> None:
    page = signed_in_page
    text = f"Write to the council {uuid.uuid4().hex[:6]}"
    add_task(page, text)
    wait_until_saved(page)
    card(page, text).get_by_role("button", name="Edit").click()
    card(page, text).get_by_label(EDITOR).fill(f"{text} about the bins")

    assert person.delete(f"/tasks/{_id(person, text)}").status_code == 204
    toast = page.locator(".toast").filter(
        has_text="was deleted elsewhere before your edit was saved"
    )
    expect(toast).to_be_visible(timeout=SERVER_TIMEOUT_MS)
    toast.get_by_role("button", name="Add my text as a task").click()
    expect(card(page, f"{text} about the bins")).to_be_visible()


def test_a_failed_save_brings_the_draft_back_and_keys_in_the_editor_stay_in_it(
    signed_in_page: Page, person: Person
) -> None:
    page = signed_in_page
    text = f"Fix the gate {uuid.uuid4().hex[:6]}"
    add_task(page, text)
    wait_until_saved(page)
    page.route(
        "**/api/tasks/*",
        lambda route: (
            route.fulfill(status=500, body="")
            if route.request.method == "PATCH"
            else route.continue_()
        ),
    )
    card(page, text).get_by_role("button", name="Edit").click()
    card(page, text).get_by_label(EDITOR).fill(f"{text} hinge")
    card(page, text).get_by_label(EDITOR).press("Enter")
    expect(page.locator("#alerts")).to_contain_text("Your edit wasn't saved")
    editor = card(page, text).get_by_label(EDITOR)
    expect(editor).to_have_value(f"{text} hinge")
    assert _task_text(person, text) == text
    page.unroute("**/api/tasks/*")

    # On the editor's own buttons, the board's shortcuts keep out of the way.
    card(page, text).get_by_role("button", name="Save").focus()
    page.keyboard.press("3")
    page.keyboard.press("Delete")
    expect(column(page, "todo").locator(".card-editor")).to_have_count(1)
    expect(editor).to_have_value(f"{text} hinge")
    page.keyboard.press("Enter")  # the focused Save
    expect(card(page, f"{text} hinge").locator(".card-text")).to_be_visible()
    wait_until_saved(page)
    assert _task_text(person, text) == f"{text} hinge"
