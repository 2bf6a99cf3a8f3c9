import {
  createUserWithEmailAndPassword,
  sendEmailVerification,
  updateProfile,
} from "firebase/auth";
import { api } from "../lib/api.js";
import { describeAuthError } from "../lib/auth-errors.js";
import { openModal } from "../ui/dialog.js";
import { rememberNewAccount } from "../ui/picture-invite.js";
import { checkFields, emailProblem, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import {
  bindPasswordRules,
  PASSWORD_RULES_MESSAGE,
  passwordMeetsRules,
} from "../ui/password-rules.js";

/** The "Create account" dialog: an Auth account, then the profile (name, time zone) via the API. */
export function bindSignUp(dialog, openButton, auth) {
  const form = dialog.querySelector("form");
  const { first_name: firstName, last_name: lastName, email, password } = form.elements;
  bindPasswordRules(password, document.getElementById("sign-up-password-rules"));

  openButton.disabled = false;
  openButton.addEventListener("click", () => {
    openModal(dialog);
    firstName.focus();
  });

  onSubmit(form, async () => {
    const names = { first_name: firstName.value.trim(), last_name: lastName.value.trim() };
    const valid = checkFields([
      [firstName, !names.first_name && "Enter your first name."],
      [lastName, !names.last_name && "Enter your last name."],
      [email, emailProblem(email)],
      [password, !passwordMeetsRules(password.value) && PASSWORD_RULES_MESSAGE],
    ]);
    if (!valid) return;

    await whileBusy(form, async () => {
      let user;
      try {
        const address = email.value.trim();
        ({ user } = await createUserWithEmailAndPassword(auth, address, password.value));
      } catch (error) {
        reportError(form, describeAuthError(error));
        return;
      }
      // The account exists from here on: what follows must not report the sign-up as failed.
      const displayName = `${names.first_name} ${names.last_name}`;
      await updateProfile(user, { displayName }).catch(() => {});
      // Email reminders wait for this link to be opened; the board explains it.
      sendEmailVerification(user).catch(() => {});
      // The account exists now; a profile the API could not save yet is not worth blocking on
      // (the board falls back to the Auth display name, and Account can save it later).
      await api
        .put("/api/me", { ...names, timezone: Intl.DateTimeFormat().resolvedOptions().timeZone })
        .catch(() => {});
      rememberNewAccount();
      location.assign("/board");
    });
  });
}
