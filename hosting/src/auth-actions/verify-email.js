import { applyActionCode } from "firebase/auth";
import { announceEmailConfirmed } from "../lib/email-confirmation.js";
import { refreshEmailVerification } from "../lib/session.js";

/**
 * Applies an address-confirmation code. Resolves with what to tell the person:
 * { confirmed: true } or { confirmed: false, reason } (the link is spent or broken).
 */
export async function confirmEmail(auth, code) {
  try {
    await applyActionCode(auth, code);
  } catch (error) {
    // A link opened twice fails the second time; say so only if it really isn't confirmed.
    const user = auth.currentUser;
    if (user) await refreshEmailVerification(user).catch(() => {});
    if (user?.emailVerified) return { confirmed: true, already: true };
    return { confirmed: false, reason: error.code };
  }
  const user = auth.currentUser;
  if (user) await refreshEmailVerification(user).catch(() => {});
  announceEmailConfirmed();
  return { confirmed: true, already: false };
}
