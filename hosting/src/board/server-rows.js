import {
  noDonePages,
  olderPageArrived,
  olderPageFailed,
  olderPageLoading,
  recentPageArrived,
  withoutOlder,
} from "./done-pages.js";

/**
 * What the server has said about the board: the tasks, the person's statistics document, and
 * whether the listeners failed. Tasks come from three kinds of source:
 *
 * - the live listeners' rows: the open columns' first pages ("open", open-pages.js: with each
 *   column's reach, how far down it they hold every task) and the recent Done page ("done"),
 *   each replaced whole when its listeners speak (null until they first have);
 * - older Done pages, read once (done-pages.js);
 * - the API's answers to this tab's own changes, kept only until the listeners catch up with
 *   them: an answer often comes first, and a listener's older copy must not undo it.
 *
 * A task in two row sources at once (moving from one query to the other, or both on the recent
 * page and on an older one) is the copy updated last. An answer stands until a row is as new as
 * it, or until the listeners, having had the task, no longer do: it was deleted, or moved out of
 * the board's reach, elsewhere. A delete's answer hides the task until the listeners have let
 * it go.
 *
 * A plain value changed by pure functions that each return a new one. Timestamps are ISO
 * strings in UTC with milliseconds, from the listeners and the API alike: they compare as text.
 */
export const noServerRows = () => ({
  open: null,
  done: null,
  donePages: noDonePages(),
  answers: new Map(), // id -> the API's task, or null once deleted
  seen: new Set(), // ids the listeners or an older page have had
  reach: {}, // open status -> its column's reach (open-pages.js); missing: the whole column
  counts: {}, // open status -> how many tasks its column holds, as last counted on the server
  stats: null,
  loadError: null,
});

const byId = (tasks) => new Map(tasks.map((task) => [task.id, task]));
const newer = (known, task) => (!known || task.updated_at > known.updated_at ? task : known);

/** The copy of task `id` the rows hold (the one updated last), or undefined. */
function rowOf(server, id) {
  let row;
  for (const rows of [server.open, server.done, server.donePages.older]) {
    const task = rows?.get(id);
    if (task) row = newer(row, task);
  }
  return row;
}

function answerOvertaken(server, id, answer) {
  const row = rowOf(server, id);
  if (!row) return server.seen.has(id);
  return answer !== null && row.updated_at >= answer.updated_at;
}

/** The same value, with what the rows now say folded in: ids seen, answers overtaken gone. */
function caughtUp(server, newRows) {
  let seen = server.seen;
  for (const task of newRows) {
    if (seen.has(task.id)) continue;
    if (seen === server.seen) seen = new Set(seen);
    seen.add(task.id);
  }
  const next = { ...server, seen };
  const stale = [...server.answers].filter(([id, answer]) => answerOvertaken(next, id, answer));
  if (!stale.length) return next;
  const answers = new Map(server.answers);
  for (const [id] of stale) answers.delete(id);
  return { ...next, answers };
}

/**
 * What the live listeners delivered for one change: `open`, a list of tasks, and with it
 * `reach`, { [status]: reach } for the open columns; `done`, the recent Done page as { rows (a
 * list, most recently finished first), cursor, full }. Either may be missing (its listeners
 * did not speak).
 */
export function rowsArrived(server, { open, reach, done }) {
  const next = { ...server, loadError: null };
  if (open) next.open = byId(open);
  if (reach) next.reach = reach;
  if (done) {
    next.done = byId(done.rows);
    next.donePages = recentPageArrived(server.donePages, server.done, {
      rows: next.done,
      cursor: done.cursor,
      full: done.full,
    });
  }
  return caughtUp(next, [...(open ?? []), ...(done?.rows ?? [])]);
}

export const olderDoneLoading = (server) => ({
  ...server,
  donePages: olderPageLoading(server.donePages),
});

/** An older Done page read: { rows (a list), cursor, full }. */
export const olderDoneArrived = (server, page) =>
  caughtUp({ ...server, donePages: olderPageArrived(server.donePages, page) }, page.rows);

export const olderDoneFailed = (server) => ({
  ...server,
  donePages: olderPageFailed(server.donePages),
});

/** The API's answer to a change of task `id`: the task, or null for a delete. */
export function answerArrived(server, id, answer) {
  const next =
    answer === null ? { ...server, donePages: withoutOlder(server.donePages, id) } : server;
  if (answerOvertaken(next, id, answer)) return next;
  return { ...next, answers: new Map(server.answers).set(id, answer) };
}

/** The open columns' counts from the server: { [status]: count }, those counted this time. */
export const countsArrived = (server, counts) => ({
  ...server,
  counts: { ...server.counts, ...counts },
});

/** The statistics document (users/{uid}/stats/progress), null while there is none. */
export const statsArrived = (server, stats) => ({ ...server, stats });

export const loadFailed = (server, error) => ({ ...server, loadError: error });

/** Both live listeners have spoken. */
export const rowsLoaded = (server) => server.open !== null && server.done !== null;

/** Every task the server has said is on the board: Map(id -> task). */
export function serverTasks(server) {
  const tasks = new Map();
  for (const rows of [server.open, server.done, server.donePages.older]) {
    for (const [id, task] of rows ?? []) tasks.set(id, newer(tasks.get(id), task));
  }
  for (const [id, answer] of server.answers) {
    if (answer) tasks.set(id, answer);
    else tasks.delete(id);
  }
  return tasks;
}
