// Which requests the service worker answers from its cache. Pure, so node can test it.

/**
 * The cache key of the app-shell file that answers `request`, or null to leave the request to
 * the network untouched. Only this origin's GETs of precached paths qualify: the API, Firebase's
 * reserved paths and every other origin (Auth, Firestore, Storage) never do, so no personal data
 * or API answer can come from, or go into, the cache.
 * @param {{ method: string, url: string, mode: string }} request
 * @param {string} origin the worker's own origin
 * @param {ReadonlySet<string>} precached the shell's paths ("/board", "/assets/board.js")
 * @returns {string | null}
 */
export function shellCacheKey(request, origin, precached) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== origin) return null;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/__/")) return null;
  // A page is the same whatever its query (/action?mode=…&oobCode=…): its scripts read that.
  if (request.mode === "navigate") return precached.has(url.pathname) ? url.pathname : null;
  return url.search === "" && precached.has(url.pathname) ? url.pathname : null;
}

/**
 * The caches an activating worker deletes: every shell cache but its own. Other caches of
 * the origin are not the worker's to touch.
 * @param {readonly string[]} names
 * @param {string} current
 * @returns {string[]}
 */
export function staleShellCaches(names, current) {
  return names.filter((name) => name.startsWith(SHELL_CACHE_PREFIX) && name !== current);
}

export const SHELL_CACHE_PREFIX = "taskly-shell-";
