import { updateProfile } from "firebase/auth";
import { getAuthReady } from "./session.js";

/**
 * The name Firebase Auth's own emails greet with (their templates' %DISPLAY_NAME%).
 * @param {{ first_name?: string, last_name?: string }} names
 * @returns {string}
 */
export const displayName = ({ first_name: first, last_name: last }) =>
  [first, last].filter(Boolean).join(" ");

/**
 * Gives the signed-in Auth user the profile's name, if it has another. A failure costs only
 * the name in those emails' greeting, so it is not reported.
 * @param {{ first_name?: string, last_name?: string }} profile
 */
export async function syncDisplayName(profile) {
  const { currentUser } = await getAuthReady();
  const name = displayName(profile);
  if (!currentUser || !name || currentUser.displayName === name) return;
  await updateProfile(currentUser, { displayName: name }).catch(() => {});
}
