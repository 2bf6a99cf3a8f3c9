import { sendPasswordResetEmail } from "firebase/auth";
import { describeAuthError } from "../lib/auth-errors.js";
import { getAuthReady } from "../lib/session.js";
import { checkFields, emailProblem, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import "../ui/register-sw.js";

// Said whether or not the address has an account, so this form cannot be used to probe for them.
const NO_SUCH_ACCOUNT = "auth/user-not-found";

async function main() {
  const form = document.getElementById("reset-form");
  const done = document.getElementById("reset-done");
  const { email } = form.elements;
  const auth = await getAuthReady();

  onSubmit(form, async () => {
    if (!checkFields([[email, emailProblem(email)]])) return;
    await whileBusy(form, async () => {
      try {
        // The link's page comes back to sign-in once the new password is saved.
        await sendPasswordResetEmail(auth, email.value.trim(), { url: `${location.origin}/` });
      } catch (error) {
        if (error.code !== NO_SUCH_ACCOUNT) return reportError(form, describeAuthError(error));
      }
      done.textContent =
        `If ${email.value.trim()} has a Taskly account, a link to choose a new password ` +
        "is on its way. Check your inbox.";
    });
  });
}

main().catch((error) => {
  document.getElementById("reset-done").textContent =
    `Password reset is unavailable right now (${error.message}).`;
});
