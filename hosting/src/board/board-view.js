import { STATUSES } from "../lib/task.js";
import { createCard, DRAG_TYPE } from "./card.js";
import { placeCards } from "./place-cards.js";

const SLOW_LOAD_MS = 8000;
// Due labels are written anew this often: "Today 2:00 PM" turns overdue at 2:00 PM.
const DUE_REFRESH_MS = 30_000;

/**
 * Draws the board the store derives (board-state.js) into the columns, and sends the person's
 * intents to `actions`: showOlderDone(), move(task, status), and the card's (card.js). Cards
 * are kept by key, redrawn only when their task changed, and moved only when their place
 * changes, so focus and an edit in progress survive updates. Due dates are written in the
 * person's time zone (`setTimeZone`; the browser's until it is known) and the browser's locale.
 */
export function createBoardView(actions) {
  const board = document.getElementById("board");
  const status = document.getElementById("board-status");
  const emptyState = document.getElementById("empty-state");
  const saveState = document.getElementById("save-state");
  const columns = Object.fromEntries(
    STATUSES.map((state) => {
      const column = board.querySelector(`.column[data-status="${state}"]`);
      const list = column.querySelector(".card-list");
      return [state, { column, list, count: column.querySelector(".count"), order: [] }];
    }),
  );
  const cards = new Map(); // id -> { element, update, task }
  const showOlder = document.getElementById("show-older-done");
  const doneToday = document.getElementById("done-today");
  const doneTodayCount = document.getElementById("done-today-count");
  showOlder.addEventListener("click", () => actions.showOlderDone());

  let timeZone = null;
  const dueContext = () => ({ now: new Date(), timeZone, locale: navigator.language });
  const refreshDue = () => {
    for (const card of cards.values()) card.refreshDue();
  };
  const dueTimer = setInterval(refreshDue, DUE_REFRESH_MS);

  const slowTimer = setTimeout(() => {
    status.textContent = "Still loading your tasks… Check your connection if this takes long.";
  }, SLOW_LOAD_MS);

  for (const [state, { column }] of Object.entries(columns)) {
    column.addEventListener("dragover", (event) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      column.classList.add("is-drop-target");
    });
    column.addEventListener("dragleave", (event) => {
      if (!column.contains(event.relatedTarget)) column.classList.remove("is-drop-target");
    });
    column.addEventListener("drop", (event) => {
      column.classList.remove("is-drop-target");
      const card = cards.get(event.dataTransfer.getData(DRAG_TYPE));
      if (!card) return;
      event.preventDefault();
      if (card.task.status !== state) actions.move(card.task, state);
    });
  }

  function showStatus({ loaded, loadError }) {
    if (loaded) clearTimeout(slowTimer);
    if (loadError) {
      status.textContent = loaded
        ? "Live updates stopped. Reload the page to see the latest."
        : "Couldn't load your tasks. Reload the page to try again.";
    }
    status.classList.toggle("is-error", Boolean(loadError));
    status.hidden = loaded && !loadError;
    board.hidden = !loaded;
  }

  // A render can set off another (a handler run by a DOM move): it waits for this one.
  let rendering = false;
  let nextState = null;
  function render(state) {
    if (rendering) {
      nextState = state;
      return;
    }
    rendering = true;
    try {
      draw(state);
    } finally {
      rendering = false;
    }
    if (nextState) {
      const waiting = nextState;
      nextState = null;
      render(waiting);
    }
  }

  function draw(state) {
    showStatus(state);
    if (state.saving) setText(saveState, "Saving…");
    else if (state.lastSaveFailed) setText(saveState, "Last change not saved");
    else if (saveState.textContent) setText(saveState, "All changes saved");
    doneToday.hidden = state.doneToday <= 0;
    setText(doneTodayCount, String(state.doneToday));
    if (!state.loaded) return;
    emptyState.hidden = state.tasks.size > 0;

    const focused = document.activeElement;
    const focusedCard = focused?.closest?.(".card");
    const selection =
      typeof focused?.selectionStart === "number"
        ? [focused.selectionStart, focused.selectionEnd, focused.selectionDirection]
        : null;
    const focusedColumn = focusedCard?.closest(".column");
    // Stale cards go first, so a card only moves when its own place changes: moving the
    // card being edited would blur it and save a half-typed text.
    for (const [id, card] of cards) {
      if (state.tasks.has(id)) continue;
      const unsaved = card.unsavedText();
      card.dispose();
      card.element.remove();
      cards.delete(id);
      if (unsaved) actions.editLost(card.task, unsaved);
    }
    for (const [columnState, column] of Object.entries(columns)) {
      const tasks = state.columns[columnState];
      for (const task of tasks) cardFor(task);
      column.order = placeCards(
        column.list,
        column.order,
        tasks.map((task) => task.id),
        (id) => cards.get(id).element,
      );
      setText(column.count, String(state.counts[columnState]));
    }
    const { hasMore, loading } = state.olderDone;
    showOlder.hidden = !hasMore;
    showOlder.disabled = loading;
    setText(showOlder, loading ? "Loading…" : "Show older");
    if (focusedCard) restoreFocus(focused, selection, focusedColumn);
  }

  function cardFor(task) {
    let card = cards.get(task.id);
    if (!card) {
      card = { ...createCard(task, actions, dueContext), task };
      cards.set(task.id, card);
    } else if (card.task !== task) {
      card.task = task;
      card.update(task);
    }
    return card;
  }

  // Moving a node drops its focus (and a text field's caret); a removed card hands focus to
  // its column instead.
  function restoreFocus(focused, selection, column) {
    if (document.activeElement === focused) return;
    if (!focused.isConnected) {
      column.querySelector("h2").focus();
      return;
    }
    focused.focus({ preventScroll: true });
    if (selection) focused.setSelectionRange(...selection);
  }

  return {
    render,
    /** The card `node` is in (its handle: edit, move, remove, reminders, due), or null. */
    cardAt: (node) => cards.get(node?.closest?.(".card")?.dataset.key) ?? null,
    /** The person's IANA time zone (their profile's): due dates are theirs. */
    setTimeZone(zone) {
      if (!zone || zone === timeZone) return;
      timeZone = zone;
      refreshDue();
    },
    clear() {
      clearTimeout(slowTimer);
      clearInterval(dueTimer);
      for (const column of Object.values(columns)) {
        column.list.replaceChildren();
        column.order = [];
      }
      saveState.textContent = "";
      for (const card of cards.values()) card.dispose();
      cards.clear();
    },
  };
}

// Writing the same text again still replaces the node and makes the browser lay out anew.
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
