import { sendConfirmationLink, watchEmailConfirmation } from "../lib/email-confirmation.js";
import { showToast, toastError } from "../ui/toasts.js";

// Dismissed for this tab's session only: the notice comes back until the address is confirmed.
const DISMISSED = "taskly.emailNoticeDismissed";

/**
 * While the account's address is unconfirmed: a notice that the link was sent (with "Send it
 * again"), the same resend in the reminders dialog, and a watch that notices the confirmation
 * without a reload. Returns a function that stops it.
 */
export function startEmailConfirmation(user) {
  const notice = document.getElementById("email-notice");
  document.getElementById("email-notice-address").textContent = user.email;
  notice.hidden = user.emailVerified || sessionStorage.getItem(DISMISSED) === "1";

  const resend = () =>
    sendConfirmationLink(user).then(
      () => showToast(`We sent a new link to ${user.email}. It can take a minute to arrive.`),
      () => toastError("The link could not be sent. Try again in a minute."),
    );
  document.getElementById("email-notice-resend").addEventListener("click", resend);
  document.getElementById("reminder-email-resend").addEventListener("click", resend);
  document.getElementById("email-notice-dismiss").addEventListener("click", () => {
    sessionStorage.setItem(DISMISSED, "1");
    notice.hidden = true;
    document.getElementById("quick-add-input").focus();
  });

  return watchEmailConfirmation(user, () => {
    notice.hidden = true;
    document.getElementById("reminder-email-note").hidden = true;
    showToast("Your email address is confirmed. Email reminders can go out now.");
  });
}
