import "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { createTaskStore } from "../../hosting/src/board/task-store.js";
import { aDoneTask, aTask, apiError, at, changed, scriptedApi, settled } from "./support/tasks.mjs";

const NOW = new Date("2026-03-02T12:00:00Z");

/** A store on a scripted API, its listeners having delivered `open` and `done`; `boards` are
 * the boards it handed its subscriber. */
function storeWith({ open = [], done = [], full = false } = {}) {
  const api = scriptedApi();
  let made = 0;
  const store = createTaskStore({ api, newId: () => `new-${++made}`, now: () => NOW });
  const boards = [];
  store.subscribe((board) => boards.push(board));
  store.receiveRows({ open, done: { rows: done, cursor: done.at(-1)?.id ?? null, full } });
  return { api, store, boards, board: () => store.current() };
}

const texts = (board, status) => board.columns[status].map((task) => task.description);
const swallow = (promise) => promise.catch(() => {});

test("a subscriber gets the board at once, and again after every change", () => {
  const { store, boards } = storeWith();
  const seen = [];
  store.subscribe((board) => seen.push(board));
  assert.equal(seen[0], store.current());
  store.receiveRows({ open: [aTask()] });
  assert.equal(seen.length, 2);
  assert.equal(boards.at(-1), seen[1]);
});

test("an add shows at once and goes out under the id chosen here", async () => {
  const { api, store, board } = storeWith();
  const added = store.add("Buy milk");
  assert.deepEqual(texts(board(), "todo"), ["Buy milk"]);
  assert.equal(board().saving, true);
  await settled();
  const put = api.take("put", "/api/tasks/new-1");
  assert.deepEqual(put.body, { description: "Buy milk" });

  const answer = aTask({ id: "new-1", description: "Buy milk", updated_at: at(500) });
  put.answer(answer);
  assert.equal(await added, answer);
  assert.equal(board().tasks.get("new-1"), answer);
  assert.equal(board().saving, false);
  assert.equal(board().lastSaveFailed, false);
});

test("an add the API refuses goes away, and the promise says why", async () => {
  const { api, store, board } = storeWith();
  const added = store.add("Offline idea");
  await settled();
  api.take("put", "/api/tasks/new-1").refuse(apiError(0, "Can't reach Taskly"));
  await assert.rejects(added, /Can't reach Taskly/);
  assert.equal(board().tasks.size, 0);
  assert.equal(board().lastSaveFailed, true);
  assert.equal(board().saving, false);
});

test("adds go out one at a time, in the order they were typed", async () => {
  const { api, store, board } = storeWith();
  const first = store.add("First");
  const second = swallow(store.add("Second"));
  assert.deepEqual(texts(board(), "todo").sort(), ["First", "Second"]);
  await settled();
  const put1 = api.take("put", "/api/tasks/new-1");
  assert.equal(api.calls.length, 0); // the second waits
  put1.refuse(apiError(500, "Oops")); // a failed create does not hold up the next
  await assert.rejects(first);
  await settled();
  api.take("put", "/api/tasks/new-2").answer(aTask({ id: "new-2", description: "Second" }));
  await second;
  assert.deepEqual(texts(board(), "todo"), ["Second"]);
});

test("a change to a task still being created waits for the create, then goes out", async () => {
  const { api, store, board } = storeWith();
  const added = store.add("Call mum");
  const moved = store.move("new-1", "doing");
  assert.deepEqual(texts(board(), "doing"), ["Call mum"]);
  await settled();
  const put = api.take("put", "/api/tasks/new-1");
  assert.equal(api.calls.length, 0);
  const created = aTask({ id: "new-1", description: "Call mum", updated_at: at(600) });
  put.answer(created);
  await added;
  await settled();
  const patch = api.take("patch", "/api/tasks/new-1");
  assert.deepEqual(patch.body, { status: "doing" });
  assert.deepEqual(texts(board(), "doing"), ["Call mum"]); // still shown as moved meanwhile
  patch.answer(changed(created, 601, { status: "doing" }));
  await moved;
  assert.deepEqual(texts(board(), "doing"), ["Call mum"]);
  assert.equal(board().saving, false);
});

test("a change to a task whose create failed fails too", async () => {
  const { api, store } = storeWith();
  const added = store.add("Doomed");
  const edited = store.edit("new-1", "Doomed twice", "Doomed");
  await settled();
  api.take("put", "/api/tasks/new-1").refuse(apiError(400, "Refused"));
  await assert.rejects(added, /Refused/);
  await assert.rejects(edited, /Refused/);
  assert.equal(api.calls.length, 0);
});

test("an edit shows at once and sends the text it started from", async () => {
  const task = aTask({ description: "Old" });
  const { api, store, board } = storeWith({ open: [task] });
  const edited = store.edit(task.id, "New", "Old");
  assert.equal(board().tasks.get(task.id).description, "New");
  const patch = api.take("patch", `/api/tasks/${task.id}`);
  assert.deepEqual(patch.body, { description: "New", previous_description: "Old" });
  patch.answer(changed(task, 700, { description: "New" }));
  await edited;
  assert.equal(board().tasks.get(task.id).description, "New");
});

test("an edit refused as changed elsewhere drops back to the server's text", async () => {
  const task = aTask({ description: "Plan the trip" });
  const { api, store, board } = storeWith({ open: [task] });
  const edited = store.edit(task.id, "Plan the trip to Rome", "Plan the trip");
  // Meanwhile the listener brings the text saved elsewhere.
  const theirs = changed(task, 700, { description: "Plan the trip to Oslo" });
  store.receiveRows({ open: [theirs] });
  assert.equal(board().tasks.get(task.id).description, "Plan the trip to Rome"); // mine, pending
  api.take("patch", `/api/tasks/${task.id}`).refuse(apiError(409, "Changed", "description"));
  await assert.rejects(edited, (error) => error.status === 409);
  assert.equal(board().tasks.get(task.id), theirs);
});

test("a move the API refuses goes back to where the server has it", async () => {
  const task = aTask();
  const { api, store, board } = storeWith({ open: [task] });
  const moved = store.move(task.id, "doing");
  assert.deepEqual(texts(board(), "doing"), [task.description]);
  const refusal = apiError(400, "Status change refused.", "status");
  api.take("patch", `/api/tasks/${task.id}`).refuse(refusal);
  await assert.rejects(moved, /Status change refused/);
  assert.deepEqual(texts(board(), "todo"), [task.description]);
  assert.equal(board().tasks.get(task.id), task); // the same object as before the move
  assert.equal(board().lastSaveFailed, true);
});

test("a refused change drops only its own overlay; the changes after it stay", async () => {
  const task = aTask({ description: "Old" });
  const { api, store, board } = storeWith({ open: [task] });
  const moved = store.move(task.id, "doing");
  const edited = store.edit(task.id, "New", "Old");
  assert.deepEqual(
    [board().tasks.get(task.id).status, board().tasks.get(task.id).description],
    ["doing", "New"],
  );
  const patchMove = api.take("patch", `/api/tasks/${task.id}`);
  patchMove.refuse(apiError(400, "No"));
  await assert.rejects(moved);
  // The edit goes out once the move before it is answered.
  const patchEdit = api.take("patch", `/api/tasks/${task.id}`);
  assert.equal(board().tasks.get(task.id).status, "todo");
  assert.equal(board().tasks.get(task.id).description, "New"); // still pending
  assert.equal(board().saving, true);
  patchEdit.answer(changed(task, 900, { description: "New" }));
  await edited;
  assert.equal(board().tasks.get(task.id).description, "New");
  assert.equal(board().lastSaveFailed, false); // the last change was saved
  assert.equal(board().saving, false);
});

test("one task's changes reach the server in the order they were made", async () => {
  const task = aTask();
  const { api, store, board } = storeWith({ open: [task] });
  const done = store.move(task.id, "done");
  const reopened = store.move(task.id, "todo");
  const first = api.take("patch", `/api/tasks/${task.id}`);
  assert.deepEqual(first.body, { status: "done" });
  await settled();
  assert.equal(api.calls.length, 0, "the second waits for the first's answer");
  first.answer(changed(task, 10, { status: "done" }));
  await done;
  await settled();
  const second = api.take("patch", `/api/tasks/${task.id}`);
  assert.deepEqual(second.body, { status: "todo" });
  second.answer(changed(task, 20, { status: "todo" }));
  await reopened;
  assert.equal(board().tasks.get(task.id).status, "todo");
});

test("the listener before the answer: the move shows throughout", async () => {
  const task = aTask();
  const { api, store, boards } = storeWith({ open: [task] });
  const from = boards.length;
  const moved = store.move(task.id, "done");
  const doneCopy = changed(task, 800, { status: "done", done_at: at(800) });
  // One change: it leaves the open query and joins the done one, delivered together.
  store.receiveRows({ open: [], done: { rows: [doneCopy], cursor: null, full: false } });
  api.take("patch", `/api/tasks/${task.id}`).answer({ ...doneCopy });
  await moved;
  for (const board of boards.slice(from)) {
    assert.equal(board.tasks.get(task.id).status, "done");
    assert.equal(board.columns.todo.length, 0);
  }
  assert.deepEqual(store.current().tasks.get(task.id), doneCopy);
});

test("the answer before the listener: the listener's older copy doesn't undo it", async () => {
  const task = aTask();
  const { api, store, board } = storeWith({ open: [task] });
  const moved = store.move(task.id, "doing");
  const answer = changed(task, 800, { status: "doing" });
  api.take("patch", `/api/tasks/${task.id}`).answer(answer);
  await moved;
  store.receiveRows({ open: [{ ...task }] }); // a snapshot from before the move
  assert.deepEqual(texts(board(), "doing"), [task.description]);
  store.receiveRows({ open: [{ ...answer }] });
  assert.equal(board().tasks.get(task.id), answer); // the same task to the view
  // A later change made elsewhere wins over the answer.
  const later = changed(task, 900, { status: "todo" });
  store.receiveRows({ open: [later] });
  assert.equal(board().tasks.get(task.id), later);
});

test("reminders switch the task's channels at once and send the switches", async () => {
  const task = aTask();
  const { api, store, board } = storeWith({ open: [task] });
  const switched = store.setReminders(task.id, { email: true, sms: false });
  assert.equal(board().tasks.get(task.id).notify_email, true);
  assert.equal(board().tasks.get(task.id).notify_sms, false);
  const put = api.take("put", `/api/tasks/${task.id}/reminders`);
  assert.deepEqual(put.body, { email: true, sms: false });
  put.answer(changed(task, 900, { notify_email: true, next_reminder_at: at(2000) }));
  await switched;
  assert.equal(board().tasks.get(task.id).next_reminder_at, at(2000));
});

test("a delete hides the task at once and sends nothing until committed", async () => {
  const [task, other] = [aTask(), aTask()];
  const { api, store, board } = storeWith({ open: [task, other] });
  const pending = store.remove(task.id);
  assert.equal(board().tasks.has(task.id), false);
  assert.equal(board().saving, false); // waiting in its undo window
  await settled();
  assert.equal(api.calls.length, 0);

  const committed = pending.commit();
  assert.equal(board().saving, true);
  const request = api.take("delete", `/api/tasks/${task.id}`);
  request.answer(null);
  await committed;
  assert.equal(board().saving, false);
  // The listener has not caught up: the task stays hidden, and is gone once it has.
  store.receiveRows({ open: [task, other] });
  assert.equal(board().tasks.has(task.id), false);
  store.receiveRows({ open: [other] });
  assert.deepEqual([...board().tasks.keys()], [other.id]);
});

test("undo brings the task back as it was, and nothing is sent", async () => {
  const task = aTask();
  const { api, store, board } = storeWith({ open: [task] });
  const pending = store.remove(task.id);
  pending.undo();
  assert.equal(board().tasks.get(task.id), task);
  await pending.commit(); // too late: undone
  await store.flushDeletes();
  assert.equal(api.calls.length, 0);
});

test("a delete the API refuses brings the task back", async () => {
  const task = aTask();
  const { api, store, board } = storeWith({ open: [task] });
  const committed = store.remove(task.id).commit();
  api.take("delete", `/api/tasks/${task.id}`).refuse(apiError(500, "Oops"));
  await assert.rejects(committed, /Oops/);
  assert.equal(board().tasks.get(task.id), task);
  assert.equal(board().lastSaveFailed, true);
});

test("deletes still in their undo window are sent when the page goes, each once", async () => {
  const [a, b, c] = [aTask(), aTask(), aTask()];
  const { api, store } = storeWith({ open: [a, b, c] });
  const first = store.remove(a.id);
  store.remove(b.id);
  store.remove(c.id).undo();
  const committed = first.commit();
  api.take("delete", `/api/tasks/${a.id}`).answer(null);
  const flushed = store.flushDeletes({ keepalive: true });
  const request = api.take("delete", `/api/tasks/${b.id}`);
  assert.deepEqual(request.body, { keepalive: true });
  assert.equal(api.calls.length, 0);
  request.answer(null);
  await Promise.all([committed, flushed]);
  assert.equal(first.commit(), committed); // committing again sends nothing more
  assert.equal(api.calls.length, 0);
});

test("a delete of a task still being created waits for the create", async () => {
  const { api, store, board } = storeWith();
  const added = store.add("Short-lived");
  const committed = store.remove("new-1").commit();
  assert.equal(board().tasks.size, 0);
  await settled();
  api.take("put", "/api/tasks/new-1").answer(aTask({ id: "new-1", description: "Short-lived" }));
  await added;
  await settled();
  api.take("delete", "/api/tasks/new-1").answer(null);
  await committed;
  assert.equal(board().tasks.size, 0);
});

test("a task nothing changed keeps its identity through every board handed out", async () => {
  const [task, other] = [aTask(), aTask()];
  const { api, store, boards } = storeWith({ open: [task, other] });
  const from = boards.length;
  const moved = store.move(other.id, "doing");
  store.receiveRows({ open: [task, changed(other, 999, { status: "doing" })] });
  api.take("patch", `/api/tasks/${other.id}`).answer(changed(other, 999, { status: "doing" }));
  await moved;
  assert.ok(boards.length - from >= 3);
  for (const board of boards.slice(from)) assert.equal(board.tasks.get(task.id), task);
});

test("older Done pages are read on from the last, one at a time, while there are more", async () => {
  const recent = [aDoneTask(300), aDoneTask(200)];
  const { store, board } = storeWith({ done: recent, full: true });
  assert.deepEqual(board().olderDone, { hasMore: true, loading: false });
  const reads = [];
  let finish;
  const readPage = (cursor) => {
    reads.push(cursor);
    return new Promise((resolve) => {
      finish = resolve;
    });
  };
  const shown = store.showOlderDone(readPage);
  assert.deepEqual(board().olderDone, { hasMore: true, loading: true });
  await store.showOlderDone(readPage); // already loading: nothing
  assert.deepEqual(reads, [recent.at(-1).id]);

  const older = aDoneTask(100);
  finish({ rows: [older], cursor: "after-older", full: false });
  await shown;
  assert.deepEqual(board().olderDone, { hasMore: false, loading: false });
  assert.deepEqual(texts(board(), "done"), [...recent, older].map((task) => task.description));
  await store.showOlderDone(readPage); // no more: nothing read
  assert.equal(reads.length, 1);
});

test("an older page that can't be read leaves the button ready to try again", async () => {
  const { store, board } = storeWith({ done: [aDoneTask(300)], full: true });
  await assert.rejects(store.showOlderDone(() => Promise.reject(new Error("offline"))), /offline/);
  assert.deepEqual(board().olderDone, { hasMore: true, loading: false });
});

test("a load error shows until rows come again", () => {
  const { store, board } = storeWith();
  store.failLoading(new Error("permission-denied"));
  assert.equal(board().loadError.message, "permission-denied");
  store.receiveRows({ open: [] });
  assert.equal(board().loadError, null);
});

test("the statistics give Done's total and today's count", () => {
  const { store, board } = storeWith({ done: [aDoneTask(1)], full: true });
  store.receiveStats({ timezone: "UTC", done_tasks: 75, days: { "2026-03-02": { done: 2 } } });
  assert.equal(board().counts.done, 75);
  assert.equal(board().doneToday, 2);
});

test("after clear (log out) the store is empty and a late answer changes nothing", async () => {
  const task = aTask();
  const { api, store, boards } = storeWith({ open: [task] });
  const moved = store.move(task.id, "done");
  const count = boards.length;
  store.clear();
  assert.equal(store.current().tasks.size, 0);
  api.take("patch", `/api/tasks/${task.id}`).answer(changed(task, 50, { status: "done" }));
  await moved;
  store.receiveRows({ open: [task] });
  assert.equal(boards.length, count);
  assert.equal(store.current().tasks.size, 0);
});

test("a settled add counts in a long column until a count made after it comes", async () => {
  const { api, store, board } = storeWith();
  store.receiveRows({ open: [], reach: { todo: { rankBefore: "~" } } });
  store.receiveCounts({ todo: 300 }, board().settles);
  const asked = board().settles; // a count asked for before the add settled
  const added = store.add("One more");
  assert.equal(board().counts.todo, 301);
  await settled();
  api.take("put", "/api/tasks/new-1").answer(aTask({ id: "new-1", description: "One more" }));
  await added;
  assert.equal(board().counts.todo, 301);
  store.receiveCounts({ todo: 300 }, asked); // read before the add reached the server
  assert.equal(board().counts.todo, 301);
  store.receiveCounts({ todo: 301 }, board().settles);
  assert.equal(board().counts.todo, 301);
  assert.equal(board().settles, 1);
});
