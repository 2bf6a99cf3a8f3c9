import { EmailAuthProvider, reauthenticateWithCredential } from "firebase/auth";
import { describeAuthError } from "../lib/auth-errors.js";
import { checkFields, reportError } from "../ui/form-fields.js";

const WRONG_PASSWORD_CODES = new Set(["auth/invalid-credential", "auth/wrong-password"]);

/**
 * Signs the person in again with the password typed in `input`, as Firebase and the server ask
 * before a sensitive change. The user's ID token is replaced by one of this sign-in, so the API
 * calls that follow carry it. Shows what went wrong at the field (or on the form); whether it
 * worked.
 */
export async function reauthenticate(user, form, input) {
  try {
    await reauthenticateWithCredential(
      user,
      EmailAuthProvider.credential(user.email, input.value),
    );
    return true;
  } catch (error) {
    if (WRONG_PASSWORD_CODES.has(error.code)) {
      checkFields([[input, "That's not your current password."]]);
    } else {
      reportError(form, describeAuthError(error));
    }
    return false;
  }
}
