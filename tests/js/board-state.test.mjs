import "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { initialBoardState, quietSince, visibleBoard } from "../../hosting/src/board/board-state.js";
import {
  answerArrived,
  countsArrived,
  olderDoneArrived,
  rowsArrived,
  statsArrived,
} from "../../hosting/src/board/server-rows.js";
import { aDoneTask, aTask, at } from "./support/tasks.mjs";

const NOW = new Date("2026-03-02T12:00:00Z");
const ids = (tasks) => tasks.map((task) => task.id);

/** A state whose listeners delivered `open` and the recent Done page `done`. */
function withRows(open = [], done = [], { full = false } = {}) {
  const state = initialBoardState();
  const server = rowsArrived(state.server, { open, done: { rows: done, cursor: "c", full } });
  return { ...state, server };
}

let seq = 0;
const change = (id, kind, fields = null, sending = true) => {
  seq += 1;
  return { seq, id, kind, fields, sending };
};
const withPending = (state, ...pending) => ({ ...state, pending: [...state.pending, ...pending] });
/** `state` with the server's part changed by `change` (a function of server-rows.js). */
const withServer = (state, change, ...args) => ({
  ...state,
  server: change(state.server, ...args),
});
const derive = (state, previous = null) => visibleBoard(state, { now: NOW, previous });

test("nothing is loaded until both listeners have spoken", () => {
  const board = derive(initialBoardState());
  assert.equal(board.loaded, false);
  assert.equal(board.tasks.size, 0);
  assert.deepEqual(board.counts, { todo: 0, doing: 0, done: 0 });
  assert.equal(derive(withRows()).loaded, true);
});

test("open columns show the newest first (by rank), Done the most recently finished first", () => {
  const [first, second, third] = [aTask(), aTask(), aTask({ status: "doing" })];
  const finishedEarly = aDoneTask(100);
  const finishedLate = aDoneTask(200);
  const board = derive(withRows([first, second, third], [finishedEarly, finishedLate]));
  assert.deepEqual(ids(board.columns.todo), [second.id, first.id]);
  assert.deepEqual(ids(board.columns.doing), [third.id]);
  assert.deepEqual(ids(board.columns.done), [finishedLate.id, finishedEarly.id]);
  assert.deepEqual(board.counts, { todo: 2, doing: 1, done: 2 });
});

test("tasks of the same rank keep one order", () => {
  const same = { created_at: at(5), rank: "a0" };
  const [a, b] = [aTask({ id: "a", ...same }), aTask({ id: "b", ...same })];
  assert.deepEqual(ids(derive(withRows([a, b])).columns.todo), ["a", "b"]);
  assert.deepEqual(ids(derive(withRows([b, a])).columns.todo), ["a", "b"]);
});

test("a pending create shows its draft at once, until the server's copy is in", () => {
  const draft = aTask({ description: "Draft" });
  const state = withPending(withRows(), change(draft.id, "create", draft));
  assert.equal(derive(state).tasks.get(draft.id), draft);
  const server = { ...draft, description: "From the server" };
  const arrived = { ...state, server: rowsArrived(state.server, { open: [server] }) };
  assert.equal(derive(arrived).tasks.get(draft.id), server);
});

test("pending changes apply in the order they were made", () => {
  const task = aTask();
  const state = withPending(
    withRows([task]),
    change(task.id, "update", { status: "doing" }),
    change(task.id, "update", { description: "Renamed" }),
    change(task.id, "update", { status: "done" }),
  );
  const board = derive(state);
  const shown = board.tasks.get(task.id);
  assert.equal(shown.status, "done");
  assert.equal(shown.description, "Renamed");
  assert.deepEqual(ids(board.columns.done), [task.id]);
  assert.equal(board.columns.todo.length, 0);
});

test("a pending delete hides the task; a change after it doesn't bring it back", () => {
  const [task, other] = [aTask(), aTask()];
  const state = withPending(
    withRows([task, other]),
    change(task.id, "delete", null, false),
    change(task.id, "update", { description: "Late" }),
  );
  const board = derive(state);
  assert.equal(board.tasks.has(task.id), false);
  assert.deepEqual(ids(board.columns.todo), [other.id]);
});

test("a change to a task the server no longer has shows nothing", () => {
  const state = withPending(withRows(), change("gone", "update", { status: "done" }));
  assert.equal(derive(state).tasks.size, 0);
});

test("a task just moved to Done comes first there, before the server stamps its done_at", () => {
  const task = aTask();
  const moved = change(task.id, "update", { status: "done" });
  const state = withPending(withRows([task], [aDoneTask(500)]), moved);
  assert.equal(derive(state).columns.done[0].id, task.id);
});

test("a refused change, gone from the pending list, leaves the task as the server has it", () => {
  const task = aTask();
  const moved = withPending(withRows([task]), change(task.id, "update", { status: "doing" }));
  const refused = { ...moved, pending: [], lastSaveFailed: true };
  const board = derive(refused, derive(moved));
  assert.equal(board.tasks.get(task.id), task);
  assert.equal(board.lastSaveFailed, true);
});

test("saving while a change is out; not for a delete waiting in its undo window", () => {
  const task = aTask();
  const waiting = withPending(withRows([task]), change(task.id, "delete", null, false));
  assert.equal(derive(waiting).saving, false);
  const sent = { ...waiting, pending: [{ ...waiting.pending[0], sending: true }] };
  assert.equal(derive(sent).saving, true);
});

test("a task that says the same keeps its identity from one board to the next", () => {
  const [task, other] = [aTask(), aTask()];
  const edit = change(task.id, "update", { description: "Mine" });
  const state = withPending(withRows([task, other]), edit);
  const before = derive(state);
  // A new row object with the same content, and the same pending change derived again.
  const again = withServer(state, rowsArrived, { open: [{ ...task }, { ...other }] });
  const after = derive(again, before);
  assert.equal(after.tasks.get(task.id), before.tasks.get(task.id));
  assert.equal(after.tasks.get(other.id), before.tasks.get(other.id));
  assert.equal(after.columns.todo[0], before.columns.todo[0]);
  // A task that changed is a new object; the others stay.
  const edited = withServer(state, rowsArrived, { open: [task, { ...other, description: "x" }] });
  const next = derive(edited, after);
  assert.notEqual(next.tasks.get(other.id), after.tasks.get(other.id));
  assert.equal(next.tasks.get(task.id), after.tasks.get(task.id));
});

test("an answer and the listener's copy of the same change are one task to the view", () => {
  const task = aTask();
  let state = withRows([task]);
  const answer = { ...task, description: "Renamed", updated_at: at(300) };
  state = { ...state, server: answerArrived(state.server, task.id, answer) };
  const before = derive(state);
  state = { ...state, server: rowsArrived(state.server, { open: [{ ...answer }] }) };
  assert.equal(derive(state, before).tasks.get(task.id), answer);
});

test("Done counts the person's total while older pages are still to come", () => {
  const done = [aDoneTask(300), aDoneTask(200)];
  const stats = { timezone: "UTC", done_tasks: 120, days: {} };
  let state = withRows([], done, { full: true });
  state = { ...state, server: statsArrived(state.server, stats) };
  let board = derive(state);
  assert.equal(board.counts.done, 120);
  assert.deepEqual(board.olderDone, { hasMore: true, loading: false });

  const older = [aDoneTask(100)];
  state = withServer(state, olderDoneArrived, { rows: older, cursor: "o", full: false });
  board = derive(state);
  assert.equal(board.counts.done, 3); // everything is shown: the column's own count
  assert.deepEqual(ids(board.columns.done), [...ids(done), ...ids(older)]);
  assert.equal(board.olderDone.hasMore, false);
});

test("Done never counts fewer than it shows, while the statistics lag", () => {
  const done = [aDoneTask(300), aDoneTask(200)];
  let state = withRows([], done, { full: true });
  state = withServer(state, statsArrived, { timezone: "UTC", done_tasks: 1, days: {} });
  assert.equal(derive(state).counts.done, 2);
});

test("what was done today comes from the statistics, in the person's time zone", () => {
  // 12:00 UTC is already the next day in Auckland.
  const stats = { timezone: "Pacific/Auckland", days: { "2026-03-03": { done: 4 } } };
  const state = withRows();
  assert.equal(derive(withServer(state, statsArrived, stats)).doneToday, 4);
  assert.equal(derive(state).doneToday, 0);
});

test("an open column shows its tasks up to its reach, and counts the rest once counted", () => {
  const [near, far] = [aTask({ due_date: "2026-03-03" }), aTask({ due_date: "2026-03-09" })];
  let state = withRows([near, far]);
  state = withServer(state, rowsArrived, {
    open: [near, far],
    reach: { todo: { dueBefore: "2026-03-09" }, doing: null },
  });
  let board = derive(state);
  assert.deepEqual(ids(board.columns.todo), [near.id]);
  assert.equal(board.tasks.has(far.id), true);
  assert.deepEqual(board.more, { todo: true, doing: false });
  // Not counted yet: as many as are loaded, "at least".
  assert.equal(board.counts.todo, 1);
  assert.equal(board.counted.todo, false);
  state = withServer(state, countsArrived, { todo: 140 });
  board = derive(state);
  assert.equal(board.counts.todo, 140);
  assert.equal(board.counted.todo, true);
  assert.equal(board.counted.doing, true);
});

test("a counted column's count follows the changes made here, pending or not yet counted", () => {
  const task = aTask();
  let state = withRows([task]);
  const reach = { todo: { rankBefore: "~" } };
  state = withServer(state, rowsArrived, { open: [task], reach });
  state = withServer(state, countsArrived, { todo: 500 });
  const added = change("new-1", "create", aTask({ id: "new-1" }));
  const moved = change(task.id, "update", { status: "doing" });
  let board = derive(withPending(state, added, moved));
  assert.equal(board.counts.todo, 500 + 1 - 1);
  assert.equal(board.counts.doing, 1);
  assert.deepEqual(board.effects.get(added.seq), { todo: 1 });
  assert.deepEqual(board.effects.get(moved.seq), { todo: -1, doing: 1 });
  // The add settled: the count made before it still lacks it.
  state = { ...state, settles: 1, uncounted: [{ settle: 1, effect: { todo: 1 } }] };
  board = derive(state);
  assert.equal(board.counts.todo, 501);
});

test("a count is used only if no change of this tab ran beside it", () => {
  const task = aTask();
  const state = withRows([task]);
  const asOf = state.settles;
  assert.equal(quietSince(derive(state), asOf), true);
  // A move in flight may or may not be in what the server counts.
  const moved = change(task.id, "update", { status: "doing" });
  assert.equal(quietSince(derive(withPending(state, moved)), asOf), false);
  // A change that settled while the count ran: the count may have seen it, or not.
  const settled = { ...state, settles: asOf + 1, uncounted: [{ settle: asOf + 1, effect: {} }] };
  assert.equal(quietSince(derive(settled), asOf), false);
  // An edit of the text moves no card: it does not matter to a count.
  const edited = change(task.id, "update", { description: "New words" });
  assert.equal(quietSince(derive(withPending(state, edited)), asOf), true);
});

test("a change counts in its column even once the listener brings it before its answer", () => {
  const task = aTask();
  let state = withRows([task]);
  const reach = { todo: { rankBefore: "~" } };
  state = withServer(state, rowsArrived, { open: [task], reach });
  state = withServer(state, countsArrived, { todo: 500 });
  const fresh = aTask({ id: "new-1" });
  const added = change("new-1", "create", fresh);
  state = withPending(state, added);
  const first = derive(state);
  assert.equal(first.counts.todo, 501);
  // The listener has the new task; its answer, and a count with it, have not come yet.
  state = withServer(state, rowsArrived, { open: [task, fresh], reach });
  const next = derive(state, first);
  assert.equal(next.counts.todo, 501);
  assert.deepEqual(next.effects.get(added.seq), { todo: 1 });
});

test("a search shows only the matching cards, marked, and counts the matches", () => {
  const milk = aTask({ description: "Buy milk" });
  const flights = aTask({ description: "Book flights" });
  const doneMilk = aDoneTask(5, { description: "Milk the cow" });
  const state = withRows([milk, flights], [doneMilk]);
  const board = derive({ ...state, search: "  MILK " });
  assert.deepEqual(ids(board.columns.todo), [milk.id]);
  assert.deepEqual(ids(board.columns.done), [doneMilk.id]);
  assert.deepEqual(board.search.marks.get(milk.id), [[4, 8]]);
  assert.equal(board.counts.todo, 1);
  assert.equal(board.counted.todo, true);
  assert.equal(board.tasks.size, 3, "the board still knows every task");
  assert.deepEqual(ids(derive({ ...state, search: "" }).columns.todo).sort(), ids([milk, flights]).sort());
});

test("during a search, a column not all loaded and older done pages say 'at least'", () => {
  const milk = aTask({ description: "Buy milk" });
  const state = withServer(
    withRows([milk], [aDoneTask(3, { description: "milk" })], { full: true }),
    countsArrived,
    { todo: 500 },
  );
  const partial = { ...state, server: { ...state.server, reach: { todo: { rankBefore: "~" } } } };
  const board = derive({ ...partial, search: "milk" });
  assert.equal(board.counts.todo, 1, "the matches, not the server's count of the column");
  assert.equal(board.counted.todo, false);
  assert.equal(board.counted.done, false);
});
