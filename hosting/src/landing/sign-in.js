import { signInWithEmailAndPassword } from "firebase/auth";
import { describeAuthError } from "../lib/auth-errors.js";
import { keepSignedIn } from "../lib/session.js";
import { checkFields, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";

/**
 * Points the landing page's sign-in form at `address`, ready for the password.
 * @param {string} address
 */
export function signInWith(address) {
  const form = document.getElementById("sign-in-form");
  form.elements.email.value = address;
  form.elements.password.focus();
}

export function bindSignIn(form, auth) {
  const { email, password } = form.elements;
  onSubmit(form, async () => {
    const valid = checkFields([
      [email, !email.value.trim() && "Enter your email address."],
      [password, !password.value && "Enter your password."],
    ]);
    if (!valid) return;
    await whileBusy(form, async () => {
      try {
        await keepSignedIn(auth, form.elements.keep.checked);
        await signInWithEmailAndPassword(auth, email.value.trim(), password.value);
        location.assign("/board");
      } catch (error) {
        reportError(form, describeAuthError(error));
      }
    });
  });
}
