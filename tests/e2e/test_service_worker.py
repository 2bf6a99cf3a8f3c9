"""The app shell comes from a service worker: offline too, never the API, and new builds offered."""

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tools.devstack.paths import ROOT

from .ui import add_task, wait_until_controlled

WORKER = ROOT / "hosting" / "public" / "sw.js"

SHELL_CACHE = "taskly-shell-"

CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


def shell_caches(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")


def test_the_landing_page_opens_offline_from_the_cache(page: Page) -> None:
    page.goto("/")
    wait_until_controlled(page)
    page.context.set_offline(True)
    answer = page.reload()
    assert answer is not None and answer.from_service_worker
    expect(page.locator("#sign-in-form")).to_be_visible()
    # Its stylesheet came too: the page is laid out, not bare HTML.
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 0


def test_the_board_opens_offline_and_the_api_stays_on_the_network(
    signed_in_page: Page, base_url: str
) -> None:
    page = signed_in_page
    add_task(page, f"Cached nowhere {uuid.uuid4().hex[:6]}")
    wait_until_controlled(page)

    page.context.set_offline(True)
    answer = page.reload()
    assert answer is not None and answer.from_service_worker
    # The shell, whose tasks wait for the network (Firestore keeps no copy on the device).
    expect(page.get_by_role("banner").get_by_role("link", name="Taskly")).to_be_visible()
    expect(page.locator("#quick-add-input")).to_be_visible()
    api = "fetch('/api/me').then(() => 'answered', () => 'failed')"
    assert page.evaluate(api) == "failed"

    urls = page.evaluate(CACHED_URLS)
    assert f"{base_url}/board" in urls and f"{base_url}/assets/board.js" in urls
    assert [url for url in urls if not url.startswith(f"{base_url}/")] == []
    assert [url for url in urls if "/api/" in url] == []


def test_a_page_the_worker_did_not_claim_asks_it_to(page: Page) -> None:
    """A worker claims the pages that exist as it activates. A page whose navigation was under
    way just then (here about 1 sign-in in 40: the board loading while the shell installs) was
    left without one, so offline its lazily loaded code failed; such a page now asks to be
    claimed. A hard reload, which bypasses the worker, makes that page on demand."""
    page.goto("/")
    wait_until_controlled(page)
    with page.expect_navigation():
        page.context.new_cdp_session(page).send("Page.reload", {"ignoreCache": True})
    wait_until_controlled(page)


@pytest.fixture
def next_build() -> Iterator[Callable[[str, str], None]]:
    """Serves the worker of another build: the same script with another shell version, written
    where Hosting serves it (Chromium fetches a worker's script past Playwright's routing)."""
    original = WORKER.read_bytes()

    def publish(version: str, next_version: str) -> None:
        replace(WORKER, original.decode().replace(version, next_version).encode())

    yield publish
    replace(WORKER, original)


def replace(path: Path, content: bytes) -> None:
    """Whole, so Hosting never serves half a worker."""
    partial = path.with_name(f"{path.name}.partial")
    partial.write_bytes(content)
    partial.replace(path)


def test_a_new_build_is_offered_and_reload_brings_it(
    page: Page, next_build: Callable[[str, str], None]
) -> None:
    page.goto("/")
    wait_until_controlled(page)
    [cache] = shell_caches(page)
    version = cache.removeprefix(SHELL_CACHE)
    script = page.request.get("/sw.js")
    assert script.headers["cache-control"] == "no-cache"
    assert version in script.text()

    next_version = "e2e" + uuid.uuid4().hex[:13]
    next_build(version, next_version)
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")

    prompt = page.get_by_role("status").filter(has_text="A new version is ready")
    expect(prompt).to_be_visible()
    prompt.get_by_role("button", name="Dismiss").press("Enter")
    expect(prompt).to_have_count(0)
    # Still waiting: offered again on the next visit, until it is taken.
    page.reload()
    expect(prompt).to_be_visible()
    assert sorted(shell_caches(page)) == sorted([cache, f"{SHELL_CACHE}{next_version}"])

    with page.expect_navigation():
        prompt.get_by_role("button", name="Reload").press("Enter")
    wait_until_controlled(page)
    expect(page.locator("#sign-in-form")).to_be_visible()
    expect(prompt).to_have_count(0)
    # The new worker runs the page, and the old shell is gone.
    assert shell_caches(page) == [f"{SHELL_CACHE}{next_version}"]
