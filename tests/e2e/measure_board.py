"""How the board's cost grows with a person's history, with and without the device's cache:
a measurement, not a test.

Run `PYTHONPATH=functions .venv/bin/python -m tests.e2e.measure_board [runs]` from the repository
root (the seeding counts statistics with the functions package) against the running stack
(`make dev`; TASKLY_BASE_URL, default http://127.0.0.1:5000); `runs` (default 5) is the number
of reloads each row's times are the median of. It takes several minutes.

Each board (30 tasks, and 2,000: a year of use, a third of them done, seeded with
tests.support.boards) belongs to a fresh person and is opened twice: with the cache off (signed
in without "Keep me signed in on this device": Firestore's cache lives in the page's memory,
so every reload reads the board from the server), and with it on (the box ticked: the first
sign-in fills the IndexedDB cache, and the measured reloads open from it). Each is measured at
CPU throttle 1x and 4x (Chrome's Emulation.setCPUThrottlingRate; 4x is a mid-range phone).
The columns:

- "signed in" and "snapshot": when, from the start of a reload, the page had the person's
  sign-in back and when the open tasks' first snapshot was delivered (the page's performance
  marks "taskly:signed-in" and "taskly:first-snapshot"); the medians of `runs`;
- "ready ms": from the start of a reload until the first frame after the board marks itself
  drawn from its first snapshot (`#board[data-state="ready"]`: every open column drawn, a long
  one as far as the screen shows), from performance.now() in the page; the median of `runs`;
- "source": where that first snapshot came from (`#board[data-source]`: "cache" or "server";
  both, if the reloads differed);
- "DOM cards": the card elements in the page once it is ready (a long column draws only the
  cards near the screen);
- "listen KB": the bytes the page received on Firestore's Listen channel (the WebChannel the
  listeners share, seen through the DevTools protocol's Network domain) from the start of a
  reload until 2 s after it was ready; the median of `runs`. A warm reopen that downloads only
  what changed stays small however long the board is;
- "reads" (cache off): what Firestore bills on open, one read per document returned: the
  open columns' first pages (the rows the page's "taskly:first-snapshot" mark says each column
  read), the recent Done page, the statistics document; and for each open column counted on
  the server (it has more than it read), one read per 1,000 tasks counted;
- "add med" / "add max": Enter in quick add to the first frame with the card (see
  measure_quick_add), the median and the slowest of QUICK_ADDS adds, after a fresh reload at
  that throttle. They come after the reload timings (the adds grow the board).

Ratio lines close the table, for each throttle, each with its goal and "met" or "not met".
"""

import math
import statistics
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from google.cloud import firestore
from playwright.sync_api import Browser, CDPSession, Page, sync_playwright

from tests.support.boards import seed_board, year_of_tasks
from tests.support.people import Person, sign_up
from tests.support.stack import APP_URL, PROJECT

from .chromium import DESKTOP, launch
from .measure_quick_add import time_quick_adds
from .ui import sign_in, wait_for_board

SIZES = (30, 2_000)
SMALL, LARGE = SIZES
RATES = (1, 4)
DONE_SHARE = 1 / 3
QUICK_ADDS = 8
# After a board is ready, how long its Listen channel is still counted (late answers: the
# Done page, the statistics, a resumed listen's catching up).
SETTLE_MS = 2_000
# 2,000 documents can take the shared emulator a while to read, more so at 4x.
READY_TIMEOUT_MS = 90_000
LISTEN_CHANNEL = "/Listen/channel"

# The goals.
CACHED_RATIO_GOAL = 1.5
CACHED_READY_GOAL_MS = 400
UNCACHED_RATIO_GOAL = 2.0
QUICK_ADD_GOAL_MS = 16
DOM_CARDS_GOAL = 300

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


# The page's own marks (pages/board.js, board/board-listeners.js): the sign-in restored, and the
# open tasks' first snapshot delivered.
MARKS = """['taskly:signed-in', 'taskly:first-snapshot']
  .map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN)"""


class ListenTraffic:
    """The bytes the page receives on Firestore's Listen channel since `restart()`, from the
    DevTools protocol's Network events (a channel is several requests, each counted)."""

    def __init__(self, cdp: CDPSession) -> None:
        self._requests: set[str] = set()
        self.bytes = 0
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.dataReceived", self._received)
        cdp.send("Network.enable")

    def _sent(self, event: dict[str, Any]) -> None:
        if LISTEN_CHANNEL in event["request"]["url"]:
            self._requests.add(event["requestId"])

    def _received(self, event: dict[str, Any]) -> None:
        if event["requestId"] in self._requests:
            self.bytes += event["dataLength"]

    def restart(self) -> None:
        self.bytes = 0


@dataclass(frozen=True)
class Reload:
    signed_in_ms: float
    snapshot_ms: float
    ready_ms: float
    source: str
    listen_bytes: int


@dataclass(frozen=True)
class Opening:
    """A board's reloads at one throttle, and the page once the last was ready."""

    reloads: list[Reload]
    in_dom: int
    reads: int


@dataclass(frozen=True)
class Row:
    tasks: int
    cached: bool
    rate: int
    opening: Opening
    adds: list[float]

    @property
    def ready_ms(self) -> float:
        return statistics.median(reload.ready_ms for reload in self.opening.reloads)

    @property
    def signed_in_ms(self) -> float:
        return statistics.median(reload.signed_in_ms for reload in self.opening.reloads)

    @property
    def snapshot_ms(self) -> float:
        return statistics.median(reload.snapshot_ms for reload in self.opening.reloads)

    @property
    def source(self) -> str:
        return "/".join(sorted({reload.source for reload in self.opening.reloads}))

    @property
    def listen_kb(self) -> float:
        return statistics.median(reload.listen_bytes for reload in self.opening.reloads) / 1024

    @property
    def add_median(self) -> float:
        return statistics.median(self.adds)

    @property
    def add_max(self) -> float:
        return max(self.adds)


def _throttle(cdp: CDPSession, rate: int) -> None:
    """Slows the page's CPU `rate` times (it stays so across reloads)."""
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})


def _reload(page: Page, traffic: ListenTraffic) -> Reload:
    traffic.restart()
    page.reload()
    page.wait_for_function("window.boardReadyAt !== undefined", timeout=READY_TIMEOUT_MS)
    ready_ms = page.evaluate("window.boardReadyAt")
    signed_in_ms, snapshot_ms = page.evaluate(MARKS)
    page.wait_for_timeout(SETTLE_MS)
    source = page.locator("#board").get_attribute("data-source") or "?"
    return Reload(signed_in_ms, snapshot_ms, ready_ms, source, traffic.bytes)


def _reads(page: Page) -> int:
    columns = page.evaluate(
        """() => {
          const { rows } = performance.getEntriesByName('taskly:first-snapshot')[0].detail;
          return Object.entries(rows).map(([status, read]) => [read, Number.parseInt(
            document.querySelector(`.column[data-status="${status}"] .count`).textContent)]);
        }"""
    )
    counted = sum(max(1, math.ceil(count / 1000)) for read, count in columns if count > read)
    done_page = page.locator('.column[data-status="done"] .card').count()
    rows = sum(read for read, _ in columns)
    return rows + done_page + 1 + counted  # and the statistics document


def _open(page: Page, traffic: ListenTraffic, runs: int) -> Opening:
    reloads = [_reload(page, traffic) for _ in range(runs)]
    return Opening(reloads, page.locator(".card").count(), _reads(page))


def _quick_adds(page: Page) -> list[float]:
    """Quick adds on a freshly reloaded board (one probe in the page)."""
    page.reload()
    wait_for_board(page, READY_TIMEOUT_MS)
    return [s["visible"] - s["enter"] for s in time_quick_adds(page, QUICK_ADDS)]


def _seeded_person(db: firestore.Client, tasks: int) -> Person:
    person = sign_up("Measure")
    seed_board(db, person.uid, year_of_tasks(tasks, DONE_SHARE, datetime.now(UTC)))
    return person


def measure(
    browser: Browser, db: firestore.Client, tasks: int, cached: bool, runs: int
) -> list[Row]:
    """One board of `tasks`, opened with the cache off or on, at each throttle."""
    person = _seeded_person(db, tasks)
    # The probes are evaluated strings, which the CSP (rightly) forbids the page itself.
    context = browser.new_context(base_url=APP_URL, viewport=DESKTOP, bypass_csp=True)
    context.add_init_script(READY_PROBE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    traffic = ListenTraffic(cdp)
    sign_in(page, person.email, person.password, READY_TIMEOUT_MS, keep=cached)
    page.wait_for_timeout(SETTLE_MS)  # kept, the first snapshot is in the cache by now
    openings = {}
    for rate in RATES:
        _throttle(cdp, rate)
        openings[rate] = _open(page, traffic, runs)
    rows = []
    for rate in RATES:
        _throttle(cdp, rate)
        rows.append(Row(tasks, cached, rate, openings[rate], _quick_adds(page)))
    context.close()
    return rows


HEADER = (
    f"{'tasks':>6}  {'cache':<5}  {'CPU':>3}  {'signed in':>9}  {'snapshot':>8}  "
    f"{'ready ms':>8}  {'source':<12}  "
    f"{'DOM cards':>9}  {'listen KB':>9}  {'reads':>6}  {'add med':>7}  {'add max':>7}"
)


def format_row(row: Row) -> str:
    reads = "-" if row.cached else f"{row.opening.reads:,}"
    return (
        f"{row.tasks:>6,}  {'on' if row.cached else 'off':<5}  {row.rate:>2}x  "
        f"{row.signed_in_ms:>9.0f}  {row.snapshot_ms:>8.0f}  "
        f"{row.ready_ms:>8.0f}  {row.source:<12}  {row.opening.in_dom:>9,}  "
        f"{row.listen_kb:>9.1f}  {reads:>6}  {row.add_median:>7.1f}  {row.add_max:>7.1f}"
    )


def _met(met: bool) -> str:
    return "met" if met else "not met"


def _find(rows: Iterable[Row], tasks: int, cached: bool, rate: int) -> Row:
    return next(r for r in rows if (r.tasks, r.cached, r.rate) == (tasks, cached, rate))


def _growth(rows: list[Row], cached: bool, rate: int) -> tuple[float, Row, Row]:
    small, large = _find(rows, SMALL, cached, rate), _find(rows, LARGE, cached, rate)
    return large.ready_ms / small.ready_ms, small, large


def ratio_lines(rows: list[Row], rate: int) -> list[str]:
    """The goals at one throttle, each "met" or "not met"."""
    on, on_small, on_large = _growth(rows, True, rate)
    off, off_small, off_large = _growth(rows, False, rate)
    large = [_find(rows, LARGE, cached, rate) for cached in (False, True)]
    adds = ", ".join(
        f"median {r.add_median:.1f} ms max {r.add_max:.1f} ms (cache {'on' if r.cached else 'off'})"
        for r in large
    )
    cards = ", ".join(f"{r.opening.in_dom:,} (cache {'on' if r.cached else 'off'})" for r in large)
    cached_met = on <= CACHED_RATIO_GOAL and on_large.ready_ms < CACHED_READY_GOAL_MS
    add_met = all(r.add_median <= QUICK_ADD_GOAL_MS for r in large)
    return [
        f"CPU {rate}x:",
        f"  cache on, {LARGE:,} vs {SMALL} tasks: {on:.2f}x ({on_large.ready_ms:.0f} vs "
        f"{on_small.ready_ms:.0f} ms); goal ≤{CACHED_RATIO_GOAL}x and "
        f"<{CACHED_READY_GOAL_MS} ms: {_met(cached_met)}",
        f"  cache off, {LARGE:,} vs {SMALL} tasks: {off:.2f}x ({off_large.ready_ms:.0f} vs "
        f"{off_small.ready_ms:.0f} ms); goal ≤{UNCACHED_RATIO_GOAL:g}x: "
        f"{_met(off <= UNCACHED_RATIO_GOAL)}",
        f"  quick add at {LARGE:,} tasks: {adds}; goal median ≤{QUICK_ADD_GOAL_MS} ms: "
        f"{_met(add_met)}",
        f"  DOM cards at {LARGE:,} tasks: {cards}; goal <{DOM_CARDS_GOAL}: "
        f"{_met(all(r.opening.in_dom < DOM_CARDS_GOAL for r in large))}",
    ]


def report(rows: list[Row], runs: int) -> str:
    lines = [
        f"Board on {APP_URL}, a third of the tasks done; median of {runs} reloads, "
        f"{QUICK_ADDS} quick adds (ms):",
        HEADER,
        *(format_row(row) for row in rows),
    ]
    for rate in RATES:
        lines += ratio_lines(rows, rate)
    return "\n".join(lines)


def main(runs: int) -> None:
    db = firestore.Client(project=PROJECT)
    rows: list[Row] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for tasks in SIZES:
            for cached in (False, True):
                rows += measure(browser, db, tasks, cached, runs)
        browser.close()
    print(report(rows, runs))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
