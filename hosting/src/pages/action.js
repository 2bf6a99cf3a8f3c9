import { accountOfResetCode, bindNewPasswordForm } from "../auth-actions/reset-password.js";
import { confirmEmail } from "../auth-actions/verify-email.js";
import { getAuthReady } from "../lib/session.js";
import { enablePasswordToggles } from "../ui/form-fields.js";
import "../ui/register-sw.js";

// The page Firebase Auth's email links open (the project's action URL): it applies the code
// with the web SDK and says what happened, instead of Firebase's or the emulator's own page.
const heading = document.getElementById("action-heading");
const message = document.getElementById("action-message");
const continueLink = document.getElementById("action-continue");
const signInLink = document.getElementById("action-sign-in");

function show(title, text, action) {
  heading.textContent = title;
  document.title = `${title} · Taskly`;
  message.textContent = text;
  continueLink.hidden = action !== "continue";
  signInLink.hidden = action !== "sign-in";
  document.getElementById("main").focus();
}

/**
 * Where the link asked to go on afterwards: only a page of Taskly itself. The path keeps one
 * leading slash: "//elsewhere" would be a link to another site.
 */
function continuePath(params, fallback) {
  try {
    const target = new URL(params.get("continueUrl") ?? fallback, location.origin);
    if (target.origin !== location.origin) return fallback;
    return `/${target.pathname.replace(/^[/\\]+/, "")}${target.search}`;
  } catch {
    return fallback;
  }
}

async function verifyEmail(auth, code, params) {
  continueLink.href = continuePath(params, "/board");
  const result = await confirmEmail(auth, code);
  if (result.confirmed) {
    show(
      result.already ? "Your email address is already confirmed" : "Your email address is confirmed",
      "Taskly can email you reminders now. Turn them on for a task with its bell.",
      "continue",
    );
  } else {
    show(
      "This link can't be used any more",
      "It has expired, or it was already used. Your board offers to send you a new one.",
      "continue",
    );
  }
}

async function resetPassword(auth, code, params) {
  signInLink.href = continuePath(params, "/");
  const email = await accountOfResetCode(auth, code);
  if (!email) {
    show(
      "This link can't be used any more",
      "It has expired, or it was already used. Ask for a new one from “Forgot password?” " +
        "on the sign-in page.",
      "sign-in",
    );
    return;
  }
  show("Choose a new password", `For your Taskly account ${email}.`);
  bindNewPasswordForm(document.getElementById("new-password-form"), auth, code, {
    onChanged: () =>
      show("Your password is changed", "Sign in with your new password.", "sign-in"),
  });
}

const HANDLERS = { verifyEmail, resetPassword };

async function main() {
  enablePasswordToggles();
  const params = new URLSearchParams(location.search);
  const handle = HANDLERS[params.get("mode")];
  const code = params.get("oobCode");
  if (!handle || !code) {
    show(
      "This link isn't one Taskly knows",
      "Check that you opened the whole link from the email.",
      "continue",
    );
    return;
  }
  await handle(await getAuthReady(), code, params);
}

main().catch((error) => {
  show("Something went wrong", `Taskly couldn't open this link (${error.message}). Reload to try again.`);
});
