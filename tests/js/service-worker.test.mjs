import assert from "node:assert/strict";
import { test } from "node:test";
import { shellPrecache } from "../../hosting/src/sw/precache.js";
import { shellCacheKey, staleShellCaches } from "../../hosting/src/sw/shell-routes.js";

const ORIGIN = "https://taskly.example";
const files = [
  { path: "index.html", content: "<p>home" },
  { path: "board.html", content: "<p>board" },
  { path: "404.html", content: "<p>lost" },
  { path: "sw.js", content: "self" },
  { path: "assets/board.js", content: "board()" },
  { path: "assets/chunks/chunk-ABC.js", content: "chunk()" },
  { path: "styles/base.css", content: "body{}" },
  { path: "img/.DS_Store", content: "x" },
  { path: "account.html.partial", content: "<p>half" },
  { path: "manifest.webmanifest", content: "{}" },
];

test("the shell lists pages by their clean URLs and every built file by its path", () => {
  const { urls } = shellPrecache(files);
  assert.deepEqual(urls.toSorted(), [
    "/",
    "/assets/board.js",
    "/assets/chunks/chunk-ABC.js",
    "/board",
    "/manifest.webmanifest",
    "/styles/base.css",
  ]);
});

test("the version changes with any shell file's bytes and with nothing else", () => {
  const { version } = shellPrecache(files);
  assert.match(version, /^[0-9a-f]{16}$/);
  assert.equal(shellPrecache(files.toReversed()).version, version);
  const edited = files.map((f) => (f.path === "styles/base.css" ? { ...f, content: "p{}" } : f));
  assert.notEqual(shellPrecache(edited).version, version);
  const newWorker = files.map((f) => (f.path === "sw.js" ? { ...f, content: "other" } : f));
  assert.equal(shellPrecache(newWorker).version, version);
  const moved = files.map((f) => (f.path === "board.html" ? { ...f, path: "tasks.html" } : f));
  assert.notEqual(shellPrecache(moved).version, version);
});

const precached = new Set(["/", "/board", "/assets/board.js"]);
const key = (url, { method = "GET", mode = "cors" } = {}) =>
  shellCacheKey({ url, method, mode }, ORIGIN, precached);

test("pages and files of the shell come from the cache, pages whatever their query", () => {
  assert.equal(key(`${ORIGIN}/board`, { mode: "navigate" }), "/board");
  assert.equal(key(`${ORIGIN}/?from=mail`, { mode: "navigate" }), "/");
  assert.equal(key(`${ORIGIN}/assets/board.js`), "/assets/board.js");
});

test("the API, Firebase, other origins and anything unlisted go to the network", () => {
  assert.equal(key(`${ORIGIN}/api/me`), null);
  assert.equal(key(`${ORIGIN}/api/me`, { mode: "navigate" }), null);
  assert.equal(key(`${ORIGIN}/__/firebase/init.json`), null);
  assert.equal(key("https://firestore.googleapis.com/board"), null);
  assert.equal(key("http://127.0.0.1:9099/board", { mode: "navigate" }), null);
  assert.equal(key(`${ORIGIN}/assets/board.js?v=2`), null);
  assert.equal(key(`${ORIGIN}/nowhere`, { mode: "navigate" }), null);
  assert.equal(key(`${ORIGIN}/board`, { method: "POST", mode: "navigate" }), null);
});

test("an activating worker deletes the older shells and no other cache", () => {
  const names = ["taskly-shell-old", "taskly-shell-new", "someone-else"];
  assert.deepEqual(staleShellCaches(names, "taskly-shell-new"), ["taskly-shell-old"]);
});
