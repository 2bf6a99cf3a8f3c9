import { channelFields, draftTask, newTaskId, scheduleChange, TODO } from "../lib/task.js";
import { initialBoardState, visibleBoard } from "./board-state.js";
import {
  answerArrived,
  countsArrived,
  loadFailed,
  olderDoneArrived,
  olderDoneFailed,
  olderDoneLoading,
  rowsArrived,
  statsArrived,
} from "./server-rows.js";

/** How often changes waiting for the network are tried again (besides when it returns). */
const RETRY_MS = 15_000;

/**
 * The board's store: one state (board-state.js: what the server said, plus the changes made
 * here and not yet settled, in order), changed only through the functions below, and the board
 * derived from it handed to every subscriber after each change.
 *
 * The listeners feed it the server's rows; the page's intents (add, edit, move, reminders,
 * remove) become pending changes that show at once and go to the API (`api`: put, patch and
 * delete, as lib/api.js has them). A change the API takes leaves its answer; one it refuses
 * drops out, and its promise rejects with the API's error for the page to say. `newId` and
 * `now` are there for tests.
 *
 * With an `outbox` (outbox.js: the person keeps their data on this device), a change that
 * cannot reach the server (no network) waits there instead, shown as waiting, and so does
 * every change after it, in order; `replay()` (the page calls it when the network returns, and
 * the store itself every RETRY_MS) sends them one by one, and `restoreOutbox()` takes back the
 * ones a closed page left. A waiting change's promise settles when it is replayed; one the
 * server refuses then rejects (`onReplayRefused(change, error)` for one restored from the
 * outbox, whose page is gone). `oneTabAtATime(work)` runs `work` while no other tab replays
 * (pages/board.js: a Web Lock).
 */
export function createTaskStore({
  api,
  outbox = null,
  onReplayRefused = () => {},
  retryLater = (replay) => setTimeout(replay, RETRY_MS),
  oneTabAtATime = (work) => work(),
  newId = newTaskId,
  now = () => new Date(),
}) {
  let state = initialBoardState();
  let board = visibleBoard(state, { now: now() });
  const subscribers = new Set();
  let forgotten = false; // logged out: a late answer changes nothing
  let nextSeq = 1;
  // How the changes go out, not what the board shows: creates go one at a time, so the
  // server's created_at keeps the order the tasks were typed in; a later change of a task
  // waits for its create; a delete waits in its undo window until committed.
  let lastCreate = Promise.resolve();
  const creates = new Map(); // id -> promise of the create in flight
  const lastSent = new Map(); // id -> promise of the last other change of it in flight
  const heldDeletes = new Map(); // seq -> the handle of a delete in its undo window

  function update(change) {
    if (forgotten) return;
    state = change(state);
    board = visibleBoard(state, { now: now(), previous: board });
    for (const subscriber of subscribers) subscriber(board);
  }

  const updateServer = (change) => update((s) => ({ ...s, server: change(s.server) }));

  /** A new pending change; one `sending` at once goes out as it is made. */
  function addChange(id, kind, fields, { sending }) {
    const change = { seq: nextSeq++, id, kind, fields, sending };
    update((s) => ({ ...s, pending: [...s.pending, change] }));
    return change;
  }

  const withoutChange = (s, seq) => s.pending.filter((change) => change.seq !== seq);

  /** The API call a request stands for: { method, path, body } (a delete: `options`). */
  function perform({ method, path, body, options }) {
    return method === "delete" ? api.delete(path, options) : api[method](path, body);
  }

  /**
   * The server took the change: its answer is what the board shows from now on. What it did
   * to the columns counts until a count made after it comes (board-state.js, uncounted).
   */
  function settle(change, answer) {
    const effect = board.effects.get(change.seq);
    update((s) => {
      const settled = {
        ...s,
        server: answerArrived(s.server, change.id, change.kind === "delete" ? null : answer),
        pending: withoutChange(s, change.seq),
        lastSaveFailed: false,
      };
      if (!effect) return settled;
      const settles = s.settles + 1;
      return { ...settled, settles, uncounted: [...s.uncounted, { settle: settles, effect }] };
    });
  }

  function drop(change) {
    update((s) => ({ ...s, pending: withoutChange(s, change.seq), lastSaveFailed: true }));
  }

  /** Creates go one at a time, so the server's created_at keeps the order they were typed in. */
  function performInTurn(change, request) {
    if (change.kind !== "create") return perform(request);
    const put = lastCreate.then(() => perform(request));
    lastCreate = put.catch(() => {});
    return put;
  }

  /**
   * The request of a change of a task that was made before: after the task's create (which it
   * needs), and after its change before, answered or refused: two quick moves of one card
   * must reach the server in the order they were made.
   */
  function performAfter(change, request) {
    const create = creates.get(change.id);
    const before = lastSent.get(change.id);
    const sending =
      create || before
        ? Promise.all([create, before?.catch(() => {})]).then(() => perform(request))
        : perform(request);
    lastSent.set(change.id, sending);
    const forget = () => lastSent.get(change.id) === sending && lastSent.delete(change.id);
    sending.then(forget, forget);
    return sending;
  }

  /** Sends `change` with `request`; the answer (or the refusal) settles it. */
  async function send(change, request) {
    if (outbox && waiting.length > 0) return wait(change, request); // after those waiting
    try {
      const answer = await (change.kind === "create"
        ? performInTurn(change, request)
        : performAfter(change, request));
      settle(change, answer);
      return answer;
    } catch (error) {
      if (outbox && error.status === 0) return wait(change, request);
      drop(change);
      throw error;
    }
  }

  // The changes waiting for the network, in order: { change, request, key, resolve, reject }.
  const waiting = [];
  let lastKey = 0;
  let replaying = false;
  let retrying = false;

  function wait(change, request, savedKey = null) {
    return new Promise((resolve, reject) => {
      lastKey = Math.max(savedKey ?? Date.now() * 1000, lastKey + 1);
      const key = savedKey ?? lastKey;
      if (savedKey === null) {
        const { id, kind, fields } = change;
        outbox.put(key, { change: { id, kind, fields }, request }).catch(() => {});
      }
      waiting.push({ change, request, key, resolve, reject });
      update((s) => ({
        ...s,
        pending: s.pending.map((c) =>
          c.seq === change.seq ? { ...c, sending: false, waiting: true } : c,
        ),
      }));
      retrySoon();
    });
  }

  function retrySoon() {
    if (retrying) return;
    retrying = true;
    retryLater(() => {
      retrying = false;
      replay();
    });
  }

  /**
   * Sends the waiting changes, oldest first, until one cannot reach the server. Tabs share the
   * outbox: one at a time replays (`oneTabAtATime`), and a change no longer in the outbox was
   * sent by another tab, so it is only let go here (the listeners bring its result).
   */
  async function replay() {
    if (replaying || forgotten) return;
    replaying = true;
    try {
      await oneTabAtATime(replayWaiting);
    } finally {
      replaying = false;
    }
  }

  async function replayWaiting() {
    while (waiting.length > 0 && !forgotten) {
      const item = waiting[0];
      if (!(await outbox.has(item.key))) {
        waiting.shift();
        update((s) => ({ ...s, pending: withoutChange(s, item.change.seq) }));
        item.resolve(null);
        continue;
      }
      let answer;
      try {
        answer = await perform(item.request);
      } catch (error) {
        if (error.status === 0) return retrySoon(); // still offline
        waiting.shift();
        await outbox.delete(item.key).catch(() => {});
        // Deleted meanwhile, elsewhere: what the delete wanted.
        if (item.change.kind === "delete" && error.status === 404) {
          settle(item.change, null);
          item.resolve(null);
        } else {
          drop(item.change);
          item.reject(error);
        }
        continue;
      }
      waiting.shift();
      await outbox.delete(item.key).catch(() => {});
      settle(item.change, answer);
      item.resolve(answer);
    }
  }

  const updateTask = (id, fields, request) =>
    send(addChange(id, "update", fields, { sending: true }), request);

  return {
    /** Calls `subscriber(board)` now and after every change; returns how to stop. */
    subscribe(subscriber) {
      subscribers.add(subscriber);
      subscriber(board);
      return () => subscribers.delete(subscriber);
    },

    /** The board as it is now. */
    current: () => board,

    /** What the live listeners delivered for one change (server-rows.js, rowsArrived). */
    receiveRows: (delivery) => updateServer((server) => rowsArrived(server, delivery)),

    receiveStats: (stats) => updateServer((server) => statsArrived(server, stats)),

    /**
     * The open columns' counts (`counts`: { [status]: count }) from a count the server began
     * after the settled change numbered `asOf` (the board's `settles` when it was asked for).
     */
    receiveCounts: (counts, asOf) =>
      update((s) => ({
        ...s,
        server: countsArrived(s.server, counts),
        uncounted: s.uncounted.filter((change) => change.settle > asOf),
      })),

    failLoading: (error) => updateServer((server) => loadFailed(server, error)),

    /** The person's time zone (their profile's): what was done today is counted in it. */
    setTimeZone: (timeZone) =>
      update((s) => (s.timeZone === timeZone ? s : { ...s, timeZone })),

    /** Shows only the tasks matching `text` (board-state.js); "" shows them all again. */
    search: (text) => update((s) => (s.search === text ? s : { ...s, search: text })),

    /**
     * Shows the next older page of Done: `readPage(cursor)` reads it ({ rows, cursor, full }).
     * Does nothing while a page is loading or when there is none; rejects if it can't be read.
     */
    async showOlderDone(readPage) {
      const { cursor, hasMore, loading } = state.server.donePages;
      if (loading || !hasMore) return;
      updateServer(olderDoneLoading);
      try {
        const page = await readPage(cursor);
        updateServer((server) => olderDoneArrived(server, page));
      } catch (error) {
        updateServer(olderDoneFailed);
        throw error;
      }
    },

    /**
     * Adds a task; resolves with the server's copy. `schedule` holds its date fields (lib/task.js,
     * SCHEDULE_FIELDS) when it has a due date: they go with the create.
     */
    add(description, schedule = {}) {
      // The id is chosen here, so the card, the listener's copy and the API's answer are one
      // task from the start, and a create sent twice (PUT) still makes one task.
      const id = newId();
      const draft = draftTask(id, description, now(), schedule);
      const body = { description, ...schedule };
      const created = send(addChange(id, "create", draft, { sending: true }), {
        method: "put",
        path: `/api/tasks/${id}`,
        body,
      });
      const settled = created.finally(() => creates.delete(id));
      creates.set(id, settled);
      settled.catch(() => {}); // the caller hears of a failure once, through `created`
      return created;
    },

    /** A new text for the task, applied only if its text is still `previous` on the server. */
    edit: (id, description, previous) =>
      updateTask(id, { description }, {
        method: "patch",
        path: `/api/tasks/${id}`,
        body: { description, previous_description: previous },
      }),

    // On top of the column it goes to (rank ""), until the server's answer gives its place.
    move: (id, status) =>
      updateTask(
        id,
        { status, rank: "" },
        { method: "patch", path: `/api/tasks/${id}`, body: { status } },
      ),

    /**
     * Puts the task in the column `status` between `above` and `below` (placing.js: tasks of
     * that column, or null for no bound): the server gives it a rank between theirs, as the
     * board does here until the answer comes.
     */
    async place(task, status, { above, below }) {
      const { generateKeyBetween } = await import("fractional-indexing");
      let rank;
      try {
        rank = generateKeyBetween(above?.rank || null, below?.rank || null);
      } catch {
        rank = task.rank; // a neighbour not ranked by the server yet: its answer places it
      }
      const moved = status === task.status ? {} : { status };
      const place = { above: above?.id ?? null, below: below?.id ?? null };
      return updateTask(task.id, { ...moved, rank }, {
        method: "patch",
        path: `/api/tasks/${task.id}`,
        body: { ...moved, place },
      });
    },

    /**
     * Takes back a repeating task's completion, which moved it on to its next date (to Todo):
     * it has the dates of `before` again, and the completion no longer counts.
     */
    undoCompletion: (before) =>
      updateTask(
        before.id,
        {
          status: TODO,
          due_date: before.due_date,
          due_time: before.due_time,
          due_at: before.due_at,
          last_completed_at: before.last_completed_at,
        },
        { method: "patch", path: `/api/tasks/${before.id}`, body: { undo_completion: true } },
      ),

    /**
     * Changes the task's date fields: `fields` holds only those that change (null clears one;
     * clearing due_date clears due_time and repeat). The server may move the date onto the
     * repeat's first day: its answer shows.
     */
    setSchedule: (id, fields) =>
      updateTask(id, scheduleChange(fields), {
        method: "patch",
        path: `/api/tasks/${id}`,
        body: fields,
      }),

    /** Switches the task's reminder channels: `switches` is { email, sms } (lib/task.js). */
    setReminders: (id, switches) =>
      updateTask(id, channelFields(switches), {
        method: "put",
        path: `/api/tasks/${id}/reminders`,
        body: switches,
      }),

    /** Hides the task now; `commit(options)` sends the delete, `undo()` brings the task back. */
    remove(id) {
      const change = addChange(id, "delete", null, { sending: false });
      let result = null;
      const handle = {
        commit(options) {
          if (result) return result;
          heldDeletes.delete(change.seq);
          update((s) => ({
            ...s,
            pending: s.pending.map((c) => (c.seq === change.seq ? { ...c, sending: true } : c)),
          }));
          result = send(change, { method: "delete", path: `/api/tasks/${id}`, options });
          return result;
        },
        undo() {
          if (result) return;
          result = Promise.resolve();
          heldDeletes.delete(change.seq);
          update((s) => ({ ...s, pending: withoutChange(s, change.seq) }));
        },
      };
      heldDeletes.set(change.seq, handle);
      return handle;
    },

    /** Sends the deletes still in their undo window (leaving the page, logging out). */
    flushDeletes: (options) =>
      Promise.allSettled([...heldDeletes.values()].map((handle) => handle.commit(options))),

    /** Sends the changes waiting for the network (the page calls it when it returns). */
    replay,

    /** Takes back the changes a closed page left waiting in the outbox, and sends them. */
    async restoreOutbox() {
      if (!outbox) return;
      const saved = await outbox.entries();
      saved.sort(([a], [b]) => a - b);
      for (const [key, { change, request }] of saved) {
        const pending = addChange(change.id, change.kind, change.fields, { sending: false });
        wait(pending, request, key).catch((error) => onReplayRefused(pending, error));
      }
      replay();
    },

    /** Forgets everything (log out). */
    clear() {
      forgotten = true;
      waiting.length = 0;
      subscribers.clear();
      state = initialBoardState();
      board = visibleBoard(state, { now: now() });
      creates.clear();
      heldDeletes.clear();
    },
  };
}
