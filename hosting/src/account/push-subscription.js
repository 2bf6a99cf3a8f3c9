// This browser's Web Push subscription: whether it can have one, which device of the API's
// list it is, and making one with the server's key.

/** How long the service worker may take to be ready before subscribing gives up. */
const WORKER_WAIT_MS = 10_000;

/** @typedef {"denied" | "dismissed" | "unreachable" | "no-worker"} SetupFailure */

/** Why subscribing failed, for the page to say in words. */
export class PushSetupError extends Error {
  /** @param {SetupFailure} reason */
  constructor(reason) {
    super(reason);
    this.name = "PushSetupError";
    this.reason = reason;
  }
}

/**
 * Why this browser cannot take notifications, or null if it can: "home-screen" on an iPhone or
 * iPad outside a Home Screen web app (Safari has Web Push only there, from iOS 16.4), else
 * "browser".
 * @param {any} scope the page's global (window)
 * @returns {"home-screen" | "browser" | null}
 */
export function missingPushReason(scope) {
  const { navigator } = scope;
  if ("serviceWorker" in navigator && "PushManager" in scope && "Notification" in scope) {
    return null;
  }
  // iPadOS asks for desktop pages: it says "Macintosh", with a touch screen.
  const apple =
    /iPhone|iPad|iPod/.test(navigator.userAgent) ||
    (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  return apple ? "home-screen" : "browser";
}

/**
 * The id the API gives the device of a push endpoint: the first 32 hex digits of the SHA-256
 * of the endpoint URL.
 * @param {string} endpoint
 * @returns {Promise<string>}
 */
export async function endpointId(endpoint) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(endpoint));
  return Array.from(new Uint8Array(digest).slice(0, 16), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

/**
 * The bytes of a base64url text (the server's public key), padded or not.
 * @param {string} text
 * @returns {Uint8Array}
 */
export function base64UrlBytes(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")), (char) =>
    char.charCodeAt(0),
  );
}

/**
 * Whether `buffer` (a subscription's applicationServerKey) holds exactly `bytes`.
 * @param {ArrayBuffer | null | undefined} buffer
 * @param {Uint8Array} bytes
 */
export function sameBytes(buffer, bytes) {
  if (!buffer || buffer.byteLength !== bytes.length) return false;
  const view = new Uint8Array(buffer);
  return bytes.every((byte, index) => view[index] === byte);
}

/** The service worker's registration, or a "no-worker" failure if it does not come. */
async function registration() {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new PushSetupError("no-worker")), WORKER_WAIT_MS);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * This browser's subscription now, or null (none, or no worker yet to hold one).
 * @returns {Promise<PushSubscription | null>}
 */
export async function currentSubscription() {
  const found = await navigator.serviceWorker.getRegistration();
  return (await found?.pushManager.getSubscription()) ?? null;
}

/**
 * Asks for permission to notify, then subscribes this browser with the server's key (the
 * subscription it has already, if made with that key). Throws a PushSetupError.
 * @param {string} publicKey the VAPID application server key, base64url
 * @returns {Promise<PushSubscription>}
 */
export async function subscribeThisBrowser(publicKey) {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    throw new PushSetupError(permission === "denied" ? "denied" : "dismissed");
  }
  const { pushManager } = await registration();
  const key = base64UrlBytes(publicKey);
  const existing = await pushManager.getSubscription();
  if (existing && sameBytes(existing.options.applicationServerKey, key)) return existing;
  // Made with another key (a renewed one): it could never carry Taskly's pushes.
  await existing?.unsubscribe();
  try {
    return await pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (error) {
    throw new PushSetupError(error?.name === "NotAllowedError" ? "denied" : "unreachable");
  }
}
