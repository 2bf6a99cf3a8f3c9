"""Notifications on devices: the Account page's devices, a push shown by the service worker with
its buttons, a button acting on the task, a click opening the task on the board, and the
reminders dialog's switch.

Headless Chromium here has no internet, so no push service of its own: devices are registered
through the API with subscriptions the capture server mints (it stands in for the push service
and decrypts what Taskly sends it), and a push reaches the service worker through the DevTools
protocol (ServiceWorker.deliverPushMessage). What only a real browser's push service can show
is the hop between the two: the push service waking this browser. A click on a notification is
a NotificationEvent the test dispatches in the worker.
"""

import json
import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from google.cloud import firestore
from playwright.sync_api import CDPSession, Page, Worker, expect

from taskly.reminders.sweep import run_sweep
from tests.support import capture
from tests.support.people import Person
from tests.support.stack import CAPTURE_URL
from tests.support.waiting import arrived, eventually

from .screenshots import WIDTHS, save_screenshot, save_screenshots
from .ui import SERVER_TIMEOUT_MS, card, sign_in, wait_for_board, wait_until_controlled

ACTIONS = [
    {"action": "done", "title": "Done"},
    {"action": "snooze_hour", "title": "Snooze 1 hour"},
    {"action": "tomorrow", "title": "Tomorrow morning"},
]

NOTIFICATIONS = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return (await registration.getNotifications()).map((n) => ({
    title: n.title,
    body: n.body,
    tag: n.tag,
    data: n.data,
    actions: n.actions.map(({ action, title }) => ({ action, title })),
  }));
}"""

# A script's event cannot be extended, so what the worker hands to waitUntil is collected and
# waited for here; a real click would also let the worker focus a window.
CLICK = """async ({ tag, action }) => {
  const [notification] = await self.registration.getNotifications({ tag });
  const event = new NotificationEvent("notificationclick", { notification, action });
  const work = [];
  event.waitUntil = (promise) => work.push(promise);
  self.dispatchEvent(event);
  await Promise.all(work);
}"""


def _subscription(person: Person) -> dict[str, Any]:
    """What pushManager.subscribe() would give a page, from the capture server's push service."""
    public_key = person.get("/devices").json()["public_key"]
    answer = requests.post(
        f"{CAPTURE_URL}/api/push/subscriptions",
        json={"applicationServerKey": public_key},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def _add_device(person: Person, label: str) -> tuple[dict[str, Any], str]:
    """A device registered through the API: its JSON and its subscription's id at the capture
    server (a push's ``to`` there)."""
    subscription = _subscription(person)
    answer = person.post("/devices", json={"subscription": subscription, "label": label})
    assert answer.status_code == 201, answer.text
    return answer.json(), subscription["endpoint"].rsplit("/", 1)[1]


def _worker(page: Page) -> Worker:
    wait_until_controlled(page)
    workers = page.context.service_workers
    return workers[0] if workers else page.context.wait_for_event("serviceworker")


class PushService:
    """Hands push messages to the page's service worker, as the browser's push service would."""

    def __init__(self, page: Page, origin: str) -> None:
        wait_until_controlled(page)
        self.origin = origin
        self.cdp: CDPSession = page.context.new_cdp_session(page)
        found: list[str] = []

        def updated(event: dict[str, Any]) -> None:
            for registration in event["registrations"]:
                if registration["scopeURL"] == f"{origin}/" and not registration["isDeleted"]:
                    found.append(registration["registrationId"])

        self.cdp.on("ServiceWorker.workerRegistrationUpdated", updated)
        self.cdp.send("ServiceWorker.enable")
        deadline = time.monotonic() + 10
        while not found and time.monotonic() < deadline:
            page.wait_for_timeout(100)  # the session's events arrive while Playwright waits
        assert found, "no service worker registration for the app"
        self.registration_id = found[-1]

    def deliver(self, payload: dict[str, Any] | str) -> None:
        data = payload if isinstance(payload, str) else json.dumps(payload)
        self.cdp.send(
            "ServiceWorker.deliverPushMessage",
            {"origin": self.origin, "registrationId": self.registration_id, "data": data},
        )


def _notifications(
    page: Page, until: Callable[[list[dict[str, Any]]], object]
) -> list[dict[str, Any]]:
    """The notifications shown, once ``until`` holds for them."""
    deadline = time.monotonic() + 10
    while True:
        shown = page.evaluate(NOTIFICATIONS)
        if until(shown) or time.monotonic() > deadline:
            assert until(shown), shown
            return list(shown)
        page.wait_for_timeout(100)


def _click(page: Page, tag: str, action: str = "") -> None:
    _worker(page).evaluate(CLICK, {"tag": tag, "action": action})


@pytest.fixture
def push_page(page: Page, base_url: str) -> Page:
    page.context.grant_permissions(["notifications"], origin=base_url)
    return page


def test_the_account_page_lists_devices_sends_a_test_and_removes_one(
    page: Page, person: Person
) -> None:
    phone, phone_subscription = _add_device(person, "Chrome on Android")
    laptop, _ = _add_device(person, "Firefox on Windows")
    limit = person.get("/devices").json()["max"]
    assert person.get("/me").json()["push_devices"] == 2
    sign_in(page, person.email, person.password)
    page.goto("/account")
    section = page.locator("#devices")
    expect(section.get_by_role("heading", name="Notifications on this device")).to_be_visible()
    devices = section.get_by_role("list", name="Your devices").get_by_role("listitem")
    expect(devices).to_have_count(2, timeout=SERVER_TIMEOUT_MS)
    expect(devices.nth(0)).to_contain_text("Chrome on Android")
    expect(devices.nth(1)).to_contain_text("Firefox on Windows")
    expect(devices.nth(0)).to_contain_text("Added ")
    expect(section.get_by_text(f"2 of {limit} devices.")).to_be_visible()
    # This browser has no subscription: neither device is it, and it can be turned on.
    expect(section.get_by_text("This device", exact=True)).to_have_count(0)
    expect(section.get_by_text("Notifications are off on this device.")).to_be_visible()
    expect(
        section.get_by_role("button", name="Turn on notifications on this device")
    ).to_be_enabled()
    section.scroll_into_view_if_needed()
    save_screenshots(page, "account-devices")

    devices.nth(0).get_by_role("button", name="Send a test").click()
    expect(page.get_by_text("Test notification sent to Chrome on Android.")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    [test] = arrived(lambda: capture.messages(to=phone_subscription, channel="push"), 1)
    assert test["subject"] == "Notifications are on"
    assert json.loads(test["body"])["url"] == "/account#devices"

    devices.nth(1).get_by_role("button", name="Remove").click()
    expect(page.get_by_text("Firefox on Windows gets no more notifications.")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )
    expect(devices).to_have_count(1)
    expect(section.get_by_text(f"1 of {limit} devices.")).to_be_visible()
    assert [device["id"] for device in person.get("/devices").json()["devices"]] == [phone["id"]]
    assert person.delete(f"/devices/{laptop['id']}").status_code == 404

    # The capture page shows the push it decrypted beside the emails and texts.
    page.goto(CAPTURE_URL)
    expect(page.get_by_text("Notifications are on").first).to_be_visible()
    save_screenshot(page, "capture-push", *WIDTHS[0])


def test_turning_on_says_why_it_could_not(push_page: Page, person: Person, base_url: str) -> None:
    page = push_page
    sign_in(page, person.email, person.password)
    page.goto("/account")
    wait_until_controlled(page)
    section = page.locator("#devices")
    turn_on = section.get_by_role("button", name="Turn on notifications on this device")
    expect(turn_on).to_be_enabled(timeout=SERVER_TIMEOUT_MS)
    # Allowed, but the browser's push service is out of reach (no internet here).
    turn_on.click()
    expect(section.get_by_role("alert")).to_have_text(
        re.compile("couldn't reach its push service"), timeout=SERVER_TIMEOUT_MS
    )
    assert person.get("/devices").json()["devices"] == []

    # Blocked in the browser's site settings.
    cdp = page.context.new_cdp_session(page)
    context_id = cdp.send("Target.getTargetInfo")["targetInfo"]["browserContextId"]
    cdp.send(
        "Browser.setPermission",
        {
            "permission": {"name": "notifications"},
            "setting": "denied",
            "origin": base_url,
            "browserContextId": context_id,
        },
    )
    page.reload()
    expect(section.get_by_text("Notifications are blocked for Taskly")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )


def _due_push(person: Person, db: firestore.Client, description: str) -> tuple[str, str]:
    """A task with push reminders whose reminder is due, swept: its id, and the push's payload
    as the capture server decrypted it."""
    _, subscription_id = _add_device(person, "Chromium on Linux")
    task = person.post("/tasks", json={"description": description}).json()
    answer = person.put(
        f"/tasks/{task['id']}/reminders", json={"email": False, "sms": False, "push": True}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["notify_push"] is True
    due = datetime.now(UTC) - timedelta(minutes=1)
    db.document(f"users/{person.uid}/tasks/{task['id']}").update({"next_reminder_at": due})
    run_sweep(datetime.now(UTC))
    [push] = arrived(lambda: capture.messages(to=subscription_id, channel="push"), 1)
    return task["id"], push["body"]


def test_a_reminder_shows_with_its_buttons_and_done_marks_the_task_done(
    push_page: Page, person: Person, db: firestore.Client, base_url: str
) -> None:
    page = push_page
    description = f"Buy milk {uuid.uuid4().hex[:6]}"
    task_id, payload = _due_push(person, db, description)
    sign_in(page, person.email, person.password)
    push_service = PushService(page, base_url)

    push_service.deliver(payload)
    [shown] = _notifications(page, lambda shown: len(shown) == 1)
    assert description in shown["title"] + shown["body"]
    # Chromium shows as many buttons as it can: two on the desktop.
    buttons = ACTIONS[: page.evaluate("Notification.maxActions")]
    assert shown["actions"] == buttons
    assert shown["data"]["url"] == f"/board#task={task_id}"
    assert shown["data"]["token"]

    _click(page, shown["tag"], "done")
    eventually(lambda: person.get(f"/tasks/{task_id}").json()["status"] == "done")
    [result] = _notifications(page, lambda shown: shown and shown[0]["actions"] == [])
    assert result["tag"] == shown["tag"]
    assert result["body"] == f"Done: {description}"
    expect(card(page, description)).to_have_attribute("data-status", "done")

    # The same push again: its token is spent, and the notification says so calmly.
    push_service.deliver(payload)
    _notifications(page, lambda shown: shown and shown[0]["actions"] == buttons)
    _click(page, shown["tag"], "snooze_hour")
    [spent] = _notifications(page, lambda shown: shown and shown[0]["actions"] == [])
    assert "expired or was already used" in spent["body"]


def test_clicking_a_notification_opens_its_task_on_the_board(
    push_page: Page, person: Person, base_url: str
) -> None:
    page = push_page
    tasks = [person.post("/tasks", json={"description": f"Task {n}"}).json() for n in range(3)]
    sign_in(page, person.email, person.password)
    push_service = PushService(page, base_url)

    def open_from_notification(task_id: str) -> None:
        push_service.deliver(
            {
                "title": "Reminder",
                "body": "Due today",
                "tag": f"task-{task_id}",
                "url": f"/board#task={task_id}",
                "token": None,
                "actions": [],
            }
        )
        _notifications(page, lambda shown: any(n["tag"] == f"task-{task_id}" for n in shown))
        _click(page, f"task-{task_id}")

    # From the board: the card is scrolled to and focused, and the link is dropped again.
    open_from_notification(tasks[0]["id"])
    expect(card(page, "Task 0")).to_be_focused()
    expect(page).to_have_url(f"{base_url}/board")
    _notifications(page, lambda shown: not any(n["tag"] == f"task-{tasks[0]['id']}" for n in shown))

    # From another page: the board opens with that card.
    page.goto("/account")
    wait_until_controlled(page)
    open_from_notification(tasks[1]["id"])
    wait_for_board(page)
    expect(card(page, "Task 1")).to_be_focused()

    # A task deleted meanwhile is said to be gone.
    assert person.delete(f"/tasks/{tasks[2]['id']}").status_code == 204
    open_from_notification(tasks[2]["id"])
    expect(page.get_by_text("That task isn't on your board now")).to_be_visible(
        timeout=SERVER_TIMEOUT_MS
    )


def test_the_reminders_dialog_offers_notifications_once_there_is_a_device(
    page: Page, person: Person
) -> None:
    task = person.post("/tasks", json={"description": "Water the plants"}).json()
    sign_in(page, person.email, person.password)
    card(page, "Water the plants").get_by_role("button", name="Reminders").click()
    dialog = page.get_by_role("dialog", name="Reminders")
    switch = dialog.get_by_role("switch", name="Notifications on your devices")
    expect(switch).to_be_disabled()
    hint = dialog.get_by_text("Notifications need a phone or computer")
    expect(hint).to_be_visible()
    expect(hint.get_by_role("link", name="Account page")).to_have_attribute(
        "href", "/account#devices"
    )
    dialog.get_by_role("button", name="Cancel").click()

    _add_device(person, "Chrome on Android")
    card(page, "Water the plants").get_by_role("button", name="Reminders").click()
    expect(switch).to_be_enabled(timeout=SERVER_TIMEOUT_MS)
    expect(hint).to_be_hidden()
    with page.expect_response(
        lambda response: response.url.endswith("/reminders"), timeout=SERVER_TIMEOUT_MS
    ) as answer:
        switch.check()
        dialog.get_by_role("button", name="Save").click()
    assert answer.value.ok, answer.value.text()
    assert json.loads(answer.value.request.post_data or "{}")["push"] is True
    bell = card(page, "Water the plants").get_by_role("img", name="Reminders on")
    expect(bell).to_be_visible()
    assert person.get(f"/tasks/{task['id']}").json()["notify_push"] is True

    page.reload()
    wait_for_board(page)
    card(page, "Water the plants").get_by_role("button", name="Reminders").click()
    expect(switch).to_be_checked()
