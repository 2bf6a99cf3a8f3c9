// What a click on a notification leads to: the words after a Done or Snooze button, and the
// window a plain click opens the task in. Pure, so node can test it.
import { ICON } from "./push.js";

export const UNREACHABLE = "Couldn't reach Taskly — open the app to try again.";

/**
 * @typedef {{ status: number, body: any }} ActionAnswer the server's answer to
 *   POST /api/task-actions/{token}: its status and its JSON body (null if it had none)
 */

/**
 * The sentence that replaces a notification once its button was pressed: the server's own
 * (what was done, or that the action expired or was used), or a calm word when Taskly could
 * not be reached or did not say (`answer` null: no network).
 * @param {ActionAnswer | null} answer
 * @returns {string}
 */
export function actionResultText(answer) {
  if (!answer) return UNREACHABLE;
  const { status, body } = answer;
  if (status >= 200 && status < 300 && typeof body?.message === "string" && body.message) {
    return body.message;
  }
  const refusal = body?.error?.message;
  if (status >= 400 && status < 500 && typeof refusal === "string" && refusal) return refusal;
  return UNREACHABLE;
}

/**
 * The notification that takes the place of one whose button was pressed (same tag, so it
 * replaces it quietly): its title, the result in words, no buttons (the token is spent), and
 * a click still opens the task.
 * @param {{ title: string, tag: string, data?: { url?: string } }} notification
 * @param {string} text
 */
export function resultNotification(notification, text) {
  return {
    title: notification.title,
    options: {
      body: text,
      tag: notification.tag,
      renotify: false,
      silent: true,
      icon: ICON,
      badge: ICON,
      data: { url: notification.data?.url ?? "/board", token: null },
      actions: [],
    },
  };
}

/**
 * The open Taskly window a click brings forward: the focused one, else one on the board, else
 * any; null when none is open (a new one is opened).
 * @template {{ url: string, focused: boolean }} W
 * @param {readonly W[]} windows this origin's window clients
 * @returns {W | null}
 */
export function windowToUse(windows) {
  const onBoard = (window) => new URL(window.url).pathname === "/board";
  return (
    windows.find((window) => window.focused) ?? windows.find(onBoard) ?? windows[0] ?? null
  );
}
