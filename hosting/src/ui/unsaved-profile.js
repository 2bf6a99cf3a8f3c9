// Set by sign-up when the new profile could not be saved, read once by the board: the account
// exists, so sign-up goes on, and the board says what is missing and where to fix it.
const UNSAVED_PROFILE = "taskly.unsavedProfile";

export function rememberUnsavedProfile(reason) {
  sessionStorage.setItem(UNSAVED_PROFILE, reason);
}

/** The message for a profile sign-up could not save, once; null when there is none. */
export function takeUnsavedProfileMessage() {
  const reason = sessionStorage.getItem(UNSAVED_PROFILE);
  if (reason === null) return null;
  sessionStorage.removeItem(UNSAVED_PROFILE);
  return `Your name and time zone weren't saved (${reason}). Set them on the Account page.`;
}

const LEAVE_QUESTION = "This page has changes you haven't saved. Leave without saving them?";

/**
 * Asks before the page is left while `unsaved()` says a change would be lost: the browser's own
 * question when the tab is closed or reloaded, a confirm for a link to another Taskly page.
 * Returns { mayLeave() }: asks the same for leaving by other means (log out); true to go on.
 */
export function askBeforeLeaving(unsaved) {
  let leaving = false; // the person said yes: the page going away asks nothing more

  function mayLeave() {
    if (leaving || !unsaved()) return true;
    leaving = confirm(LEAVE_QUESTION);
    return leaving;
  }

  window.addEventListener("beforeunload", (event) => {
    if (leaving || !unsaved()) return;
    event.preventDefault();
    event.returnValue = "";
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[href]");
    if (!link || event.defaultPrevented || !leavesPage(link, event)) return;
    if (!mayLeave()) event.preventDefault();
  });
  return { mayLeave };
}

// A link opened in another tab, or to a place on this page, leaves nothing behind.
function leavesPage(link, event) {
  const elsewhere = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey;
  if (elsewhere || link.hasAttribute("download") || (link.target && link.target !== "_self")) {
    return false;
  }
  const to = new URL(link.href, location.href);
  return to.pathname !== location.pathname || to.search !== location.search;
}
