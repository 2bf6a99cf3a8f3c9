import { api } from "../lib/api.js";

export const STATUSES = ["todo", "doing", "done"];

const timeOf = (isoTime) => Date.parse(isoTime) || 0;

/**
 * The board's tasks: what the realtime listener last delivered, plus API answers the listener
 * has not caught up with yet, plus optimistic changes still in flight (applied in order).
 * Changes show at once; a refused change drops its overlay and its promise rejects.
 */
export function createTaskStore() {
  let serverTasks = new Map();
  const seenOnServer = new Set();
  const confirmed = new Map(); // id -> task from an API answer, or null once deleted
  let overlays = []; // { id, apply(task | undefined) -> task | null }
  const keyOfId = new Map(); // server id -> the local key its card was created under
  const createdIds = new Map(); // local key -> Promise of the server id
  const drafts = new Map(); // local key -> { description, serverId } of creates not yet answered
  const pendingDeletes = new Set();
  const subscribers = new Set();
  let loaded = false;
  let loadError = null;
  let saving = 0; // API writes in flight
  let lastSaveFailed = false;
  let localSeq = 0;
  let lastCreate = Promise.resolve();

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
    const list = [...tasks.values()]
      .map((task) => ({ ...task, key: keyOfId.get(task.id) ?? task.id }))
      .sort((a, b) => timeOf(b.created_at) - timeOf(a.created_at));
    return { loaded, loadError, saving: saving > 0, lastSaveFailed, tasks: list };
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

  // From here on the task is known by its server id, but its card keeps the draft's key.
  function linkDraft(key, serverId) {
    drafts.get(key).serverId = serverId;
    keyOfId.set(serverId, key);
    for (const overlay of overlays) if (overlay.id === key) overlay.id = serverId;
  }

  // The listener often delivers a new task before the API answers its POST. Taking it for the
  // draft with the same text keeps one card on screen instead of two; the POST's answer has
  // the final word on which id it was.
  function adoptNewTasks(tasks, previous) {
    if (!loaded) return; // the first snapshot is what existed before: nothing in it is a draft
    for (const task of tasks) {
      if (previous.has(task.id) || keyOfId.has(task.id)) continue;
      const match = [...drafts].find(([, d]) => !d.serverId && d.description === task.description);
      if (match) linkDraft(match[0], task.id);
    }
  }

  function settleDraft(key, task) {
    const guess = drafts.get(key).serverId;
    if (guess && guess !== task?.id) keyOfId.delete(guess);
    if (task) linkDraft(key, task.id);
    drafts.delete(key);
  }

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      subscriber(state());
      return () => subscribers.delete(subscriber);
    },

    receiveServerTasks(tasks) {
      adoptNewTasks(tasks, serverTasks);
      serverTasks = new Map(tasks.map((task) => [task.id, task]));
      for (const id of serverTasks.keys()) seenOnServer.add(id);
      for (const [id, answer] of confirmed) {
        if (listenerCaughtUp(id, answer)) confirmed.delete(id);
      }
      loaded = true;
      loadError = null;
      notify();
    },

    failLoading(error) {
      loadError = error;
      notify();
    },

    add(description) {
      const key = `local-${++localSeq}`;
      const now = new Date().toISOString();
      const draft = {
        id: key,
        description,
        status: "todo",
        notify_email: false,
        notify_sms: false,
        next_reminder_at: null,
        created_at: now,
        updated_at: now,
        done_at: null,
      };
      drafts.set(key, { description, serverId: null });
      const created = optimistic(key, (task) => task ?? draft, async () => {
        // One at a time, so the server's created_at keeps the order the tasks were typed in.
        const post = lastCreate.then(() => api.post("/api/tasks", { description }));
        lastCreate = post.catch(() => {});
        try {
          const task = await post;
          settleDraft(key, task);
          return task;
        } catch (error) {
          settleDraft(key, null);
          throw error;
        }
      });
      createdIds.set(key, created.then((task) => task.id));
      createdIds.get(key).catch(() => {}); // the caller reports the failure once, through `created`
      return created;
    },

    edit: (id, description) =>
      optimistic(id, patched({ description }), (taskId) =>
        api.patch(`/api/tasks/${taskId}`, { description }),
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
      serverTasks = new Map();
      seenOnServer.clear();
      confirmed.clear();
      overlays = [];
      keyOfId.clear();
      createdIds.clear();
      drafts.clear();
      pendingDeletes.clear();
    },
  };
}
