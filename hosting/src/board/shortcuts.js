import { STATUSES } from "../lib/task.js";
import { openModal } from "../ui/dialog.js";

// Digits follow the columns from left to right: 1 is the first.
const MOVES = Object.fromEntries(STATUSES.map((status, index) => [String(index + 1), status]));

// Keys that take focus to another card of the same column (board-view.js, focusCard).
const STEPS = {
  j: "next",
  ArrowDown: "next",
  k: "previous",
  ArrowUp: "previous",
  Home: "first",
  End: "last",
};

// Inside a card's open editor (its text, Save, Cancel, Keep mine) keys belong to the edit.
const isTyping = (target) =>
  Boolean(target.closest?.("input, textarea, select, [contenteditable], .card-edit"));
const somethingOpen = () => Boolean(document.querySelector("dialog[open], :popover-open"));

/**
 * The board's keyboard shortcuts, listed in the "?" dialog. On the task whose card has focus:
 * 1, 2, 3 move it to Todo, Doing, Done; X checks it done (or not done again); E edits its text; D opens its due date; R opens its
 * reminders; Delete deletes it (with Undo); J or ↓, K or ↑ go to the next or previous card of
 * its column, Home and End to the first and the last; Alt ↑ and Alt ↓ move it up and down its
 * column. Anywhere: N goes to quick add, / to
 * the search box (`search()`), ? shows the list.
 * Keys typed into a field, or with Ctrl or Cmd (or Alt, but for Alt ↑ ↓), are left alone.
 */
export function bindShortcuts(view, { search }) {
  const dialog = document.getElementById("shortcuts-dialog");
  const showHelp = () => dialog.open || openModal(dialog);
  document.getElementById("shortcuts-button").addEventListener("click", showHelp);

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
    if (event.altKey) return orderKey(event);
    if (isTyping(event.target) || somethingOpen()) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const card = view.cardAt(event.target);
    if (key === "?") showHelp();
    else if (key === "n") document.getElementById("quick-add-input").focus();
    else if (key === "/") search();
    else if (card && MOVES[key]) card.move(MOVES[key]);
    else if (card && key === "x") card.complete();
    else if (card && key === "e") card.edit();
    else if (card && key === "r") card.reminders();
    else if (card && key === "d") card.due();
    else if (card && (key === "Delete" || key === "Backspace")) card.remove();
    else if (card && STEPS[key]) view.focusCard(event.target, STEPS[key]);
    else return;
    event.preventDefault();
  });

  // Alt ↑ and Alt ↓ move the card up and down its column.
  function orderKey(event) {
    const step = { ArrowUp: -1, ArrowDown: 1 }[event.key];
    if (!step || isTyping(event.target) || somethingOpen() || !view.cardAt(event.target)) return;
    event.preventDefault();
    view.shiftCard(event.target, step);
  }
}
