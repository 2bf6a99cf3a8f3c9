import { onRetryWait } from "../lib/api.js";
import { showToast } from "./toasts.js";

/**
 * Says so, for as long as the wait lasts, when the API client waits out a refusal for going
 * too fast before sending a change again.
 */
export function sayWhenSlowedDown() {
  return onRetryWait(({ seconds }) =>
    showToast(`Lots of changes at once. Saving again in ${seconds} s…`, {
      timeout: seconds * 1000,
    }),
  );
}
