import { updatePassword } from "firebase/auth";
import { describeAuthError } from "../lib/auth-errors.js";
import { checkFields, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import {
  bindPasswordRules,
  PASSWORD_RULES_MESSAGE,
  passwordMeetsRules,
} from "../ui/password-rules.js";
import { showToast } from "../ui/toasts.js";
import { reauthenticate } from "./reauthenticate.js";

/**
 * Change password: Firebase wants a fresh sign-in with the current one first. Returns
 * { unsaved() }: whether a password is typed and the change not made.
 */
export function bindPasswordForm(form, user) {
  const { current_password: currentInput, new_password: newInput } = form.elements;
  bindPasswordRules(newInput, document.getElementById("new-password-rules"));

  onSubmit(form, async () => {
    const valid = checkFields([
      [currentInput, !currentInput.value && "Enter your current password."],
      [newInput, !passwordMeetsRules(newInput.value) && PASSWORD_RULES_MESSAGE],
    ]);
    if (!valid) return;

    await whileBusy(form, async () => {
      if (!(await reauthenticate(user, form, currentInput))) return;
      try {
        await updatePassword(user, newInput.value);
        form.reset();
        newInput.dispatchEvent(new Event("input"));
        showToast("Password changed.");
      } catch (error) {
        reportError(form, { ...describeAuthError(error), field: "new_password" });
      }
    });
  });
  return { unsaved: () => Boolean(currentInput.value || newInput.value) };
}
