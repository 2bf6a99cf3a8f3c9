import { STATUSES } from "../lib/task.js";

// board.css's breakpoint: narrower, the columns are tabs and one shows at a time.
const NARROW = "(max-width: 48rem)";
const STORAGE_KEY = "taskly:board-tab";

/** @type {((status: string) => void) | null} */
let select = null;

/**
 * The tab a key pressed on the tab of `current` goes to (ARIA tabs: ← → wrap around, Home and
 * End), or null for any other key.
 * @param {string} current
 * @param {string} key
 * @returns {string | null}
 */
export function tabAfterKey(current, key) {
  const at = STATUSES.indexOf(current);
  const steps = {
    ArrowLeft: at - 1,
    ArrowRight: at + 1,
    Home: 0,
    End: STATUSES.length - 1,
  };
  if (!(key in steps)) return null;
  return STATUSES[(steps[key] + STATUSES.length) % STATUSES.length];
}

/**
 * The tab kept from before a reload, or the first.
 * @param {string | null} saved
 */
export function savedTab(saved) {
  return saved && STATUSES.includes(saved) ? saved : STATUSES[0];
}

/**
 * On narrow screens the board shows one column at a time, under ARIA tabs that carry the
 * counts the columns show ("Todo 30"); board.css hides the other columns there. The chosen
 * tab is kept for the browser tab's session. Wide screens keep the three columns side by side
 * (the tabs are not drawn there). `onChange()` runs as another column shows: the windowed
 * columns measure where they are anew.
 * @param {{ onChange: () => void }} options
 */
export function bindColumnTabs({ onChange }) {
  const board = /** @type {HTMLElement} */ (document.getElementById("board"));
  const tabs = [...board.querySelectorAll("[role=tab]")].map((tab) => {
    const status = /** @type {HTMLElement} */ (tab).dataset.status ?? "";
    const column = /** @type {HTMLElement} */ (
      board.querySelector(`.column[data-status="${status}"]`)
    );
    column.id = `column-panel-${status}`;
    tab.setAttribute("aria-controls", column.id);
    mirrorCount(column, /** @type {HTMLElement} */ (tab.querySelector(".count")));
    return { tab: /** @type {HTMLElement} */ (tab), status, column };
  });
  const narrow = matchMedia(NARROW);

  const show = (status, { focus = false } = {}) => {
    const changed = board.dataset.tab !== status;
    board.dataset.tab = status;
    for (const { tab, status: its } of tabs) {
      tab.setAttribute("aria-selected", String(its === status));
      tab.tabIndex = its === status ? 0 : -1;
      if (focus && its === status) tab.focus();
    }
    sessionStorage.setItem(STORAGE_KEY, status);
    if (!changed) return;
    // From far down a long column, the other one starts at its top.
    if (board.getBoundingClientRect().top < 0) board.scrollIntoView({ block: "start" });
    onChange();
  };
  // Tab panels only where they are tabs: wide, the columns stay regions.
  const applyRoles = () => {
    for (const { column } of tabs) {
      if (narrow.matches) column.setAttribute("role", "tabpanel");
      else column.removeAttribute("role");
    }
  };

  for (const { tab, status } of tabs) {
    tab.addEventListener("click", () => show(status));
    tab.addEventListener("keydown", (event) => {
      const next = tabAfterKey(status, event.key);
      if (!next) return;
      event.preventDefault();
      show(next, { focus: true });
    });
  }
  narrow.addEventListener("change", applyRoles);
  applyRoles();
  show(savedTab(sessionStorage.getItem(STORAGE_KEY)));
  select = (status) => narrow.matches && show(status);
}

/**
 * Shows the tab of the column `node` is in (a card about to be focused: a link opened it, or
 * it moved there from the keyboard), on narrow screens; elsewhere, nothing.
 * @param {Element} node
 */
export function showColumnOf(node) {
  const status = /** @type {HTMLElement | null} */ (node.closest(".column"))?.dataset.status;
  if (status) select?.(status);
}

/**
 * Keeps the tab's count the column's.
 * @param {HTMLElement} column
 * @param {HTMLElement} count
 */
function mirrorCount(column, count) {
  const source = /** @type {HTMLElement} */ (column.querySelector(".count"));
  const copy = () => {
    count.textContent = source.textContent;
  };
  new MutationObserver(copy).observe(source, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  copy();
}
