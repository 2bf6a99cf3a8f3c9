/// <reference lib="webworker" />
/* global TASKLY_SHELL */
// The service worker: the app shell (pages, scripts, styles, icons, manifest) from a cache
// that the build versions, so the app opens at once and offline. Nothing else is ever cached.
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
