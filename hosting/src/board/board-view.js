import { STATUSES } from "../lib/task.js";
import { createCard, DRAG_TYPE } from "./card.js";
import { showColumnOf } from "./column-tabs.js";
import { placeCards } from "./place-cards.js";
import { addNextMove } from "./status-menu.js";
import { drawnBand, offsetsOf, rangeIn, WINDOW_MIN, windowParts } from "./window-range.js";

const SLOW_LOAD_MS = 8000;
// Due labels are written anew this often: "Today 2:00 PM" turns overdue at 2:00 PM.
const DUE_REFRESH_MS = 30_000;
// The height of a card not yet drawn, until drawn ones say better (their average).
const CARD_HEIGHT_GUESS = 88;
const SPACER_KEY = "~spacer-"; // task ids are letters and digits only
// A column not all loaded asks for more when the screen comes this many cards from its end.
const LOAD_AHEAD = 30;

/**
 * Draws the board the store derives (board-state.js) into the columns, and sends the person's
 * intents to `actions`: showOlderDone(), loadMore(status, wanted), move(task, status),
 * place(task, status, others, index) (a card dropped among `others`, the column's other tasks,
 * at `index`; placing.js), say(text) (for a screen reader), and the card's (card.js). Cards
 * are kept by key, redrawn only when their task changed, and moved only when their place
 * changes, so focus and an edit in progress survive updates. Due dates are
 * written in the person's time zone (`setTimeZone`; the browser's until it is known) and the
 * browser's locale.
 *
 * A long column (WINDOW_MIN cards or more) draws only the cards on screen and a screen's worth
 * above and below; spacers as tall as the cards they stand for keep the scroll bar and the
 * page's length true (window-range.js). It is drawn anew as the page scrolls or resizes. The
 * focused card, the one being dragged and one with an unsaved edit are always drawn. Each card
 * says its place (aria-posinset, aria-setsize), so "card 140 of 2,000" is heard. The browser's
 * find-in-page only finds drawn cards: a task far down a long column is found by the board's
 * search (search-box.js).
 *
 * An open column the store has only the first cards of (board-state.js, `more`) stands for the
 * rest with spacers too, as tall as its count says, and asks for more (`loadMore`) as the
 * screen nears its loaded end (all of it during a search); the keyboard going past it (J, End)
 * asks for them and moves focus once they are in. Its count says "at least" ("99+") until the server has counted it.
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
      const count = column.querySelector(".count");
      // order: the keys of the list's cards and spacers, as placed; tasks: the column's, all.
      const parts = { order: [], tasks: [], spacers: [], gap: null };
      return [state, { status: state, column, list, count, ...parts }];
    }),
  );
  const cards = new Map(); // id -> { element, update, task }: the cards drawn
  const heights = new Map(); // id -> the card's height when last drawn, in pixels
  let heightGuess = CARD_HEIGHT_GUESS;
  let lastState = null;
  let dragging = null; // the id of the card being dragged
  // Where the keyboard is going in a column: { status, index } (index Infinity: its last card),
  // drawn wherever it is, and focused once it is loaded.
  let wish = null;
  let waitingIds = new Set(); // tasks with changes made offline, not yet sent
  let marks = new Map(); // task id -> where the search matched its text
  const searchStatus = document.getElementById("search-status");
  const emptyTexts = new Map(
    Object.values(columns).map(({ column }) => {
      const empty = column.querySelector(".column-empty");
      return [empty, empty.textContent];
    }),
  );
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

  // Where a dragged card would land: above or below the card under the pointer, marked.
  let dropMark = null; // { element, before }
  function markDrop(element, before) {
    if (dropMark?.element === element && dropMark.before === before) return;
    clearDropMark();
    if (!element) return;
    element.classList.add(before ? "is-drop-before" : "is-drop-after");
    dropMark = { element, before };
  }
  function clearDropMark() {
    dropMark?.element.classList.remove("is-drop-before", "is-drop-after");
    dropMark = null;
  }

  for (const [state, { column }] of Object.entries(columns)) {
    column.addEventListener("dragover", (event) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      column.classList.add("is-drop-target");
      const over = event.target.closest?.(".card");
      if (!over || over.dataset.key === dragging) return markDrop(null);
      const box = over.getBoundingClientRect();
      markDrop(over, event.clientY < box.top + box.height / 2);
    });
    column.addEventListener("dragleave", (event) => {
      if (column.contains(event.relatedTarget)) return;
      column.classList.remove("is-drop-target");
      clearDropMark();
    });
    column.addEventListener("drop", (event) => {
      column.classList.remove("is-drop-target");
      const mark = dropMark;
      clearDropMark();
      const card = cards.get(event.dataTransfer.getData(DRAG_TYPE));
      if (!card) return;
      event.preventDefault();
      const others = columns[state].tasks.filter((task) => task.id !== card.task.id);
      const at = mark ? others.findIndex((task) => task.id === mark.element.dataset.key) : -1;
      // Dropped on a card: next to it. Elsewhere in another column: on its top.
      if (at !== -1) actions.place(card.task, state, others, mark.before ? at : at + 1);
      else if (card.task.status !== state) actions.move(card.task, state);
    });
  }

  board.addEventListener("dragstart", (event) => {
    dragging = event.target.closest?.(".card")?.dataset.key ?? null;
  });
  board.addEventListener("dragend", () => {
    dragging = null;
    clearDropMark();
    redrawSoon();
  });

  // Scrolling draws other cards of the long columns, once a frame at most.
  let frame = 0;
  function redrawSoon() {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (lastState) render(lastState);
    });
  }
  const onResize = () => {
    heights.clear(); // another width wraps the texts anew
    redrawSoon();
  };
  window.addEventListener("scroll", redrawSoon, { passive: true });
  window.addEventListener("resize", onResize, { passive: true });

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
    if (state.waiting > 0) setText(saveState, `Offline — ${changesInWords(state.waiting)} will sync`);
    else if (state.saving) setText(saveState, "Saving…");
    else if (state.lastSaveFailed) setText(saveState, "Last change not saved");
    else if (saveState.textContent) setText(saveState, "All changes saved");
    doneToday.hidden = state.doneToday <= 0;
    setText(doneTodayCount, String(state.doneToday));
    if (!state.loaded) return;
    emptyState.hidden = state.tasks.size > 0;

    lastState = state;
    const wished = wishedCard(state);

    const focused = document.activeElement;
    const focusedCard = focused?.closest?.(".card");
    const selection =
      typeof focused?.selectionStart === "number"
        ? [focused.selectionStart, focused.selectionEnd, focused.selectionDirection]
        : null;
    const focusedColumn = focusedCard?.closest(".column");
    // Where each column's cards go is read before anything is written: one layout.
    const kept = keptIds(focusedCard?.dataset.key, wished?.id);
    const plans = Object.values(columns).map((column) => {
      column.tasks = state.columns[column.status];
      return [column, plan(column, kept, state)];
    });
    const drawn = new Set();
    for (const [column, parts] of plans) {
      for (const part of parts) if (typeof part === "number") drawn.add(column.tasks[part].id);
    }
    // Cards going first, so a card only moves when its own place changes: moving the card
    // being edited would blur it and save a half-typed text.
    for (const [id, card] of cards) {
      if (drawn.has(id)) continue;
      const unsaved = state.tasks.has(id) ? null : card.unsavedText();
      card.dispose();
      card.element.remove();
      cards.delete(id);
      if (unsaved) actions.editLost(card.task, unsaved);
    }
    waitingIds = state.waitingIds;
    marks = state.search.marks;
    showSearch(state);
    for (const [column, parts] of plans) {
      const count = state.counts[column.status];
      placeColumn(column, parts, count);
      setText(column.count, state.counted[column.status] ? String(count) : `${count}+`);
    }
    const { hasMore, loading } = state.olderDone;
    showOlder.hidden = !hasMore;
    showOlder.disabled = loading;
    const olderLabel = state.search.terms.length ? "Search older done tasks" : "Show older";
    setText(showOlder, loading ? "Loading…" : olderLabel);
    if (wished) {
      cards.get(wished.id).element.focus();
      wish = null;
    } else if (focusedCard) restoreFocus(focused, selection, focusedColumn);
    // The measurements' mark: the columns are drawn from the first snapshot.
    if (!board.dataset.state) board.dataset.state = "ready";
    measure(plans);
  }

  /** What a search found, said once the columns it searches are all loaded. */
  function showSearch(state) {
    const { text, terms } = state.search;
    const searching = terms.length > 0;
    for (const [empty, words] of emptyTexts) {
      setText(empty, searching ? "No matching tasks here." : words);
    }
    if (!searching) {
      setText(searchStatus, "");
      return;
    }
    const found = Object.values(state.columns).reduce((sum, tasks) => sum + tasks.length, 0);
    const loading = Object.values(state.more).some(Boolean);
    const quoted = `“${text.trim()}”`;
    let said = found === 0 ? `No task matches ${quoted}` : `${found === 1 ? "1 task matches" : `${found} tasks match`} ${quoted}`;
    if (loading) said = `Searching all your tasks for ${quoted}…`;
    else if (state.olderDone.hasMore) said += ", older done tasks not searched yet";
    setText(searchStatus, `${said}.`);
  }

  /** The ids of the cards drawn wherever they are. */
  function keptIds(focusedId, wishedId) {
    const ids = new Set([focusedId, dragging, wishedId]);
    for (const [id, card] of cards) if (card.unsavedText()) ids.add(id);
    ids.delete(undefined);
    ids.delete(null);
    return ids;
  }

  /** The card the keyboard is going to, now that it is loaded, or null. */
  function wishedCard(state) {
    if (!wish) return null;
    const tasks = state.columns[wish.status];
    if (wish.index === Infinity) return state.more[wish.status] ? null : (tasks.at(-1) ?? null);
    return tasks[wish.index] ?? null;
  }

  /**
   * The column's parts (window-range.js): all its cards, or, in a long one, a window. A column
   * not all loaded has a place for each card it counts; those not loaded are never drawn.
   */
  function plan(column, kept, state) {
    const { tasks, list, status } = column;
    const more = Boolean(state.more[status]);
    const places = more ? Math.max(state.counts[status], tasks.length) : tasks.length;
    const windowed = places >= WINDOW_MIN || more;
    list.classList.toggle("is-windowed", windowed);
    if (!windowed) return tasks.map((_, index) => index);
    column.gap ??= parseFloat(getComputedStyle(list).rowGap) || 0;
    const cardHeights = new Array(places).fill(heightGuess);
    tasks.forEach((task, index) => (cardHeights[index] = heights.get(task.id) ?? heightGuess));
    const offsets = offsetsOf(cardHeights, column.gap);
    const band = drawnBand(list.getBoundingClientRect().top, innerHeight, innerHeight);
    const range = rangeIn(offsets, band.top, band.bottom);
    // A search looks through the whole column.
    if (more && state.search.terms.length) actions.loadMore(status, Infinity);
    else if (more && range.end + LOAD_AHEAD > tasks.length) {
      actions.loadMore(status, range.end + LOAD_AHEAD);
    }
    const loaded = {
      start: Math.min(range.start, tasks.length),
      end: Math.min(range.end, tasks.length),
    };
    const keep = [];
    tasks.forEach((task, index) => kept.has(task.id) && keep.push(index));
    return windowParts(offsets, column.gap, loaded, keep);
  }

  function placeColumn(column, parts, total) {
    let spacers = 0;
    const keys = parts.map((part) => {
      if (typeof part !== "number") {
        spacerAt(column, spacers).style.height = `${part.height}px`;
        return `${SPACER_KEY}${spacers++}`;
      }
      const card = cardFor(column.tasks[part]);
      card.markWaiting(waitingIds.has(card.task.id));
      card.showMarks(marks.get(card.task.id) ?? []);
      card.element.setAttribute("aria-posinset", String(part + 1));
      card.element.setAttribute("aria-setsize", String(total));
      return card.task.id;
    });
    for (const unused of column.spacers.splice(spacers)) unused.remove();
    column.order = placeCards(column.list, column.order, keys, (key) =>
      key.startsWith(SPACER_KEY)
        ? column.spacers[Number(key.slice(SPACER_KEY.length))]
        : cards.get(key).element,
    );
  }

  function spacerAt(column, index) {
    if (!column.spacers[index]) {
      const spacer = document.createElement("li");
      spacer.className = "card-spacer";
      spacer.setAttribute("aria-hidden", "true");
      column.spacers[index] = spacer;
    }
    return column.spacers[index];
  }

  // Drawn cards of long columns are measured; a height unlike the one assumed redraws the
  // window (converging: a card measured again is the same height).
  function measure(plans) {
    let changed = false;
    for (const [column, parts] of plans) {
      if (!column.list.classList.contains("is-windowed")) continue;
      for (const part of parts) {
        if (typeof part !== "number") continue;
        const id = column.tasks[part].id;
        const height = cards.get(id).element.getBoundingClientRect().height;
        if (height <= 0) continue;
        if (Math.abs((heights.get(id) ?? heightGuess) - height) > 0.5) changed = true;
        heights.set(id, height);
      }
    }
    if (!changed) return;
    let sum = 0;
    for (const height of heights.values()) sum += height;
    heightGuess = sum / heights.size;
    redrawSoon();
  }

  function cardFor(task) {
    let card = cards.get(task.id);
    if (!card) {
      card = { ...createCard(task, actions, dueContext), task };
      card.showNextMove = addNextMove(card.element, (status) => card.move(status));
      cards.set(task.id, card);
    } else if (card.task !== task) {
      card.task = task;
      card.update(task);
    }
    card.showNextMove(task.status);
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
    showColumnOf(focused); // a card moved from the keyboard: followed to its column's tab
    focused.focus({ preventScroll: true });
    if (selection) focused.setSelectionRange(...selection);
  }

  return {
    render,
    /**
     * Moves focus from the card `node` is in to another card of its column: "next",
     * "previous", "first" or "last". A card outside the window is drawn first, and scrolled to;
     * one not loaded yet is asked for, and focused when it is in.
     */
    focusCard(node, where) {
      const card = cards.get(node?.closest?.(".card")?.dataset.key);
      const column = card && columns[card.task.status];
      if (!column || !lastState) return;
      const { status, tasks } = column;
      const index = tasks.findIndex((task) => task.id === card.task.id);
      const more = lastState.more[status];
      const steps = { first: 0, last: Infinity, next: index + 1, previous: Math.max(index - 1, 0) };
      wish = { status, index: steps[where] };
      if (more && (wish.index === Infinity || wish.index >= tasks.length)) {
        actions.loadMore(status, wish.index + 1);
      }
      // Past the end of a whole column: its last card.
      if (!more && wish.index >= tasks.length) wish.index = Infinity;
      render(lastState);
    },
    /**
     * Moves the card `node` is in one place up (`step` -1) or down (+1) its column, through
     * `actions.place`; at either end, says so.
     */
    shiftCard(node, step) {
      const card = cards.get(node?.closest?.(".card")?.dataset.key);
      const column = card && columns[card.task.status];
      if (!column || !lastState) return;
      const { status, tasks } = column;
      const index = tasks.findIndex((task) => task.id === card.task.id);
      const to = index + step;
      if (to < 0 || to >= tasks.length) {
        actions.say(step < 0 ? "It is first in its column." : "It is last of the cards loaded.");
        return;
      }
      const others = tasks.filter((task) => task.id !== card.task.id);
      actions.place(card.task, status, others, to);
    },
    /**
     * Where the task with `id` is now: its column's other tasks in order and its index among
     * them (for placing.js), or null when it is not on the board.
     */
    placeOf(id) {
      for (const { status, tasks } of Object.values(columns)) {
        const index = tasks.findIndex((task) => task.id === id);
        if (index >= 0) return { status, others: tasks.filter((task) => task.id !== id), index };
      }
      return null;
    },
    /** Draws the columns anew: another shows (column-tabs.js). */
    redraw: redrawSoon,
    /** Marks where the first snapshot came from: "cache" or "server" (for measurements). */
    markSource(source) {
      board.dataset.source = source;
    },
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
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", redrawSoon);
      window.removeEventListener("resize", onResize);
      lastState = null;
      for (const column of Object.values(columns)) {
        column.list.replaceChildren();
        column.order = [];
        column.tasks = [];
        column.spacers = [];
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

/** "1 change", "3 changes". */
export function changesInWords(count) {
  return count === 1 ? "1 change" : `${count} changes`;
}
