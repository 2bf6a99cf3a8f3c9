import { api } from "../lib/api.js";
import { getAuthReady } from "../lib/session.js";
import { rememberAccountDeleted } from "../ui/account-deleted.js";
import { openModal } from "../ui/dialog.js";
import { checkFields, clearErrors, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import { reauthenticate } from "./reauthenticate.js";

/**
 * Deleting the account asks for the password: it cannot be undone, and the server takes it only
 * from a sign-in of the last few minutes. The server closes the account at once and erases it in
 * the background; this page then says so and signs out.
 */
export function bindDeleteAccount(openButton, dialog, { onDeleted }) {
  const form = dialog.querySelector("form");
  const password = form.elements.password;
  const progress = document.getElementById("delete-progress");
  const progressText = progress.querySelector("[data-progress-text]");
  const cancel = form.querySelector("[data-close]");

  openButton.disabled = false;
  openButton.addEventListener("click", () => {
    form.reset();
    clearErrors(form);
    openModal(dialog);
    password.focus();
  });

  const showProgress = (text) => {
    progress.hidden = !text;
    progressText.textContent = text;
    cancel.disabled = Boolean(text);
    password.readOnly = Boolean(text);
  };

  onSubmit(form, async () => {
    if (!checkFields([[password, !password.value && "Enter your password to confirm."]])) return;
    await whileBusy(form, async () => {
      const { currentUser } = await getAuthReady();
      if (!(await reauthenticate(currentUser, form, password))) return;
      showProgress("Deleting your account, its tasks, notifications and picture…");
      try {
        await api.delete("/api/me");
      } catch (error) {
        showProgress("");
        reportError(form, error);
        return;
      }
      showProgress("Your account is being deleted. Signing you out…");
      rememberAccountDeleted();
      await onDeleted();
    });
  });
}
