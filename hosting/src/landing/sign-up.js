import { createUserWithEmailAndPassword, updateProfile } from "firebase/auth";
import { api } from "../lib/api.js";
import { describeAuthError } from "../lib/auth-errors.js";
import { displayName } from "../lib/display-name.js";
import { keepSignedIn } from "../lib/session.js";
import { sendConfirmationLink } from "../lib/email-confirmation.js";
import { openModal } from "../ui/dialog.js";
import { rememberNewAccount } from "../ui/picture-invite.js";
import { rememberUnsavedProfile } from "../ui/unsaved-profile.js";
import { checkFields, emailProblem, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import {
  bindPasswordRules,
  PASSWORD_RULES_MESSAGE,
  passwordMeetsRules,
} from "../ui/password-rules.js";
import { signInWith } from "./sign-in.js";

/** Names and the detected time zone; a zone the server does not know must not cost the names. */
async function saveProfile(names) {
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    await api.put("/api/me", { ...names, timezone });
  } catch (error) {
    if (error.field !== "timezone") throw error;
    await api.put("/api/me", names);
  }
}

/**
 * A button after the email's error that closes the dialog for the sign-in form, the email in it.
 * @param {HTMLDialogElement} dialog
 * @param {HTMLInputElement} email
 * @param {string} label
 */
function offerSignIn(dialog, email, label) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "link-button";
  button.textContent = label;
  button.addEventListener("click", () => {
    const address = email.value.trim();
    // After the dialog has given focus back to its opener.
    dialog.addEventListener("close", () => signInWith(address), { once: true });
    dialog.close();
  });
  document.getElementById(`${email.id}-error`).append(" ", button, ".");
}

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
        await keepSignedIn(auth, form.elements.keep.checked);
        ({ user } = await createUserWithEmailAndPassword(auth, address, password.value));
      } catch (error) {
        const problem = describeAuthError(error);
        reportError(form, problem);
        if (problem.offer?.action === "sign-in") offerSignIn(dialog, email, problem.offer.label);
        return;
      }
      // The account exists from here on: what follows must not report the sign-up as failed.
      // Before the confirmation link: Auth's email greets with this name.
      await updateProfile(user, { displayName: displayName(names) }).catch(() => {});
      await Promise.all([
        // Email reminders wait for this link to be opened; the board says it was sent (and
        // offers it again, should this request fail).
        sendConfirmationLink(user).catch(() => {}),
        // The account exists now: a profile the API could not save does not stop sign-up,
        // but the board says so, and where to set it.
        saveProfile(names).catch((error) => rememberUnsavedProfile(error.message)),
      ]);
      rememberNewAccount();
      location.assign("/board");
    });
  });
}
