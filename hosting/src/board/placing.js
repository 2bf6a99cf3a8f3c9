import { dueKey, dueOrder } from "./board-state.js";

/**
 * Putting a card where the person dropped it (or moved it with the keyboard) in an open
 * column. Pure.
 *
 * A column shows its tasks by due first (board-state.js, dueFirst): the person's own order
 * applies among the tasks with the same due, and among those without one. So a task can go
 * anywhere that keeps the dues in order, and its new rank goes between those of its neighbours
 * with the same due (the others bound nothing).
 */

/** Why a task cannot go somewhere: said to the person. */
export const OUT_OF_DATE_ORDER =
  "Tasks with a due date stay in date order, above those without one. Change its date to move it there.";

/**
 * Where `task` goes when put at `index` among `others` (the column's tasks in order, without
 * it): { above, below }, the neighbours its rank goes between (null: no bound on that side);
 * or { refused } with the reason, when that place would break the order of the dues.
 * @param {object[]} others
 * @param {object} task
 * @param {number} index
 */
export function placeAt(others, task, index) {
  const above = others[index - 1] ?? null;
  const below = others[index] ?? null;
  if ((above && dueOrder(above, task) > 0) || (below && dueOrder(task, below) > 0)) {
    return { refused: OUT_OF_DATE_ORDER };
  }
  const sameDue = (neighbour) => (neighbour && dueKey(neighbour) === dueKey(task) ? neighbour : null);
  return { above: sameDue(above), below: sameDue(below) };
}
