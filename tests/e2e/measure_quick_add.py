"""How long from pressing Enter in quick add until the card is on screen, and until it is saved.

A measurement, not a test: run `.venv/bin/python -m tests.e2e.measure_quick_add [runs]` from the
repository root against the running stack (TASKLY_BASE_URL, default http://127.0.0.1:5000).
Times come from performance.now() in the page: "visible" is the first animation frame after the
card is in the DOM; "saved" is when the PUT /api/tasks/{id} answer has arrived.
"""

import statistics
import sys
import uuid
from typing import Any

from playwright.sync_api import Page, sync_playwright

from tests.support.people import sign_up
from tests.support.stack import APP_URL

from .chromium import DESKTOP, launch
from .ui import quick_add, sign_in, wait_until_saved

# Installed in the page: stamps Enter, then the first frame after the card with that text
# appears, then the end of the PUT that stored it.
PROBE = """() => {
  const input = document.getElementById("quick-add-input");
  const board = document.getElementById("board");
  window.quickAddTimes = [];
  let pending = null;
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") pending = { text: input.value.trim(), enter: performance.now() };
  }, true);
  // Only the nodes each mutation added are looked at, so the probe costs the same on any board.
  new MutationObserver((mutations) => {
    if (!pending) return;
    const shown = mutations.some((mutation) => [...mutation.addedNodes].some((node) =>
      node.querySelector?.(".card-text")?.textContent === pending.text));
    if (!shown) return;
    const sample = pending;
    pending = null;
    window.quickAddTimes.push(sample);
    requestAnimationFrame(() => { sample.visible = performance.now(); });
  }).observe(board, { subtree: true, childList: true, characterData: true });
  new PerformanceObserver((list) => {
    const creates = (entry) => new URL(entry.name).pathname.startsWith("/api/tasks/");
    const posts = list.getEntries().filter(creates);
    for (const entry of posts) {
      const sample = window.quickAddTimes.find((s) => !s.saved && s.enter <= entry.startTime);
      if (sample) sample.saved = entry.responseEnd;
    }
  }).observe({ type: "resource", buffered: false });
}"""


def summary(label: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"{label:<8} median {statistics.median(ordered):7.1f} ms   "
        f"p95 {p95:7.1f} ms   max {ordered[-1]:7.1f} ms   (n={len(ordered)})"
    )


def time_quick_adds(page: Page, runs: int) -> list[dict[str, Any]]:
    """Adds ``runs`` tasks one after another; each one's enter, visible and saved times."""
    page.evaluate(PROBE)
    for index in range(runs):
        quick_add(page).fill(f"Measured task {index} {uuid.uuid4().hex[:6]}")
        quick_add(page).press("Enter")
        wait_until_saved(page)
    page.wait_for_function(f"window.quickAddTimes.filter(s => s.saved).length >= {runs}")
    return page.evaluate("window.quickAddTimes")


def main(runs: int) -> None:
    person = sign_up("Measure")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        # The probe is an evaluated string, which the CSP (rightly) forbids the page itself.
        context = browser.new_context(base_url=APP_URL, viewport=DESKTOP, bypass_csp=True)
        page = context.new_page()
        sign_in(page, person.email, person.password)
        samples = time_quick_adds(page, runs)
        browser.close()

    print(f"Quick add on {APP_URL}, {runs} tasks, one after another:")
    print(summary("visible", [s["visible"] - s["enter"] for s in samples]))
    print(summary("saved", [s["saved"] - s["enter"] for s in samples]))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
