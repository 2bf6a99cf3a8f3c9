import { readProgress } from "../lib/progress-document.js";
import { DONE, OPEN_STATUSES, sameTask, STATUSES } from "../lib/task.js";
import { withinReach } from "./open-pages.js";
import { matchRanges, searchTerms } from "./search-text.js";
import { noServerRows, rowsLoaded, serverTasks } from "./server-rows.js";

/**
 * The board's state, and the board a person sees, derived from it by one pure function.
 *
 * The state is what the server said (server-rows.js) plus the changes made here and not yet
 * settled, in the order they were made: { server, pending, lastSaveFailed, settles, uncounted }.
 * A pending change is { seq, id, kind, fields, sending, waiting } (`waiting`: made offline,
 * kept until the network returns):
 *
 * - "create": `fields` is the new task, shown until the server's copy is in;
 * - "update": `fields` are put over the task (its text, status or reminder switches);
 * - "delete": the task is hidden; until it is `sending`, it is in its undo window.
 *
 * A change shows at once and leaves the list when the API has answered: a change the API
 * took leaves its answer in the server's part, one it refused simply goes (and the task is as
 * the server has it). The board shows each column's tasks in order, with counts, whether
 * anything is being saved, and the "Show older" button's state. A task that says the same as
 * on the board before keeps its identity, so the view redraws only what changed.
 *
 * An open column holds its cards as far as its reach (open-pages.js); its count, once it has
 * more, is the server's count (server-rows.js, counts) moved on by what this tab's changes did
 * to the column since: the pending ones, and the settled ones the count did not see yet
 * (`uncounted`: { settle, effect }, `settle` numbering the settled changes that took a task
 * into or out of a column, `settles` the last number). A change's effect is { [status]: +1 or
 * -1 } for the columns it took a task into and out of; the board hands them out (`effects`, by
 * seq) for the store to keep when one settles.
 *
 * A search (`search`, the text typed in the board's search box) shows only the cards whose
 * text has every word of it (search-text.js), with where each matches (`marks`); the counts
 * are then of the matches, "at least" while a column is not all loaded.
 */
export const initialBoardState = () => ({
  server: noServerRows(),
  pending: [],
  lastSaveFailed: false,
  settles: 0,
  uncounted: [],
  timeZone: null, // the person's (their profile's), once known
  search: "",
});

function applyChange(task, change) {
  if (change.kind === "create") return task ?? change.fields;
  if (change.kind === "delete") return undefined;
  return task && { ...task, ...change.fields };
}

/** The columns a change took a task out of and into: { [status]: -1 | +1 }, or null. */
function effectOf(before, after) {
  if (before?.status === after?.status) return null;
  const effect = {};
  if (before) effect[before.status] = -1;
  if (after) effect[after.status] = 1;
  return effect;
}

function addEffect(totals, effect) {
  for (const [status, change] of Object.entries(effect)) totals[status] += change;
}

// Done shows the most recently finished first, and a task just moved there, not yet given its
// done_at by the server, first of all ("~" sorts after every digit). Ties keep one order, by id.
const sortTime = (task) => (task.status === DONE ? (task.done_at ?? "~") : task.created_at);
function newestFirst(a, b) {
  const [timeA, timeB] = [sortTime(a), sortTime(b)];
  if (timeA !== timeB) return timeA < timeB ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// Open columns show what is due first: the tasks with a due date, the earliest first, then the
// undated ones. Within a day, the tasks with a time come by their time, and the day's date-only
// tasks after them: a date without a time means "some time that day", so by the day's end,
// later than any time set on it ("~" sorts after every "HH:MM"). Dates and times are the
// person's local ones, which compare as text. Equal dues (and the undated tasks) come in the
// person's own order: by their order key, `rank`, which the server gives a new task at the top
// and a placed one between its neighbours.
export const dueKey = (task) =>
  task.due_date ? `${task.due_date} ${task.due_time ?? "~"}` : null;
/**
 * Whether a count of the columns read now can be trusted: no change of this tab that moves a
 * card between columns is in flight, and none settled since the `settles` numbered `asOf`.
 * A count that ran beside such a change may or may not include it (the server may have
 * committed it before its answer came back), so counting it once more, or not at all, would
 * show a column one off.
 * @param {{ effects: Map<number, unknown>, settles: number }} board
 * @param {number} asOf
 */
export const quietSince = (board, asOf) => board.effects.size === 0 && board.settles === asOf;

/** How two open tasks' dues order them: negative when `a` comes first, 0 for the same due. */
export function dueOrder(a, b) {
  const [dueA, dueB] = [dueKey(a), dueKey(b)];
  if (dueA === dueB) return 0;
  if (dueA === null) return 1;
  if (dueB === null) return -1;
  return dueA < dueB ? -1 : 1;
}

export function dueFirst(a, b) {
  const byDue = dueOrder(a, b);
  if (byDue !== 0) return byDue;
  if (a.rank !== b.rank) return (a.rank ?? "") < (b.rank ?? "") ? -1 : 1;
  return newestFirst(a, b);
}

/**
 * The board for `state`, at `now`; `previous` is the board derived before, whose task objects
 * are kept where nothing changed.
 */
export function visibleBoard(state, { now, previous = null }) {
  const { server, pending } = state;
  const tasks = serverTasks(server);
  const effects = new Map();
  const decided = new Map();
  const unseen = Object.fromEntries(STATUSES.map((status) => [status, 0]));
  for (const { effect } of state.uncounted) addEffect(unseen, effect);
  for (const change of pending) {
    const before = tasks.get(change.id);
    const task = applyChange(before, change);
    if (task) tasks.set(change.id, task);
    else tasks.delete(change.id);
    // What a change does to the columns is fixed when it is made: the listeners can bring the
    // server's copy of it before its answer comes, and it must not count for nothing then.
    const effect = previous?.decided.has(change.seq)
      ? previous.decided.get(change.seq)
      : effectOf(before, task);
    decided.set(change.seq, effect);
    if (effect) {
      effects.set(change.seq, effect);
      addEffect(unseen, effect);
    }
  }
  const columns = Object.fromEntries(STATUSES.map((status) => [status, []]));
  for (const [id, task] of tasks) {
    const before = previous?.tasks.get(id);
    const kept = before && before !== task && sameTask(before, task) ? before : task;
    tasks.set(id, kept);
    if (withinReach(kept, server.reach[kept.status])) columns[kept.status].push(kept);
  }
  for (const [status, column] of Object.entries(columns)) {
    column.sort(status === DONE ? newestFirst : dueFirst);
  }
  const terms = searchTerms(state.search);
  const marks = new Map();
  if (terms.length) {
    for (const [status, column] of Object.entries(columns)) {
      columns[status] = column.filter((task) => {
        const ranges = matchRanges(task.description, terms);
        if (ranges) marks.set(task.id, ranges);
        return ranges !== null;
      });
    }
  }

  const { doneTasks, doneToday } = readProgress(server.stats, now, state.timeZone ?? undefined);
  const { hasMore, loading } = server.donePages;
  // Done shows a page at a time: its count is the person's total, once they have more.
  const counts = Object.fromEntries(
    STATUSES.map((status) => [status, columns[status].length]),
  );
  if (hasMore && !terms.length) counts[DONE] = Math.max(doneTasks, counts[DONE]);
  // An open column with cards past its reach: the server's count, once there is one.
  const more = {};
  const counted = { [DONE]: true };
  for (const status of OPEN_STATUSES) {
    more[status] = Boolean(server.reach[status]);
    const serverCount = server.counts[status];
    counted[status] = !more[status] || serverCount !== undefined;
    if (more[status] && serverCount !== undefined && !terms.length) {
      counts[status] = Math.max(serverCount + unseen[status], counts[status]);
    }
    if (terms.length) counted[status] = !more[status];
  }
  if (terms.length) {
    counts[DONE] = columns[DONE].length;
    counted[DONE] = !hasMore;
  }

  return {
    loaded: rowsLoaded(server),
    loadError: server.loadError,
    saving: pending.some((change) => change.sending),
    // Changes made offline, waiting for the network (task-store.js), and the tasks they touch.
    waiting: pending.filter((change) => change.waiting).length,
    waitingIds: new Set(pending.filter((change) => change.waiting).map((change) => change.id)),
    lastSaveFailed: state.lastSaveFailed,
    tasks,
    columns,
    counts,
    // Open columns with cards not loaded yet, and whether each count is the server's (else
    // it is only the cards loaded: "at least").
    more,
    counted,
    effects,
    decided,
    settles: state.settles,
    olderDone: { hasMore, loading },
    doneToday,
    // The search: its words (none: no search), and the matched ranges of each card shown.
    search: { text: state.search, terms, marks },
  };
}
