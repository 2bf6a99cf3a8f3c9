import assert from "node:assert/strict";
import { test } from "node:test";
import {
  answerArrived,
  loadFailed,
  noServerRows,
  olderDoneArrived,
  rowsArrived,
  rowsLoaded,
  serverTasks,
} from "../../hosting/src/board/server-rows.js";
import { aDoneTask, aTask, changed } from "./support/tasks.mjs";

const recent = (rows, full = false) => ({ rows, cursor: rows.at(-1)?.id ?? null, full });
const loaded = (open = [], done = []) => rowsArrived(noServerRows(), { open, done: recent(done) });
const shown = (server) => Object.fromEntries(serverTasks(server));

test("the board is loaded once both live listeners have spoken", () => {
  const openOnly = rowsArrived(noServerRows(), { open: [] });
  assert.equal(rowsLoaded(openOnly), false);
  assert.equal(rowsLoaded(rowsArrived(openOnly, { done: recent([]) })), true);
});

test("each listener's rows replace its own, and leave the other's alone", () => {
  const [a, b] = [aTask(), aTask()];
  const done = aDoneTask(50);
  let server = loaded([a, b], [done]);
  server = rowsArrived(server, { open: [b] });
  assert.deepEqual(Object.keys(shown(server)).sort(), [b.id, done.id].sort());
});

test("rows clear an earlier load error", () => {
  const failed = loadFailed(loaded(), new Error("offline"));
  assert.equal(failed.loadError.message, "offline");
  assert.equal(rowsArrived(failed, { open: [] }).loadError, null);
});

test("a task in two sources at once is the copy updated last", () => {
  const task = aTask();
  const moved = changed(task, 90, { status: "done", done_at: task.created_at });
  // Moving into Done: the open query still has the old copy, the done query the new one.
  assert.equal(shown(loaded([task], [moved]))[task.id], moved);
  const reopened = changed(moved, 95, { status: "todo" });
  assert.equal(shown(loaded([reopened], [moved]))[task.id], reopened);
});

test("an answer ahead of the listeners shows until they catch up", () => {
  const task = aTask();
  let server = loaded([task]);
  const answer = changed(task, 60, { description: "New text" });
  server = answerArrived(server, task.id, answer);
  assert.equal(shown(server)[task.id], answer);
  // The listener's copy from before the change does not undo it.
  server = rowsArrived(server, { open: [task] });
  assert.equal(shown(server)[task.id], answer);
  // Caught up: the listener's copy, and the answer is let go.
  const row = { ...answer };
  server = rowsArrived(server, { open: [row] });
  assert.equal(shown(server)[task.id], row);
  assert.equal(server.answers.size, 0);
});

test("an answer the listeners already overtook is not kept", () => {
  const task = aTask();
  const newer = changed(task, 70, { description: "From elsewhere" });
  const mine = changed(task, 60, { description: "Mine" });
  const server = answerArrived(loaded([newer]), task.id, mine);
  assert.equal(shown(server)[task.id], newer);
  assert.equal(server.answers.size, 0);
});

test("a created task's answer stands until the listener first has it", () => {
  const created = aTask();
  let server = answerArrived(loaded(), created.id, created);
  assert.equal(shown(server)[created.id], created);
  server = rowsArrived(server, { open: [] }); // a snapshot from before the create
  assert.equal(shown(server)[created.id], created);
  server = rowsArrived(server, { open: [created] });
  assert.equal(server.answers.size, 0);
});

test("a task the listeners had and let go is gone, whatever an answer said", () => {
  const task = aTask();
  let server = answerArrived(loaded([task]), task.id, changed(task, 60, { description: "Mine" }));
  server = rowsArrived(server, { open: [] }); // deleted elsewhere
  assert.equal(task.id in shown(server), false);
  assert.equal(server.answers.size, 0);
});

test("a delete's answer hides the task until the listeners let it go", () => {
  const task = aTask();
  let server = answerArrived(loaded([task]), task.id, null);
  assert.equal(task.id in shown(server), false);
  server = rowsArrived(server, { open: [task] }); // not caught up yet
  assert.equal(task.id in shown(server), false);
  server = rowsArrived(server, { open: [] });
  assert.equal(server.answers.size, 0);
  assert.deepEqual(shown(server), {});
});

test("a delete's answer takes the task off the older Done pages too", () => {
  const old = aDoneTask(5);
  let server = loaded([], [aDoneTask(10)]);
  server = olderDoneArrived(server, { rows: [old], cursor: "c", full: false });
  assert.ok(old.id in shown(server));
  server = answerArrived(server, old.id, null);
  assert.equal(old.id in shown(server), false);
  assert.equal(server.donePages.older.has(old.id), false);
  assert.equal(server.answers.size, 0); // nothing left to hide
});

test("an answer for a task of an older page stands over the page's copy", () => {
  const old = aDoneTask(5);
  let server = olderDoneArrived(loaded(), { rows: [old], cursor: "c", full: false });
  const edited = changed(old, 80, { description: "Renamed" });
  server = answerArrived(server, old.id, edited);
  assert.equal(shown(server)[old.id], edited);
});

test("the value is never changed in place", () => {
  const task = aTask();
  const server = loaded([task]);
  const frozen = JSON.stringify([...server.open]);
  answerArrived(server, task.id, changed(task, 60, { description: "x" }));
  rowsArrived(server, { open: [] });
  assert.equal(server.answers.size, 0);
  assert.equal(JSON.stringify([...server.open]), frozen);
  assert.equal(server.seen.size, 1);
});
