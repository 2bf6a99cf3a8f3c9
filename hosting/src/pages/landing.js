import { bindSignIn } from "../landing/sign-in.js";
import { bindSignUp } from "../landing/sign-up.js";
import { applyLimits } from "../lib/limits.js";
import { leaveIfSignedIn } from "../lib/session.js";
import { takeAccountDeleted } from "../ui/account-deleted.js";
import { enablePasswordToggles } from "../ui/form-fields.js";
import "../ui/register-sw.js";
import { sayWhenSlowedDown } from "../ui/slowed-down.js";

async function main() {
  applyLimits();
  sayWhenSlowedDown();
  enablePasswordToggles();
  if (takeAccountDeleted()) {
    document.getElementById("landing-notice").textContent =
      "Your account was deleted, with all its tasks, notifications and your picture.";
  }
  const auth = await leaveIfSignedIn();
  bindSignIn(document.getElementById("sign-in-form"), auth);
  bindSignUp(
    document.getElementById("sign-up-dialog"),
    document.getElementById("open-sign-up"),
    auth,
  );
}

main().catch((error) => {
  document.getElementById("landing-status").textContent =
    `Sign-in is unavailable right now (${error.message}). Reload the page to try again.`;
});
