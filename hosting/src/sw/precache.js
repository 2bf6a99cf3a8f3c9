// The app shell the service worker precaches, computed by the build (node) from hosting/public.
import { createHash } from "node:crypto";

/** A built file: its path under hosting/public ("assets/board.js") and its bytes. */
/** @typedef {{ path: string, content: Uint8Array | string }} PublicFile */

/**
 * The precached URLs and the shell's version: a hash of every precached file's URL and bytes,
 * so any change to the built app makes a new worker (and so the update prompt) and nothing else
 * does. Pages are listed by the clean URLs Hosting serves them at ("/board", "/" for index): a
 * cached redirect could not answer a navigation.
 * @param {readonly PublicFile[]} files
 * @returns {{ version: string, urls: string[] }}
 */
export function shellPrecache(files) {
  const hash = createHash("sha256");
  const urls = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const url = shellUrl(file.path);
    if (url === null) continue;
    urls.push(url);
    hash.update(`${url}\n`).update(file.content).update("\n");
  }
  return { version: hash.digest("hex").slice(0, 16), urls };
}

/**
 * @param {string} path
 * @returns {string | null}
 */
function shellUrl(path) {
  const name = path.split("/").at(-1) ?? "";
  // The worker itself, hidden files, a page being written and a development build's source maps
  // are no part of the shell; the not-found page is served only with a 404 for unknown paths,
  // never under an address of its own.
  if (path === "sw.js" || name.startsWith(".") || name.endsWith(".partial")) return null;
  if (name.endsWith(".map")) return null;
  if (path === "404.html") return null;
  if (!path.includes("/") && path.endsWith(".html")) {
    return path === "index.html" ? "/" : `/${path.slice(0, -".html".length)}`;
  }
  return `/${path}`;
}
