import { verifyBeforeUpdateEmail } from "firebase/auth";
import { describeAuthError } from "../lib/auth-errors.js";
import { checkFields, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import { reauthenticate } from "./reauthenticate.js";

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Change email: Firebase's verify-before-update flow. The new address gets a link and the
 * account's address changes only when it is opened, so the address stays one its owner proved
 * all along, and reminder emails go to the old one until then (the server mails only an
 * address the ID token says is verified). Firebase asks for a fresh sign-in first.
 * Returns { unsaved() }: whether a new address is typed and not sent.
 * @param {HTMLFormElement} form
 * @param {import("firebase/auth").User} user
 */
export function bindEmailForm(form, user) {
  const { new_email: emailInput, email_password: passwordInput } = form.elements;
  const current = document.getElementById("email-current");
  const sent = document.getElementById("email-sent");
  current.textContent = `Your address is ${user.email}${user.emailVerified ? "" : " (not confirmed yet)"}.`;

  onSubmit(form, async () => {
    const address = emailInput.value.trim();
    const valid = checkFields([
      [emailInput, !EMAIL_SHAPE.test(address) && "Enter an email address like ada@example.com."],
      [emailInput, address.toLowerCase() === user.email?.toLowerCase() && "That is your address already."],
      [passwordInput, !passwordInput.value && "Enter your password."],
    ]);
    if (!valid) return;

    await whileBusy(form, async () => {
      if (!(await reauthenticate(user, form, passwordInput))) return;
      try {
        await verifyBeforeUpdateEmail(user, address, {
          url: `${location.origin}/account#email`,
        });
      } catch (error) {
        reportError(form, { ...describeAuthError(error), field: "new_email" });
        return;
      }
      form.reset();
      sent.textContent =
        `We sent a link to ${address}. Your address changes when you open it; until then ` +
        `Taskly keeps using ${user.email}.`;
      sent.hidden = false;
    });
  });
  return { unsaved: () => emailInput.value.trim() !== "" };
}
