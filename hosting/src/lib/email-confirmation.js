import { sendEmailVerification } from "firebase/auth";
import { refreshEmailVerification } from "./session.js";

// Tabs of one browser tell each other when the address was confirmed on the action page.
const CHANNEL = "taskly-account";
const CONFIRMED = "email-confirmed";

/** Sends the link that confirms the account's address; opening it lands on the board. */
export function sendConfirmationLink(user) {
  return sendEmailVerification(user, { url: `${location.origin}/board` });
}

/** Tells this browser's other Taskly tabs that the address is confirmed now. */
export function announceEmailConfirmed() {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(CONFIRMED);
  channel.close();
}

/**
 * Calls `onConfirmed` once `user`'s address is confirmed, noticed without a reload: when the
 * tab comes back into view or focus (the link was opened elsewhere), and at once when another
 * tab of this browser confirmed it. Returns a function that stops watching.
 */
export function watchEmailConfirmation(user, onConfirmed) {
  if (user.emailVerified) return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  let checking = false;

  async function check() {
    if (checking) return;
    checking = true;
    try {
      await refreshEmailVerification(user);
    } catch {
      return; // offline for now: the next focus checks again
    } finally {
      checking = false;
    }
    if (!user.emailVerified) return;
    stop();
    onConfirmed();
  }
  const whenVisible = () => document.visibilityState === "visible" && check();

  document.addEventListener("visibilitychange", whenVisible);
  window.addEventListener("focus", check);
  channel.addEventListener("message", (event) => event.data === CONFIRMED && check());

  function stop() {
    document.removeEventListener("visibilitychange", whenVisible);
    window.removeEventListener("focus", check);
    channel.close();
  }
  return stop;
}
