import "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { createTaskStore } from "../../hosting/src/board/task-store.js";
import { aTask, apiError, scriptedApi, settled } from "./support/tasks.mjs";

const OFFLINE = () => apiError(0, "Can't reach Taskly");

/** The outbox's shape (board/outbox.js), in memory. */
function memoryOutbox(saved = []) {
  const entries = new Map(saved);
  return {
    entries: async () => [...entries.entries()],
    put: async (key, entry) => void entries.set(key, structuredClone(entry)),
    has: async (key) => entries.has(key),
    delete: async (key) => void entries.delete(key),
    clear: async () => entries.clear(),
    saved: () => [...entries.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry),
  };
}

/** A store with an outbox whose retries run only when told (`retry()`). */
function offlineStore({ open = [], outbox = memoryOutbox(), refused = [] } = {}) {
  const api = scriptedApi();
  let made = 0;
  const retries = [];
  const store = createTaskStore({
    api,
    outbox,
    onReplayRefused: (change, error) => refused.push([change.id, error.message]),
    retryLater: (replay) => retries.push(replay),
    newId: () => `new-${++made}`,
  });
  store.receiveRows({ open, done: { rows: [], cursor: null, full: false } });
  const retry = () => retries.splice(0).forEach((replay) => replay());
  return { api, store, outbox, retry, board: () => store.current() };
}

test("a change that can't reach the server waits in the outbox, shown as waiting", async () => {
  const { api, store, outbox, board } = offlineStore();
  const added = store.add("Buy stamps");
  await settled();
  api.take("put", "/api/tasks/new-1").refuse(OFFLINE());
  await settled();
  assert.equal(board().waiting, 1);
  assert.ok(board().waitingIds.has("new-1"));
  assert.equal(board().saving, false);
  assert.deepEqual(board().columns.todo.map((task) => task.description), ["Buy stamps"]);
  assert.deepEqual(outbox.saved(), [
    {
      change: { id: "new-1", kind: "create", fields: board().tasks.get("new-1") },
      request: { method: "put", path: "/api/tasks/new-1", body: { description: "Buy stamps" } },
    },
  ]);
  let settledAdd = false;
  added.then(() => (settledAdd = true));
  await settled();
  assert.equal(settledAdd, false, "the add is not over while it waits");
});

test("changes made while others wait queue behind them, and replay in order once", async () => {
  const task = aTask({ id: "t1", description: "Old text" });
  const { api, store, outbox, retry, board } = offlineStore({ open: [task] });
  const moved = store.move("t1", "doing");
  await settled();
  api.take("patch", "/api/tasks/t1").refuse(OFFLINE());
  await settled();
  const edited = store.edit("t1", "New text", "Old text");
  const added = store.add("Later");
  await settled();
  assert.equal(api.calls.length, 0, "nothing goes out past a waiting change");
  assert.equal(board().waiting, 3);
  assert.equal(board().tasks.get("t1").status, "doing");
  assert.equal(board().tasks.get("t1").description, "New text");

  retry(); // the network is back
  await settled();
  api.take("patch", "/api/tasks/t1").answer(aTask({ id: "t1", status: "doing" }));
  await settled();
  const edit = api.take("patch", "/api/tasks/t1");
  assert.deepEqual(edit.body, { description: "New text", previous_description: "Old text" });
  edit.answer(aTask({ id: "t1", status: "doing", description: "New text" }));
  await settled();
  api.take("put", "/api/tasks/new-1").answer(aTask({ id: "new-1", description: "Later" }));
  await Promise.all([moved, edited, added]);
  assert.equal(api.calls.length, 0);
  assert.equal(board().waiting, 0);
  assert.deepEqual(outbox.saved(), []);
});

test("a replay that still finds no network stops and tries again later", async () => {
  const { api, store, retry, board } = offlineStore();
  void store.add("Draft");
  await settled();
  api.take("put", "/api/tasks/new-1").refuse(OFFLINE());
  await settled();
  retry();
  await settled();
  api.take("put", "/api/tasks/new-1").refuse(OFFLINE());
  await settled();
  assert.equal(board().waiting, 1);
  retry();
  await settled();
  api.take("put", "/api/tasks/new-1").answer(aTask({ id: "new-1", description: "Draft" }));
  await settled();
  assert.equal(board().waiting, 0);
});

test("a replay the server refuses is dropped and said, and the next one still goes", async () => {
  const task = aTask({ id: "t1", description: "Shared" });
  const { api, store, outbox, retry, board } = offlineStore({ open: [task] });
  const edited = store.edit("t1", "Mine", "Shared");
  await settled();
  api.take("patch", "/api/tasks/t1").refuse(OFFLINE());
  await settled();
  const moved = store.move("t1", "doing");
  retry();
  await settled();
  api.take("patch", "/api/tasks/t1").refuse(apiError(409, "It was changed elsewhere."));
  await assert.rejects(edited, /changed elsewhere/);
  await settled();
  api.take("patch", "/api/tasks/t1").answer(aTask({ id: "t1", description: "Shared", status: "doing" }));
  await moved;
  assert.equal(board().tasks.get("t1").description, "Shared");
  assert.equal(board().lastSaveFailed, false);
  assert.deepEqual(outbox.saved(), []);
});

test("a delete replayed after the task went elsewhere counts as done", async () => {
  const { api, store, retry, board } = offlineStore({ open: [aTask({ id: "t1" })] });
  const removal = store.remove("t1");
  const deleted = removal.commit();
  await settled();
  api.take("delete", "/api/tasks/t1").refuse(OFFLINE());
  await settled();
  retry();
  await settled();
  api.take("delete", "/api/tasks/t1").refuse(apiError(404, "No such task."));
  await deleted;
  assert.equal(board().tasks.has("t1"), false);
  assert.equal(board().waiting, 0);
});

test("a new page takes back what the last one left waiting, in order, and says refusals", async () => {
  const first = offlineStore();
  void first.store.add("Written on the train");
  await settled();
  first.api.take("put", "/api/tasks/new-1").refuse(OFFLINE());
  await settled();
  void first.store.move("new-1", "doing");
  await settled();
  const saved = await first.outbox.entries();
  assert.equal(saved.length, 2);

  const refused = [];
  const next = offlineStore({ outbox: memoryOutbox(saved), refused });
  await next.store.restoreOutbox();
  assert.equal(next.board().waiting, 2);
  assert.equal(next.board().tasks.get("new-1").status, "doing");
  await settled();
  next.api.take("put", "/api/tasks/new-1").answer(aTask({ id: "new-1", description: "Written on the train" }));
  await settled();
  next.api.take("patch", "/api/tasks/new-1").refuse(apiError(400, "Not allowed."));
  await settled();
  assert.deepEqual(refused, [["new-1", "Not allowed."]]);
  assert.equal(next.board().waiting, 0);
  assert.deepEqual(next.outbox.saved(), []);
});

test("without an outbox a change that can't reach the server is dropped, as before", async () => {
  const api = scriptedApi();
  const store = createTaskStore({ api, newId: () => "new-1" });
  store.receiveRows({ open: [], done: { rows: [], cursor: null, full: false } });
  const added = store.add("Gone");
  await settled();
  api.take("put", "/api/tasks/new-1").refuse(OFFLINE());
  await assert.rejects(added, /Can't reach Taskly/);
  assert.equal(store.current().waiting, 0);
  assert.equal(store.current().tasks.size, 0);
});

test("a change another tab has sent meanwhile is let go, not sent again", async () => {
  const first = offlineStore();
  void first.store.add("From the laptop");
  await settled();
  first.api.take("put", "/api/tasks/new-1").refuse(OFFLINE());
  await settled();
  const saved = await first.outbox.entries();

  // A second tab of the same browser takes the same outbox back; the first sends it first.
  const second = offlineStore({ outbox: first.outbox });
  await second.store.restoreOutbox();
  await settled();
  second.api.take("put", "/api/tasks/new-1").refuse(OFFLINE()); // still offline there
  await settled();
  assert.equal(second.board().waiting, 1);
  first.retry();
  await settled();
  first.api.take("put", "/api/tasks/new-1").answer(aTask({ id: "new-1", description: "From the laptop" }));
  await settled();
  assert.deepEqual(await first.outbox.entries(), []);

  second.retry();
  await settled();
  assert.equal(second.api.calls.length, 0, "nothing sent twice");
  assert.equal(second.board().waiting, 0);
  assert.equal(saved.length, 1);
});
