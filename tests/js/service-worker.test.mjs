import "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  actionResultText,
  resultNotification,
  UNREACHABLE,
  windowToUse,
} from "../../hosting/src/sw/notification-actions.js";
import { shellPrecache } from "../../hosting/src/sw/precache.js";
import { notificationFromPush, pathOnOrigin } from "../../hosting/src/sw/push.js";
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

const ACTIONS = [
  { action: "done", title: "Done" },
  { action: "snooze_hour", title: "Snooze 1 hour" },
  { action: "tomorrow", title: "Tomorrow morning" },
];

test("a reminder's push shows its text, the icon, the task's link and its three buttons", () => {
  const { title, options } = notificationFromPush(
    {
      title: "Buy milk",
      body: "Due today at 10:00",
      tag: "task-abc",
      url: "/board#task=abc",
      token: "tok-1",
      actions: ACTIONS,
    },
    ORIGIN,
  );
  assert.equal(title, "Buy milk");
  assert.deepEqual(options, {
    body: "Due today at 10:00",
    tag: "task-abc",
    renotify: true,
    icon: "/img/icon-192.png",
    badge: "/img/icon-192.png",
    data: { url: "/board#task=abc", token: "tok-1" },
    actions: ACTIONS,
  });
});

test("a push about several tasks, or a test, has no buttons", () => {
  const { options } = notificationFromPush(
    {
      title: "3 tasks due today",
      body: "Buy milk, Call mum, Pay rent",
      tag: "digest",
      url: "/board",
      token: null,
      actions: [],
    },
    ORIGIN,
  );
  assert.deepEqual(options.actions, []);
  assert.deepEqual(options.data, { url: "/board", token: null });
});

test("buttons come only with a token, and only the three the server knows", () => {
  const withoutToken = notificationFromPush({ title: "T", token: null, actions: ACTIONS }, ORIGIN);
  assert.deepEqual(withoutToken.options.actions, []);
  const actions = [{ action: "delete", title: "Delete" }, { action: "done" }, ACTIONS[0]];
  const odd = notificationFromPush({ title: "T", token: "t", actions }, ORIGIN);
  assert.deepEqual(odd.options.actions, [{ action: "done", title: "Done" }]);
});

test("a push without a payload, or with an odd one, still shows Taskly's notification", () => {
  for (const payload of [null, {}, { title: 5, body: ["x"], url: 7, actions: "done" }]) {
    const { title, options } = notificationFromPush(payload, ORIGIN);
    assert.equal(title, "Taskly");
    assert.equal(options.body, "");
    assert.equal(options.tag, "");
    assert.equal(options.renotify, false); // needs a tag
    assert.deepEqual(options.data, { url: "/board", token: null });
    assert.deepEqual(options.actions, []);
  }
});

test("a notification's link stays on this origin", () => {
  assert.equal(pathOnOrigin("/board#task=abc", ORIGIN), "/board#task=abc");
  assert.equal(pathOnOrigin(`${ORIGIN}/account?x=1#devices`, ORIGIN), "/account?x=1#devices");
  assert.equal(pathOnOrigin("https://evil.example/board", ORIGIN), "/board");
  assert.equal(pathOnOrigin("//evil.example/board", ORIGIN), "/board");
  assert.equal(pathOnOrigin("javascript:alert(1)", ORIGIN), "/board");
  assert.equal(pathOnOrigin("", ORIGIN), "/board");
  assert.equal(pathOnOrigin(null, ORIGIN), "/board");
});

test("after a button, the notification says the server's sentence", () => {
  const done = { status: 200, body: { outcome: "done", message: "Done: Buy milk" } };
  assert.equal(actionResultText(done), "Done: Buy milk");
  const snoozed = { status: 200, body: { outcome: "snoozed", message: "Snoozed until 10:30" } };
  assert.equal(actionResultText(snoozed), "Snoozed until 10:30");
  const used = {
    status: 404,
    body: { error: { code: "not_found", message: "This action has expired or was already used." } },
  };
  assert.equal(actionResultText(used), "This action has expired or was already used.");
});

test("no network, a server failure or an answer without words is said calmly", () => {
  assert.equal(actionResultText(null), UNREACHABLE);
  const failed = { status: 500, body: { error: { message: "Internal" } } };
  assert.equal(actionResultText(failed), UNREACHABLE);
  assert.equal(actionResultText({ status: 502, body: null }), UNREACHABLE);
  assert.equal(actionResultText({ status: 200, body: null }), UNREACHABLE);
  assert.equal(actionResultText({ status: 404, body: null }), UNREACHABLE);
  assert.match(UNREACHABLE, /open the app/);
});

test("the result replaces the notification quietly, without buttons, opening the task", () => {
  const data = { url: "/board#task=abc", token: "t" };
  const shown = { title: "Buy milk", tag: "task-abc", data };
  const { title, options } = resultNotification(shown, "Done: Buy milk");
  assert.equal(title, "Buy milk");
  assert.equal(options.body, "Done: Buy milk");
  assert.equal(options.tag, "task-abc");
  assert.equal(options.renotify, false);
  assert.equal(options.silent, true);
  assert.deepEqual(options.actions, []);
  assert.deepEqual(options.data, { url: "/board#task=abc", token: null });
});

test("a click brings forward the focused window, else the board, else any, else none", () => {
  const account = { url: `${ORIGIN}/account`, focused: false };
  const board = { url: `${ORIGIN}/board#task=x`, focused: false };
  const focused = { url: `${ORIGIN}/progress`, focused: true };
  assert.equal(windowToUse([account, board, focused]), focused);
  assert.equal(windowToUse([account, board]), board);
  assert.equal(windowToUse([account]), account);
  assert.equal(windowToUse([]), null);
});
