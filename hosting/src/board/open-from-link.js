import { DONE } from "../lib/task.js";
import { showToast } from "../ui/toasts.js";
import { showColumnOf } from "./column-tabs.js";

// A card still missing when the board is ready may be on its way (the first snapshot came
// from the device's cache): it is waited for this long before the board says it isn't there.
const ARRIVAL_WAIT_MS = 4000;
const HIGHLIGHT_MS = 2000;
const NOT_ON_BOARD =
  "That task isn't on your board now: it may be done, deleted or further down its column.";

/**
 * The task id a board link names (`/board#task=<id>`, as a notification's click opens), or null.
 * @param {string} hash location.hash
 * @returns {string | null}
 */
export function taskIdFromHash(hash) {
  const id = new URLSearchParams(hash.replace(/^#/, "")).get("task");
  return id && /^[A-Za-z0-9_-]{1,128}$/.test(id) ? id : null;
}

/**
 * Opens the task a link names, when the board loads with it or the fragment changes to it:
 * once the board is drawn, its card is scrolled into view, focused and lit up for a moment. A
 * task not on the board (done long ago, deleted, or not loaded) is said calmly. The fragment is
 * then dropped, so the same link followed again is a change again.
 */
export function openTasksFromLinks() {
  const board = /** @type {HTMLElement} */ (document.getElementById("board"));
  const open = async () => {
    const id = taskIdFromHash(location.hash);
    if (!id) return;
    history.replaceState(history.state, "", `${location.pathname}${location.search}`);
    await boardReady(board);
    const card = await cardOf(board, id);
    if (card) showCard(card);
    else showToast(NOT_ON_BOARD);
  };
  window.addEventListener("hashchange", open);
  open();
}

/** @param {HTMLElement} board */
function boardReady(board) {
  return new Promise((resolve) => {
    if (board.dataset.state === "ready") return resolve(undefined);
    const observer = new MutationObserver(() => {
      if (board.dataset.state !== "ready") return;
      observer.disconnect();
      resolve(undefined);
    });
    observer.observe(board, { attributes: true, attributeFilter: ["data-state"] });
  });
}

/**
 * The card of task `id` once it is drawn, or null if it isn't within ARRIVAL_WAIT_MS.
 * @param {HTMLElement} board
 * @param {string} id
 * @returns {Promise<HTMLElement | null>}
 */
function cardOf(board, id) {
  const find = () => board.querySelector(`.card[data-key="${id}"]`);
  return new Promise((resolve) => {
    const found = find();
    if (found) return resolve(/** @type {HTMLElement} */ (found));
    const stop = (card) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(card);
    };
    const observer = new MutationObserver(() => {
      const card = find();
      if (card) stop(card);
    });
    observer.observe(board, { childList: true, subtree: true });
    const timer = setTimeout(() => stop(null), ARRIVAL_WAIT_MS);
  });
}

/** @param {HTMLElement} card */
function showCard(card) {
  const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
  showColumnOf(card); // on a phone, its column's tab
  card.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  card.focus({ preventScroll: true });
  card.animate(
    [{ boxShadow: "0 0 0 4px var(--accent)" }, { boxShadow: "0 0 0 4px transparent" }],
    { duration: HIGHLIGHT_MS, easing: "ease-in" },
  );
  if (card.dataset.status === DONE) showToast("That task is done already.");
}
