import { createCard, DRAG_TYPE } from "./card.js";
import { STATUSES } from "./task-store.js";
import { localDay } from "../lib/dates.js";

const SLOW_LOAD_MS = 8000;

/**
 * Renders the store's state into the three columns. Cards are kept by key and only moved
 * when their place changes, so focus and an edit in progress survive updates.
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
  showOlder.addEventListener("click", async () => {
    showOlder.disabled = true;
    showOlder.textContent = "Loading…";
    try {
      await actions.showOlderDone();
    } finally {
      showOlder.disabled = false;
      showOlder.textContent = "Show older";
    }
  });

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
    showDoneToday(state.stats);
    if (!state.loaded) return;
    emptyState.hidden = state.tasks.length > 0;

    const focused = document.activeElement;
    const focusedCard = focused?.closest?.(".card");
    const selection =
      typeof focused?.selectionStart === "number"
        ? [focused.selectionStart, focused.selectionEnd, focused.selectionDirection]
        : null;
    const focusedColumn = focusedCard?.closest(".column");
    const byColumn = Object.fromEntries(STATUSES.map((columnState) => [columnState, []]));
    for (const task of state.tasks) byColumn[task.status].push(task);
    // Stale cards go first, so a card only moves when its own place changes: moving the
    // card being edited would blur it and save a half-typed text.
    const wanted = new Set(state.tasks.map((task) => task.id));
    for (const [id, card] of cards) {
      if (wanted.has(id)) continue;
      const unsaved = card.unsavedText();
      card.dispose();
      card.element.remove();
      cards.delete(id);
      if (unsaved) actions.editLost(card.task, unsaved);
    }
    for (const [columnState, column] of Object.entries(columns)) {
      const tasks = byColumn[columnState];
      // Only cards whose task changed are redrawn, and only a column whose order changed
      // is walked through in the DOM.
      for (const task of tasks) cardFor(task);
      const order = tasks.map((task) => task.id);
      placeCards(column, order, (id) => cards.get(id).element);
      // Done shows a page at a time: its count is the person's total, once they have more.
      const total =
        columnState === "done" && state.doneHasMore
          ? Math.max(state.doneTotal, tasks.length)
          : tasks.length;
      setText(column.count, String(total));
    }
    showOlder.hidden = !state.doneHasMore;
    if (focusedCard) restoreFocus(focused, selection, focusedColumn);
  }

  function showDoneToday(stats) {
    const count = stats?.days?.[localDay(stats.timezone)]?.done ?? 0;
    doneToday.hidden = count <= 0;
    setText(doneTodayCount, String(count));
  }

  function cardFor(task) {
    let card = cards.get(task.id);
    if (!card) {
      card = { ...createCard(task, actions), task };
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
    /** The card `node` is in (its handle: edit, move, remove, reminders), or null. */
    cardAt: (node) => cards.get(node?.closest?.(".card")?.dataset.key) ?? null,
    clear() {
      clearTimeout(slowTimer);
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

/**
 * Puts the column's cards in `order`, touching only the stretch between the first and the
 * last place where it differs from the column's current order (one card added or moved is
 * one DOM change, however long the column).
 */
function placeCards(column, order, elementOf) {
  const previous = column.order;
  let start = 0;
  while (start < order.length && order[start] === previous[start]) start += 1;
  if (start === order.length && order.length === previous.length) return;
  let endNew = order.length;
  let endOld = previous.length;
  while (endNew > start && endOld > start && order[endNew - 1] === previous[endOld - 1]) {
    endNew -= 1;
    endOld -= 1;
  }
  // The first unchanged card after the stretch (or the end of the list) is the anchor.
  let anchor = endNew < order.length ? elementOf(order[endNew]) : null;
  for (let index = endNew - 1; index >= start; index -= 1) {
    const element = elementOf(order[index]);
    if (element.nextSibling !== anchor || element.parentNode !== column.list) {
      column.list.insertBefore(element, anchor);
    }
    anchor = element;
  }
  column.order = order;
}

// Writing the same text again still replaces the node and makes the browser lay out anew.
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
