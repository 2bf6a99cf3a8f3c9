"""How the board's cost grows with a person's history: a measurement, not a test.

Run `PYTHONPATH=functions .venv/bin/python -m tests.e2e.measure_board [runs]` from the repository
root (the seeding counts statistics with the functions package) against the
running stack (`make dev`; TASKLY_BASE_URL, default http://127.0.0.1:5000). For a board of 30
tasks and one of 2,000 (a year of use, a third of them done), it prints:

- "to cards": from the start of a reload until the first frame after the board marks itself
  drawn from its first snapshot (`#board[data-state="ready"]`: every open column drawn, a long
  one as far as the screen shows), from performance.now() in the page, the median of `runs`
  reloads, and where that snapshot came from (`data-source`: "cache" or "server");
- "in DOM": the card elements in the page once it is ready (a long column draws only the
  cards near the screen);
- "reads": the Firestore documents the page's listeners returned on open (Firestore bills one
  read per document returned): the open tasks, the recent Done page, the statistics document;
- "quick add": Enter in quick add to the first frame with the card (see measure_quick_add).
"""

import statistics
import sys
from datetime import UTC, datetime

from google.cloud import firestore
from playwright.sync_api import Page, sync_playwright

from tests.support.boards import seed_board, year_of_tasks
from tests.support.people import sign_up
from tests.support.stack import APP_URL, PROJECT

from .chromium import DESKTOP, launch
from .measure_quick_add import time_quick_adds
from .ui import sign_in

DONE_SHARE = 1 / 3
QUICK_ADDS = 10

# Installed before the page's own scripts: stamps the first frame after the board says it is
# drawn from its first snapshot.
READY_PROBE = """
(() => {
  const ready = () => document.querySelector('#board[data-state="ready"]');
  // Watched from the very start of the document, so no change can come before it.
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.boardReadyAt = performance.now(); });
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
})();
"""


def _time_to_cards(page: Page, runs: int) -> tuple[list[float], str]:
    times = []
    for _ in range(runs):
        page.reload()
        page.wait_for_function("window.boardReadyAt !== undefined", timeout=60_000)
        times.append(page.evaluate("window.boardReadyAt"))
    return times, page.locator("#board").get_attribute("data-source") or "?"


def _reads(page: Page) -> int:
    counts = page.evaluate(
        """['todo', 'doing'].map((status) =>
          Number(document.querySelector(`.column[data-status="${status}"] .count`).textContent))"""
    )
    done_page = page.locator('.column[data-status="done"] .card').count()
    return sum(counts) + done_page + 1  # and the statistics document


def _quick_adds(page: Page) -> list[float]:
    return [s["visible"] - s["enter"] for s in time_quick_adds(page, QUICK_ADDS)]


def measure(page: Page, db: firestore.Client, tasks: int, runs: int) -> str:
    person = sign_up("Measure")
    now = datetime.now(UTC)
    seed_board(db, person.uid, year_of_tasks(tasks, DONE_SHARE, now))
    open_cards = tasks - round(tasks * DONE_SHARE)
    sign_in(page, person.email, person.password)
    times, source = _time_to_cards(page, runs)
    to_cards = statistics.median(times)
    in_dom = page.locator(".card").count()
    reads = _reads(page)
    adds = sorted(_quick_adds(page))
    return (
        f"{tasks:>6,} tasks ({open_cards:,} open)   to cards {to_cards:7.0f} ms ({source})   "
        f"in DOM {in_dom:5,} cards   reads {reads:6,}   "
        f"quick add median {statistics.median(adds):5.1f} ms, max {adds[-1]:5.1f} ms"
    )


def main(runs: int) -> None:
    db = firestore.Client(project=PROJECT)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        lines = []
        for tasks in (30, 2_000):
            # The probes are evaluated strings, which the CSP (rightly) forbids the page itself.
            context = browser.new_context(base_url=APP_URL, viewport=DESKTOP, bypass_csp=True)
            context.add_init_script(READY_PROBE)
            lines.append(measure(context.new_page(), db, tasks, runs))
            context.close()
        browser.close()
    print(f"Board on {APP_URL}, a third of the tasks done, median of {runs} reloads:")
    for line in lines:
        print(line)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
