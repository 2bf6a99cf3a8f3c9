import { STATUSES, STATUS_LABELS } from "../lib/task.js";

/**
 * The one status menu of the board, opened from a card's status button: a card moves only
 * on a deliberate choice (a click, or Enter/Space on an item), never as the arrow keys pass
 * over the statuses. It lives in the top layer (popover), so a card's paint containment
 * can't clip it.
 */
let menu;
let session = null; // { button, onChoose }
let closing = false; // finish() is hiding the menu (not the platform's light dismiss)
let dismissed = { button: null, at: 0 }; // the last light dismiss: a click outside, or Escape

function items() {
  return [...menu.querySelectorAll("[role=menuitemradio]")];
}

function build() {
  menu = document.createElement("div");
  menu.id = "status-menu";
  menu.className = "status-menu";
  menu.setAttribute("popover", "auto");
  menu.setAttribute("role", "menu");
  menu.setAttribute("aria-label", "Move to");
  for (const status of STATUSES) {
    const item = document.createElement("button");
    item.type = "button";
    item.className = "status-menu-item";
    item.setAttribute("role", "menuitemradio");
    item.dataset.status = status;
    item.tabIndex = -1;
    item.textContent = STATUS_LABELS[status];
    item.addEventListener("click", () => choose(status));
    menu.append(item);
  }
  menu.addEventListener("keydown", onKeydown);
  // Closed by the platform too (a click outside): the session ends with it.
  menu.addEventListener("beforetoggle", (event) => {
    if (event.newState === "closed" && !closing) {
      dismissed = { button: session?.button ?? null, at: performance.now() };
    }
  });
  menu.addEventListener("toggle", (event) => {
    // Queued: another card's menu may be open by now, and is left alone.
    if (event.newState === "closed" && !menu.matches(":popover-open")) finish({ returnFocus: false });
  });
  document.body.append(menu);
}

function onKeydown(event) {
  const all = items();
  const at = all.indexOf(document.activeElement);
  const focusAt = (index) => all[(index + all.length) % all.length].focus();
  if (event.key === "ArrowDown") focusAt(at + 1);
  else if (event.key === "ArrowUp") focusAt(at - 1);
  else if (event.key === "Home") focusAt(0);
  else if (event.key === "End") focusAt(all.length - 1);
  else if (event.key === "Escape") finish({ returnFocus: true });
  else if (event.key === "Tab") finish({ returnFocus: true });
  else return;
  event.preventDefault();
}

function choose(status) {
  const { onChoose } = session ?? {};
  finish({ returnFocus: true });
  onChoose?.(status);
}

function finish({ returnFocus }) {
  if (!session) return;
  const { button } = session;
  session = null;
  button.setAttribute("aria-expanded", "false");
  closing = true;
  if (menu.matches(":popover-open")) menu.hidePopover();
  closing = false;
  if (returnFocus && button.isConnected) button.focus();
}

/** Opens the menu under `button` with `current` checked; `onChoose(status)` on a choice. */
export function openStatusMenu(button, current, onChoose) {
  if (!menu) build();
  // The click on its own button that just dismissed the menu closes it, like a toggle.
  if (dismissed.button === button && performance.now() - dismissed.at < 300) return;
  finish({ returnFocus: false });
  session = { button, onChoose };
  for (const item of items()) {
    item.setAttribute("aria-checked", String(item.dataset.status === current));
  }
  button.setAttribute("aria-expanded", "true");
  menu.showPopover();
  const place = button.getBoundingClientRect();
  const below = place.bottom + menu.offsetHeight + 8 <= window.innerHeight;
  menu.style.left = `${Math.min(place.left, window.innerWidth - menu.offsetWidth - 8)}px`;
  menu.style.top = `${below ? place.bottom + 4 : place.top - menu.offsetHeight - 4}px`;
  menu.querySelector("[aria-checked=true]").focus();
}

/** Closes the menu if it is open for `button` (its card is going away). */
export function closeStatusMenuOf(button) {
  if (session?.button === button) finish({ returnFocus: false });
}

// The column a card goes on to in one tap: Todo to Doing, Doing to Done.
const NEXT = Object.fromEntries(
  STATUSES.slice(0, -1).map((status, at) => [status, STATUSES[at + 1]]),
);

/**
 * The status a card in `status` moves on to in one tap, or null (it is done).
 * @param {string} status
 * @returns {string | null}
 */
export function nextStatus(status) {
  return NEXT[status] ?? null;
}

/**
 * Puts on `card` (card.js's element) the one-tap move on to the next column, "Move to Doing"
 * or "Move to Done", before its status button. board.css shows it on narrow screens only,
 * where one column shows at a time and the menu takes two taps. Focus goes on to the card
 * next to it: the person stays in the column they are going through. `onMove(status)` on a
 * tap; the function returned labels it for a card in `status`.
 * @param {HTMLElement} card
 * @param {(status: string) => void} onMove
 * @returns {(status: string) => void}
 */
export function addNextMove(card, onMove) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "card-move";
  button.setAttribute("aria-describedby", `card-text-${card.dataset.key}`);
  button.addEventListener("click", () => {
    if (card.contains(document.activeElement)) focusNeighbour(card);
    onMove(button.dataset.to ?? "");
  });
  card.querySelector(".card-status")?.before(button);
  return (status) => {
    const to = nextStatus(status);
    button.hidden = !to;
    if (!to || button.dataset.to === to) return;
    button.dataset.to = to;
    button.textContent = STATUS_LABELS[to];
    button.setAttribute("aria-label", `Move to ${STATUS_LABELS[to]}`);
    button.title = `Move to ${STATUS_LABELS[to]}`;
  };
}

/** @param {HTMLElement} card */
function focusNeighbour(card) {
  const isCard = (node) => node?.classList.contains("card");
  const neighbour = [card.nextElementSibling, card.previousElementSibling].find(isCard);
  const target = neighbour ?? card.closest(".column")?.querySelector("h2");
  /** @type {HTMLElement | undefined} */ (target)?.focus({ preventScroll: true });
}
