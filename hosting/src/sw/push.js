/* global TASKLY_TASK_ACTIONS */
// What a push message shows: the notification built from the server's payload. Pure, so node
// can test it.

/**
 * The buttons a reminder about one task carries, in the server's words: the contract's
 * TaskAction, which hosting/build.mjs hands the worker.
 * @type {readonly string[]}
 */
export const TASK_ACTIONS = TASKLY_TASK_ACTIONS;

export const ICON = "/img/icon-192.png";
const FALLBACK_TITLE = "Taskly";
const FALLBACK_URL = "/board";

/**
 * @typedef {{ title?: unknown, body?: unknown, tag?: unknown, url?: unknown, token?: unknown,
 *   actions?: unknown }} PushPayload
 * @typedef {{ url: string, token: string | null }} NotificationData
 */

/**
 * The notification for a push's payload (`event.data.json()`, or null when it had none or
 * was not JSON): its title and showNotification's options. Only the three task actions are
 * offered, and only with the token that performs them; the URL stays on this origin.
 * @param {PushPayload | null} payload
 * @param {string} origin the worker's own origin
 * @returns {{ title: string, options: NotificationOptions & { actions: NotificationAction[] } }}
 */
export function notificationFromPush(payload, origin) {
  const text = (value) => (typeof value === "string" ? value : "");
  const token = text(payload?.token) || null;
  const actions = token && Array.isArray(payload?.actions) ? payload.actions : [];
  const tag = text(payload?.tag);
  return {
    title: text(payload?.title) || FALLBACK_TITLE,
    options: {
      body: text(payload?.body),
      tag,
      // A reminder under the tag of an earlier one replaces it, and still says so.
      renotify: tag !== "",
      icon: ICON,
      badge: ICON,
      data: { url: pathOnOrigin(payload?.url, origin), token },
      actions: actions
        .filter((action) => TASK_ACTIONS.includes(action?.action) && text(action.title))
        .map(({ action, title }) => ({ action, title })),
    },
  };
}

/**
 * The path (with query and fragment) of `url` when it is on `origin`, else the board's.
 * @param {unknown} url
 * @param {string} origin
 */
export function pathOnOrigin(url, origin) {
  if (typeof url !== "string" || url === "") return FALLBACK_URL;
  try {
    const parsed = new URL(url, origin);
    if (parsed.origin !== origin) return FALLBACK_URL;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return FALLBACK_URL;
  }
}
