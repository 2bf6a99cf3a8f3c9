import { api } from "../lib/api.js";
import { rememberAccountDeleted } from "../ui/account-deleted.js";
import { openModal } from "../ui/dialog.js";
import { checkFields, clearErrors, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";

const CONFIRMATION = "DELETE";

/** Deleting the account asks for a typed confirmation: it cannot be undone. */
export function bindDeleteAccount(openButton, dialog, { onDeleted }) {
  const form = dialog.querySelector("form");
  const confirmation = form.elements.confirmation;

  openButton.disabled = false;
  openButton.addEventListener("click", () => {
    form.reset();
    clearErrors(form);
    openModal(dialog);
    confirmation.focus();
  });

  onSubmit(form, async () => {
    const typed = confirmation.value.trim() === CONFIRMATION;
    if (!checkFields([[confirmation, !typed && `Type ${CONFIRMATION} in capitals to confirm.`]])) {
      return;
    }
    const progress = document.getElementById("delete-progress");
    const cancel = form.querySelector("[data-close]");
    await whileBusy(form, async () => {
      progress.hidden = false;
      cancel.disabled = true;
      confirmation.readOnly = true;
      try {
        await api.delete("/api/me");
      } catch (error) {
        reportError(form, error);
        return;
      } finally {
        progress.hidden = true;
        cancel.disabled = false;
        confirmation.readOnly = false;
      }
      rememberAccountDeleted();
      await onDeleted();
    });
  });
}
