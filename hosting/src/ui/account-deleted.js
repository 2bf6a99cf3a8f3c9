// Set just before a deleted account is signed out, read once by the landing page.
const ACCOUNT_DELETED = "taskly.accountDeleted";

export function rememberAccountDeleted() {
  sessionStorage.setItem(ACCOUNT_DELETED, "1");
}

/** Whether the account was just deleted here (asked once). */
export function takeAccountDeleted() {
  const deleted = sessionStorage.getItem(ACCOUNT_DELETED) === "1";
  sessionStorage.removeItem(ACCOUNT_DELETED);
  return deleted;
}
