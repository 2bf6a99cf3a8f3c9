import { confirmPasswordReset, verifyPasswordResetCode } from "firebase/auth";
import { describeAuthError } from "../lib/auth-errors.js";
import { checkFields, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import {
  bindPasswordRules,
  PASSWORD_RULES_MESSAGE,
  passwordMeetsRules,
} from "../ui/password-rules.js";

/** The account a reset code is for, or null when the link is spent or broken. */
export async function accountOfResetCode(auth, code) {
  try {
    return await verifyPasswordResetCode(auth, code);
  } catch {
    return null;
  }
}

/** The new-password form of a reset link; `onChanged` runs once the password is saved. */
export function bindNewPasswordForm(form, auth, code, { onChanged }) {
  const input = form.elements.new_password;
  bindPasswordRules(input, document.getElementById("new-password-rules"));
  form.hidden = false;
  input.focus();

  onSubmit(form, async () => {
    if (!checkFields([[input, !passwordMeetsRules(input.value) && PASSWORD_RULES_MESSAGE]])) return;
    await whileBusy(form, async () => {
      try {
        await confirmPasswordReset(auth, code, input.value);
      } catch (error) {
        reportError(form, { ...describeAuthError(error), field: "new_password" });
        return;
      }
      form.hidden = true;
      onChanged();
    });
  });
}
