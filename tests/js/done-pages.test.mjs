import assert from "node:assert/strict";
import { test } from "node:test";
import {
  noDonePages,
  olderPageArrived,
  olderPageFailed,
  olderPageLoading,
  recentPageArrived,
  withoutOlder,
} from "../../hosting/src/board/done-pages.js";
import { aDoneTask } from "./support/tasks.mjs";

const byId = (tasks) => new Map(tasks.map((task) => [task.id, task]));
// Most recently finished first, as the listener's query orders them.
const doneAt = (...minutes) => minutes.map((minute) => aDoneTask(minute));
/** The recent page as the listener delivers it. */
const recent = (tasks, cursor, full = true) => ({ rows: byId(tasks), cursor, full });

test("before any older page, the recent page says whether there is more and where it ends", () => {
  const full = recentPageArrived(noDonePages(), null, recent(doneAt(3, 2), "c2"));
  assert.equal(full.hasMore, true);
  assert.equal(full.cursor, "c2");
  const short = recentPageArrived(full, null, recent(doneAt(3), "c3", false));
  assert.equal(short.hasMore, false);
  assert.equal(short.cursor, "c3");
  assert.equal(short.older.size, 0);
});

test("an older page adds its tasks and takes over the cursor and whether there is more", () => {
  let pages = recentPageArrived(noDonePages(), null, recent(doneAt(9, 8), "c8"));
  pages = olderPageLoading(pages);
  assert.equal(pages.loading, true);
  const older = doneAt(7, 6);
  pages = olderPageArrived(pages, { rows: older, cursor: "c6", full: true });
  assert.deepEqual([...pages.older.keys()], older.map((task) => task.id));
  assert.equal(pages.cursor, "c6");
  assert.equal(pages.hasMore, true);
  assert.equal(pages.loading, false);

  pages = olderPageArrived(pages, { rows: doneAt(5), cursor: "c5", full: false });
  assert.equal(pages.older.size, 3);
  assert.equal(pages.hasMore, false);

  // The recent page no longer decides once older pages are read.
  const latest = doneAt(10, 9);
  pages = recentPageArrived(pages, byId(latest), recent(latest, "c9"));
  assert.equal(pages.cursor, "c5");
  assert.equal(pages.hasMore, false);
});

test("an empty older page ends the paging, and keeps the cursor it had", () => {
  let pages = recentPageArrived(noDonePages(), null, recent(doneAt(2, 1), "c1"));
  pages = olderPageArrived(pages, { rows: [], cursor: null, full: false });
  assert.equal(pages.hasMore, false);
  assert.equal(pages.cursor, "c1");
});

test("a task pushed off the full recent page by a newer one stays, among the older", () => {
  const [newest, middle, oldest] = doneAt(10, 9, 8);
  let pages = olderPageArrived(noDonePages(), { rows: doneAt(5), cursor: "c5", full: true });
  const before = byId([middle, oldest]);
  pages = recentPageArrived(pages, before, recent([newest, middle], "x"));
  assert.ok(pages.older.has(oldest.id));
});

test("a task that left the recent page otherwise (reopened, deleted) is not kept", () => {
  const [a, b, c, d] = doneAt(10, 9, 8, 4);
  let pages = olderPageArrived(noDonePages(), { rows: [d], cursor: "c4", full: true });
  // b was reopened elsewhere: d slides up from the older pages into the recent one.
  pages = recentPageArrived(pages, byId([a, b, c]), recent([a, c, d], "x"));
  assert.equal(pages.older.has(b.id), false);
  // A recent page that is not full pushes nothing off.
  pages = recentPageArrived(pages, byId([a, c, d]), recent([a], "x", false));
  assert.deepEqual([...pages.older.keys()], [d.id]);
});

test("until older pages are read, nothing pushed off is kept", () => {
  const [a, b] = doneAt(10, 9);
  const pages = recentPageArrived(noDonePages(), byId([b]), recent([a], "x"));
  assert.equal(pages.older.size, 0);
});

test("a failed read stops loading and changes nothing else", () => {
  const pages = olderPageLoading(noDonePages());
  assert.deepEqual(olderPageFailed(pages), noDonePages());
});

test("a deleted task leaves the older pages; another id leaves them as they were", () => {
  const [a, b] = doneAt(3, 2);
  const pages = olderPageArrived(noDonePages(), { rows: [a, b], cursor: "c", full: false });
  assert.deepEqual([...withoutOlder(pages, a.id).older.keys()], [b.id]);
  assert.equal(withoutOlder(pages, "nope"), pages);
  assert.equal(pages.older.size, 2); // never changed in place
});
