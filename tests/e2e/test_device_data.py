"""What stays on the device: the board's cache only when the person ticks "Keep me signed in on
this device", and nothing of their tasks once they log out."""

import uuid

from playwright.sync_api import Page, expect

from tests.support.people import Person

from .ui import card, log_out, on_landing, sign_in, wait_for_board

# Every place a page can keep data, searched for `text`: IndexedDB (each database and store),
# Cache Storage (the service worker's) and localStorage. Returns where it was found.
FIND_ON_DEVICE = """
async (text) => {
  const found = [];
  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  for (const { name } of await indexedDB.databases()) {
    const db = await request(indexedDB.open(name));
    for (const store of db.objectStoreNames) {
      const rows = await request(db.transaction(store).objectStore(store).getAll());
      if (JSON.stringify(rows).includes(text)) found.push(`IndexedDB ${name} ${store}`);
    }
    db.close();
  }
  for (const key of await caches.keys()) {
    const cache = await caches.open(key);
    for (const entry of await cache.keys()) {
      const body = await (await cache.match(entry)).text();
      if (body.includes(text)) found.push(`Cache Storage ${key} ${entry.url}`);
    }
  }
  for (const [key, value] of Object.entries(localStorage)) {
    if (`${key}${value}`.includes(text)) found.push(`localStorage ${key}`);
  }
  return found;
}
"""

FIRESTORE_DATABASES = """
async () => (await indexedDB.databases())
  .map(({ name }) => name)
  .filter((name) => name.startsWith("firestore"))
"""


def _task(person: Person) -> str:
    text = f"Passport renewal {uuid.uuid4().hex[:8]}"
    assert person.post("/tasks", json={"description": text}).status_code == 201
    return text


def test_a_kept_board_reopens_from_the_device_and_logging_out_leaves_no_task_text(
    page: Page, person: Person
) -> None:
    text = _task(person)
    sign_in(page, person.email, person.password, keep=True)
    expect(card(page, text)).to_be_visible()
    expect(page.locator("#board")).to_have_attribute("data-source", "server")

    # Reopened, the board is drawn from the device first.
    page.reload()
    wait_for_board(page)
    expect(page.locator("#board")).to_have_attribute("data-source", "cache")
    expect(card(page, text)).to_be_visible()
    assert page.evaluate(FIRESTORE_DATABASES)
    assert page.evaluate(FIND_ON_DEVICE, text), "the probe finds the cached task"

    log_out(page)
    page.wait_for_url(on_landing)
    assert page.evaluate(FIND_ON_DEVICE, text) == []
    assert page.evaluate(FIRESTORE_DATABASES) == []
    # The next sign-in on this device asks again: the box starts unticked.
    keep = page.locator("#sign-in-form").get_by_label("Keep me signed in on this device")
    expect(keep).not_to_be_checked()


def test_unticked_the_board_keeps_nothing_and_other_tabs_are_not_signed_in(
    page: Page, person: Person
) -> None:
    text = _task(person)
    sign_in(page, person.email, person.password, keep=False)
    expect(card(page, text)).to_be_visible()
    assert page.evaluate(FIRESTORE_DATABASES) == []
    assert page.evaluate(FIND_ON_DEVICE, text) == []

    # The sign-in lasts as long as this tab: reloading keeps it, a new tab does not have it.
    page.reload()
    wait_for_board(page)
    other_tab = page.context.new_page()
    other_tab.goto("/board")
    other_tab.wait_for_url(on_landing)
    expect(other_tab.get_by_role("heading", name="Sign in")).to_be_visible()
