import "./support/contract.mjs";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { deviceLabel } from "../../hosting/src/account/device-label.js";
import {
  base64UrlBytes,
  endpointId,
  missingPushReason,
  sameBytes,
} from "../../hosting/src/account/push-subscription.js";
import { taskIdFromHash } from "../../hosting/src/board/open-from-link.js";

const UA = {
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  safariIPhone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
};

test("a device is named by its browser and system, from the client hints first", () => {
  const hints = (platform, ...brands) => ({
    userAgent: UA.chromeAndroid,
    userAgentData: { platform, brands: brands.map((brand) => ({ brand })) },
  });
  const chrome = hints("Android", "Not A(Brand", "Chromium", "Google Chrome");
  assert.equal(deviceLabel(chrome), "Chrome on Android");
  assert.equal(deviceLabel(hints("Windows", "Chromium", "Microsoft Edge")), "Edge on Windows");
  assert.equal(deviceLabel(hints("Linux", "Chromium", "Not_A Brand")), "Chromium on Linux");
});

test("without client hints, the User-Agent string names it", () => {
  assert.equal(deviceLabel({ userAgent: UA.edgeWindows }), "Edge on Windows");
  assert.equal(deviceLabel({ userAgent: UA.firefoxLinux }), "Firefox on Linux");
  assert.equal(deviceLabel({ userAgent: UA.safariIPhone }), "Safari on iPhone");
  assert.equal(deviceLabel({ userAgent: UA.safariMac }), "Safari on macOS");
  // iPadOS asks for the desktop site, but has a touch screen.
  const iPad = { userAgent: UA.safariMac, platform: "MacIntel", maxTouchPoints: 5 };
  assert.equal(deviceLabel(iPad), "Safari on iPad");
  assert.equal(deviceLabel({ userAgent: "curl/8" }), "This browser on an unknown system");
});

test("a label fits the API's 60 characters", () => {
  const long = { userAgent: "", userAgentData: { platform: "x".repeat(80), brands: [] } };
  assert.equal(deviceLabel(long).length, 60);
});

test("this browser's device id is the endpoint's SHA-256, its first 32 hex digits", async () => {
  const endpoint = "https://fcm.googleapis.com/fcm/send/abc:def";
  const expected = createHash("sha256").update(endpoint).digest("hex").slice(0, 32);
  assert.equal(await endpointId(endpoint), expected);
});

test("the server's key is read from base64url, padded or not", () => {
  const bytes = Uint8Array.from([4, 251, 255, 0, 62, 63, 1]);
  const text = Buffer.from(bytes).toString("base64url");
  assert.deepEqual(base64UrlBytes(text), bytes);
  assert.deepEqual(base64UrlBytes(`${text}=`), bytes);
  assert.ok(sameBytes(bytes.buffer, base64UrlBytes(text)));
  assert.ok(!sameBytes(bytes.buffer.slice(1), bytes));
  assert.ok(!sameBytes(null, bytes));
});

test("a browser without Web Push is told why; iPhone and iPad need the Home Screen", () => {
  const scope = (userAgent, extra = {}) => ({ navigator: { userAgent, ...extra } });
  const full = { ...scope(UA.chromeAndroid), PushManager: {}, Notification: {} };
  full.navigator.serviceWorker = {};
  assert.equal(missingPushReason(full), null);
  assert.equal(missingPushReason(scope(UA.safariIPhone, { serviceWorker: {} })), "home-screen");
  const iPad = scope(UA.safariMac, { platform: "MacIntel", maxTouchPoints: 5 });
  assert.equal(missingPushReason(iPad), "home-screen");
  assert.equal(missingPushReason(scope(UA.firefoxLinux)), "browser");
});

test("a board link names a task by its id, and nothing else", () => {
  assert.equal(taskIdFromHash("#task=AbC123xyz"), "AbC123xyz");
  assert.equal(taskIdFromHash("task=AbC123xyz"), "AbC123xyz");
  assert.equal(taskIdFromHash(""), null);
  assert.equal(taskIdFromHash("#task="), null);
  assert.equal(taskIdFromHash("#other=1"), null);
  assert.equal(taskIdFromHash('#task="]<b>'), null);
});
