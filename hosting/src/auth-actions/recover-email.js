import { applyActionCode, checkActionCode } from "firebase/auth";

/**
 * Undoes a change of the account's address: the link Firebase mails to the old address when
 * someone changes it. Resolves with { restored: true, email } (the address back on the
 * account) or { restored: false } when the link is spent or broken.
 * @param {import("firebase/auth").Auth} auth
 * @param {string} code
 */
export async function restoreEmail(auth, code) {
  try {
    const info = await checkActionCode(auth, code);
    await applyActionCode(auth, code);
    return { restored: true, email: info.data.email ?? "" };
  } catch {
    return { restored: false };
  }
}

