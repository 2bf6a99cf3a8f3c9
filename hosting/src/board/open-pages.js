/**
 * The open columns' pages: each open column listens to the first cards of its display order
 * (board-state.js, dueFirst), not to all of them, and listens further as the person goes down.
 * Pure: rows and limits in, limits and reaches out.
 *
 * Firestore cannot order a column as it is shown (tasks without a due date come last, and a
 * day's date-only tasks after its timed ones), so a column is read in two segments, each a
 * query with a limit: the tasks with a due date, earliest day first ("dated"), and the others,
 * in the person's order ("undated", by their order key `rank`). A segment that returned as
 * many rows as its limit may have more. Its last day (or rank) may be cut short, so what the
 * column is sure to hold whole ends before it: the column's reach. Cards past the reach are not drawn (the column's count
 * and its spacers still stand for them) until a wider limit brings them in.
 */

/** The rows a segment listens to at first, and the step it widens by at least. */
export const OPEN_PAGE = 100;

export const SEGMENTS = ["dated", "undated"];

/** A column's limits before the person has gone down it. */
export const firstLimits = () => ({ dated: OPEN_PAGE, undated: OPEN_PAGE });

/**
 * One segment's answer: `rows` in the query's order, read with `limit`; `max` is the cap on
 * any query (a column never holds more). Full: there may be more.
 * @param {object[]} rows
 * @param {number} limit
 * @param {number} max
 */
export const segmentAnswer = (rows, limit, max) => ({
  rows,
  full: rows.length >= limit && limit < max,
});

/**
 * How far down its display order a column's segments ({ dated, undated }: segmentAnswer's) hold
 * every task: null when they hold the whole column; { dueBefore: day } (every task due before
 * that day); or { rankBefore: rank } (every dated task, and the undated ones ranked before it).
 */
export function columnReach({ dated, undated }) {
  if (dated.full) return { dueBefore: dated.rows.at(-1).due_date };
  if (undated.full) return { rankBefore: undated.rows.at(-1).rank };
  return null;
}

/** Whether `task` is within `reach` (columnReach's), so its card can be drawn in its place. */
export function withinReach(task, reach) {
  if (!reach) return true;
  const dated = task.due_date != null;
  if ("dueBefore" in reach) return dated && task.due_date < reach.dueBefore;
  return dated || task.rank < reach.rankBefore;
}

/**
 * The limits that bring a column (now at `limits`, reaching `reach`) `wanted` cards down, or
 * further: the segment the reach ends in at least doubles. `wanted` Infinity: the whole column,
 * both segments at once. Null when the column is whole already.
 * @param {{ dated: number, undated: number }} limits
 * @param {object | null} reach
 * @param {number} wanted
 * @param {number} max
 */
export function widerLimits(limits, reach, wanted, max) {
  if (!reach) return null;
  const wider = (limit) => Math.min(Math.max(limit * 2, wanted), max);
  if ("dueBefore" in reach) {
    const dated = wider(limits.dated);
    return { dated, undated: wanted === Infinity ? max : limits.undated };
  }
  return { ...limits, undated: wider(limits.undated) };
}
