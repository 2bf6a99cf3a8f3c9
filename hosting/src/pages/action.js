import { accountOfResetCode, bindNewPasswordForm } from "../auth-actions/reset-password.js";
import { sendPasswordResetEmail } from "firebase/auth";
import { restoreEmail } from "../auth-actions/recover-email.js";
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
const resetButton = document.getElementById("action-reset");

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

async function recoverEmail(auth, code, params) {
  signInLink.href = continuePath(params, "/");
  const result = await restoreEmail(auth, code);
  if (!result.restored) {
    show(
      "This link can't be used any more",
      "It has expired, or it was already used. If your address was changed without you, " +
        "use “Forgot password?” on the sign-in page, then check the address on your Account page.",
      "sign-in",
    );
    return;
  }
  show(
    "Your email address is back",
    `Your Taskly account uses ${result.email} again. Whoever changed it may know your ` +
      "password: choose a new one to be safe.",
    "sign-in",
  );
  resetButton.hidden = false;
  resetButton.addEventListener("click", async () => {
    resetButton.disabled = true;
    try {
      await sendPasswordResetEmail(auth, result.email);
      message.textContent = `We sent a password reset link to ${result.email}.`;
      resetButton.hidden = true;
    } catch (error) {
      message.textContent = `The reset link couldn't be sent (${error.message}). Try again.`;
      resetButton.disabled = false;
    }
  });
}

async function changeEmail(auth, code, params) {
  signInLink.href = continuePath(params, "/");
  // Applying it changes the address and ends the account's sign-ins (Firebase revokes them).
  const result = await confirmEmail(auth, code);
  if (result.confirmed && !result.already) {
    show(
      "Your email address is changed",
      "Sign in with your new address. Reminder emails go to it from now on.",
      "sign-in",
    );
  } else {
    show(
      "This link can't be used any more",
      "It has expired, or it was already used. Ask for the change again on your Account page.",
      "sign-in",
    );
  }
}

const HANDLERS = { verifyEmail, resetPassword, recoverEmail, verifyAndChangeEmail: changeEmail };

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
