import { api } from "../lib/api.js";

export const STATUSES = ["todo", "doing", "done"];
export const OPEN_STATUSES = ["todo", "doing"];
export const STATUS_LABELS = { todo: "Todo", doing: "Doing", done: "Done" };

/** Whether the server reminds of `task` now: a channel is on and the task is not done (the
 * switches stay as they were while it is done, and take effect again if it is reopened). */
export const remindersRunning = (task) =>
  (task.notify_email || task.notify_sms) && task.status !== "done";

/** An edit refused because the task's text was changed elsewhere since the edit began. */
export const isEditConflict = (error) => error?.status === 409 && error.field === "description";

const timeOf = (isoTime) => Date.parse(isoTime) || 0;
// Open columns show the newest first; Done shows the most recently finished first. The times
// are ISO strings in UTC with milliseconds, which sort as text: no parsing per comparison.
const sortTime = (task) => (task.status === "done" ? task.done_at : task.created_at) ?? "";
const newestFirst = (a, b) => {
  const [timeA, timeB] = [sortTime(a), sortTime(b)];
  return timeA < timeB ? 1 : timeA > timeB ? -1 : 0;
};

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random 20-character id, as Firestore makes them (62^20: no two people's drafts meet). */
function newTaskId() {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  // 256 is 4 × 62 + 8: the few values past 4 × 62 bend the odds by under 4 %, harmless here.
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("");
}

/**
 * The board's tasks: what the listeners last delivered (open tasks, the recent Done page,
 * older Done pages read once), plus API answers the listeners have not caught up with yet,
 * plus optimistic changes still in flight (applied in order). Changes show at once; a
 * refused change drops its overlay and its promise rejects. A task nothing changed keeps its
 * identity from one state to the next, so the view redraws only what changed.
 */
export function createTaskStore() {
  const sources = new Map(); // "open" | "done" | "older" -> Map(id -> task)
  let serverTasks = new Map();
  const seenOnServer = new Set();
  const confirmed = new Map(); // id -> task from an API answer, or null once deleted
  let overlays = []; // { id, apply(task | undefined) -> task | null }
  const createdIds = new Map(); // id of a create in flight -> Promise of it, for later changes
  const pendingDeletes = new Set();
  const subscribers = new Set();
  let loaded = false;
  let loadError = null;
  let saving = 0; // API writes in flight
  let lastSaveFailed = false;
  let lastCreate = Promise.resolve();
  let stats = null; // users/{uid}/stats/progress
  let doneHasMore = false;

  function state() {
    const tasks = new Map(serverTasks);
    for (const [id, task] of confirmed) {
      if (task) tasks.set(id, task);
      else tasks.delete(id);
    }
    for (const overlay of overlays) {
      const next = overlay.apply(tasks.get(overlay.id));
      if (next) tasks.set(overlay.id, next);
      else tasks.delete(overlay.id);
    }
    const list = [...tasks.values()].sort(newestFirst);
    return {
      loaded,
      loadError,
      saving: saving > 0,
      lastSaveFailed,
      tasks: list,
      doneHasMore,
      doneTotal: stats?.done_tasks ?? 0,
      stats,
    };
  }

  // A task can be in two sources for a moment (moved from one query to another): the most
  // recently updated copy wins.
  function mergeSources() {
    serverTasks = new Map();
    for (const rows of sources.values()) {
      for (const [id, task] of rows) {
        const known = serverTasks.get(id);
        if (!known || timeOf(task.updated_at) > timeOf(known.updated_at)) serverTasks.set(id, task);
      }
    }
    for (const id of serverTasks.keys()) seenOnServer.add(id);
    for (const [id, answer] of confirmed) {
      if (listenerCaughtUp(id, answer)) confirmed.delete(id);
    }
  }

  // Firestore hands each listener its snapshot in a task of its own, one right after the
  // other, for one change. A task moving into or out of Done leaves one query a moment before
  // it reaches the other: merging once both have spoken keeps it (and its card, focus and
  // open editor) on the board throughout, instead of gone and made anew.
  let mergePending = false;
  function mergeSoon() {
    if (mergePending) return;
    mergePending = true;
    setTimeout(() => {
      mergePending = false;
      if (!subscribers.size) return; // cleared (log out) meanwhile
      mergeSources();
      loaded = sources.has("open") && sources.has("done");
      notify();
    });
  }

  function notify() {
    const current = state();
    for (const subscriber of subscribers) subscriber(current);
  }

  function listenerCaughtUp(id, answer) {
    const server = serverTasks.get(id);
    if (answer === null) return !server;
    if (!server) return seenOnServer.has(id); // deleted elsewhere since
    return (
      timeOf(server.updated_at) >= timeOf(answer.updated_at) ||
      ["description", "status", "notify_email", "notify_sms"].every((f) => server[f] === answer[f])
    );
  }

  function addOverlay(id, apply) {
    const overlay = { id, apply };
    overlays.push(overlay);
    return overlay;
  }

  async function settle(overlay, send) {
    saving += 1;
    notify();
    try {
      const answer = await send(await (createdIds.get(overlay.id) ?? overlay.id));
      if (answer?.id) {
        confirmed.set(answer.id, answer);
        // An answer the listener has already overtaken must not hide newer server state.
        if (listenerCaughtUp(answer.id, answer)) confirmed.delete(answer.id);
      }
      lastSaveFailed = false;
      return answer;
    } catch (error) {
      lastSaveFailed = true;
      throw error;
    } finally {
      saving -= 1;
      overlays = overlays.filter((o) => o !== overlay);
      notify();
    }
  }

  const optimistic = (id, apply, send) => settle(addOverlay(id, apply), send);
  const patched = (changes) => (task) => task && { ...task, ...changes };

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      subscriber(state());
      return () => subscribers.delete(subscriber);
    },

    /** The rows a live listener ("open" or "done") now holds. */
    receiveServerTasks(source, tasks) {
      const rows = new Map(tasks.map((task) => [task.id, task]));
      const older = sources.get("older");
      if (source === "done" && older) {
        // Pushed off the recent page by newer ones: still done, now among the older.
        for (const [id, task] of sources.get("done") ?? []) {
          if (!rows.has(id)) older.set(id, task);
        }
      }
      sources.set(source, rows);
      loadError = null;
      mergeSoon();
    },

    /** A page of older done tasks, read once. */
    addOlderDone(tasks, hasMore) {
      const older = sources.get("older") ?? new Map();
      for (const task of tasks) older.set(task.id, task);
      sources.set("older", older);
      doneHasMore = hasMore;
      mergeSources();
      notify();
    },

    setDoneHasMore(hasMore) {
      doneHasMore = hasMore;
    },

    receiveStats(data) {
      stats = data;
      notify();
    },

    failLoading(error) {
      loadError = error;
      notify();
    },

    add(description) {
      // The id is chosen here, so the card, the listener's copy and the API's answer are one
      // task from the start, and a create sent twice (PUT) still makes one task.
      const id = newTaskId();
      const now = new Date().toISOString();
      const draft = {
        id,
        description,
        status: "todo",
        notify_email: false,
        notify_sms: false,
        next_reminder_at: null,
        created_at: now,
        updated_at: now,
        done_at: null,
      };
      const created = optimistic(id, (task) => task ?? draft, () => {
        // One at a time, so the server's created_at keeps the order the tasks were typed in.
        const put = lastCreate.then(() => api.put(`/api/tasks/${id}`, { description }));
        lastCreate = put.catch(() => {});
        return put;
      });
      createdIds.set(id, created.then((task) => task.id));
      createdIds.get(id).catch(() => {}); // the caller reports the failure once, through `created`
      return created;
    },

    /** A new text for the task, applied only if its text is still `previous` on the server. */
    edit: (id, description, previous) =>
      optimistic(id, patched({ description }), (taskId) =>
        api.patch(`/api/tasks/${taskId}`, { description, previous_description: previous }),
      ),

    move: (id, status) =>
      optimistic(id, patched({ status }), (taskId) =>
        api.patch(`/api/tasks/${taskId}`, { status }),
      ),

    setReminders: (id, { email, sms }) =>
      optimistic(id, patched({ notify_email: email, notify_sms: sms }), (taskId) =>
        api.put(`/api/tasks/${taskId}/reminders`, { email, sms }),
      ),

    /** Hides the task now; `commit` sends the delete, `undo` brings the task back. */
    remove(id) {
      const overlay = addOverlay(id, () => null);
      notify();
      let done = null;
      const pending = {
        commit(options) {
          done ??= settle(overlay, async (taskId) => {
            await api.delete(`/api/tasks/${taskId}`, options);
            confirmed.set(taskId, null);
          }).finally(() => pendingDeletes.delete(pending));
          return done;
        },
        undo() {
          if (done) return;
          done = Promise.resolve();
          pendingDeletes.delete(pending);
          overlays = overlays.filter((o) => o !== overlay);
          notify();
        },
      };
      pendingDeletes.add(pending);
      return pending;
    },

    /** Sends the deletes still in their undo window (leaving the page, logging out). */
    flushDeletes(options) {
      return Promise.allSettled([...pendingDeletes].map((pending) => pending.commit(options)));
    },

    /** Forgets everything (log out). */
    clear() {
      subscribers.clear();
      sources.clear();
      serverTasks = new Map();
      stats = null;
      seenOnServer.clear();
      confirmed.clear();
      overlays = [];
      createdIds.clear();
      pendingDeletes.clear();
    },
  };
}
