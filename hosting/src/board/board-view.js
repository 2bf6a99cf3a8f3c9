import { createCard, DRAG_TYPE } from "./card.js";
import { STATUSES } from "./task-store.js";

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
      return [state, { column, list, count: column.querySelector(".count") }];
    }),
  );
  const cards = new Map(); // key -> { element, update, task }

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

  function render(state) {
    showStatus(state);
    if (state.saving) saveState.textContent = "Saving…";
    else if (state.lastSaveFailed) saveState.textContent = "Last change not saved";
    else if (saveState.textContent) saveState.textContent = "All changes saved";
    if (!state.loaded) return;
    emptyState.hidden = state.tasks.length > 0;

    const focused = document.activeElement;
    const focusedCard = focused?.closest?.(".card");
    const focusedColumn = focusedCard?.closest(".column");
    // Stale cards go first, so a card only moves when its own place changes: moving the
    // card being edited would blur it and save a half-typed text.
    const wanted = new Set(state.tasks.map((task) => task.key));
    for (const [key, card] of cards) {
      if (wanted.has(key)) continue;
      card.element.remove();
      cards.delete(key);
    }
    for (const [columnState, { list, count }] of Object.entries(columns)) {
      const tasks = state.tasks.filter((task) => task.status === columnState);
      count.textContent = String(tasks.length);
      tasks.forEach((task, index) => {
        const card = cardFor(task);
        const current = list.children[index];
        if (current !== card.element) list.insertBefore(card.element, current ?? null);
      });
    }
    if (focusedCard) restoreFocus(focused, focusedColumn);
  }

  function cardFor(task) {
    let card = cards.get(task.key);
    if (!card) {
      const created = createCard(task, actions);
      card = { ...created, task };
      cards.set(task.key, card);
    }
    card.task = task;
    card.update(task);
    return card;
  }

  // Moving a node drops its focus; a removed card hands focus to its column instead.
  function restoreFocus(focused, column) {
    if (document.activeElement === focused) return;
    if (focused.isConnected) focused.focus();
    else column.querySelector("h2").focus();
  }

  return {
    render,
    clear() {
      clearTimeout(slowTimer);
      for (const { list } of Object.values(columns)) list.replaceChildren();
      saveState.textContent = "";
      cards.clear();
    },
  };
}
