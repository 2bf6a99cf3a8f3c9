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
