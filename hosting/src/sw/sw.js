/// <reference lib="webworker" />
/* global TASKLY_SHELL */
// The service worker: the app shell (pages, scripts, styles, icons, manifest) from a cache
// that the build versions, so the app opens at once and offline. Nothing else is ever cached.
// It also shows reminders pushed to this device and carries out their Done and Snooze buttons.
import { actionResultText, resultNotification, windowToUse } from "./notification-actions.js";
import { notificationFromPush, TASK_ACTIONS } from "./push.js";
import { SHELL_CACHE_PREFIX, shellCacheKey, staleShellCaches } from "./shell-routes.js";

/** @type {ServiceWorkerGlobalScope} */
const worker = /** @type {any} */ (self);

/** Written by hosting/build.mjs: the shell's content hash and its URLs. */
const shell = /** @type {{ version: string, urls: string[] }} */ (TASKLY_SHELL);
const CACHE = `${SHELL_CACHE_PREFIX}${shell.version}`;
const precached = new Set(shell.urls);

worker.addEventListener("install", (event) => {
  // Past the HTTP cache: a stale copy would be kept under the new version.
  const requests = shell.urls.map((url) => new Request(url, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
  // No skipWaiting here: an open page keeps the scripts it started with until the person
  // chooses Reload in the update prompt.
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const stale = staleShellCaches(await caches.keys(), CACHE);
      await Promise.all(stale.map((name) => caches.delete(name)));
      // The first worker serves the page that installed it too, from its next request on.
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("message", (event) => {
  if (event.data?.type === "skip-waiting") worker.skipWaiting();
  // Still activating, it claims every page itself when done.
  if (event.data?.type === "claim") event.waitUntil(worker.clients.claim().catch(() => {}));
});

worker.addEventListener("fetch", (event) => {
  const key = shellCacheKey(event.request, worker.location.origin, precached);
  if (key === null) return; // the browser fetches it as if there were no worker
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      // Only if the cache lost the file: the network's answer is passed on, not stored.
      .then((cached) => cached ?? fetch(event.request)),
  );
});

worker.addEventListener("push", (event) => {
  let payload = null;
  try {
    payload = event.data?.json() ?? null;
  } catch {
    // Not JSON: still shown (a push must show a notification), as Taskly's plain one.
  }
  const { title, options } = notificationFromPush(payload, worker.location.origin);
  event.waitUntil(worker.registration.showNotification(title, options));
});

// Long enough for a slow phone network; a button must not wait forever for its answer.
const ACTION_TIMEOUT_MS = 20_000;

worker.addEventListener("notificationclick", (event) => {
  const { notification, action } = event;
  if (TASK_ACTIONS.includes(action) && notification.data?.token) {
    event.waitUntil(actOnTask(notification, action));
  } else {
    notification.close();
    event.waitUntil(openInWindow(notification.data?.url ?? "/board"));
  }
});

/**
 * Sends the button's action with the notification's single-use token (no session: the app
 * may be closed), then replaces the notification with what became of it.
 * @param {Notification} notification
 * @param {string} action
 */
async function actOnTask(notification, action) {
  let answer = null;
  try {
    const response = await fetch(
      `/api/task-actions/${encodeURIComponent(notification.data.token)}`,
      {
        method: "POST",
        credentials: "omit",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action }),
        signal: AbortSignal.timeout(ACTION_TIMEOUT_MS),
      },
    );
    answer = { status: response.status, body: await response.json().catch(() => null) };
  } catch {
    // No answer: said as such below.
  }
  const { title, options } = resultNotification(notification, actionResultText(answer));
  await worker.registration.showNotification(title, options);
  if (!notification.tag) notification.close(); // nothing replaced it
}

/**
 * Brings an open Taskly window forward at `url` (the board opens the task named in its
 * fragment), or opens one there.
 * @param {string} url a path on this origin
 */
async function openInWindow(url) {
  // Only windows this worker controls can be navigated.
  const open = windowToUse(await worker.clients.matchAll({ type: "window" }));
  if (!open) {
    await worker.clients.openWindow(url);
    return;
  }
  // Focusing is the browser's to allow (only just after a click): the task opens either way.
  const focused = await open.focus().catch(() => open);
  await focused.navigate(url);
}
