import { appCheckHeaders } from "./app-check.js";
import { getAuthReady } from "./session.js";

/** A refused or failed API call, in the API's error shape; `status` 0 means no network. */
class ApiError extends Error {
  constructor(status, code, message, field = null, retryAfterSeconds = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds; // from Retry-After, on a 429
  }
}

const fallbackMessages = {
  0: "Can't reach Taskly right now. Check your connection and try again.",
  401: "Your session has ended. Please sign in again.",
  404: "This feature isn't available yet.",
  501: "This feature isn't available yet.",
};

function errorFromResponse(status, body, retryAfterSeconds = null) {
  const error = body?.error;
  if (error?.message) {
    return new ApiError(status, error.code, error.message, error.field ?? null, retryAfterSeconds);
  }
  const message = fallbackMessages[status] ?? "Something went wrong on our side. Please try again.";
  return new ApiError(status, "unavailable", message, null, retryAfterSeconds);
}

async function idToken() {
  const user = (await getAuthReady()).currentUser;
  if (!user) throw errorFromResponse(401, null);
  try {
    return await user.getIdToken();
  } catch {
    throw errorFromResponse(0, null); // an expired token could not be refreshed: offline
  }
}

// A refusal for going too fast is waited out and tried again, this many times, if the wait the
// server names (Retry-After) is short; a longer wait reaches the caller as the refusal it is.
const RATE_LIMIT_RETRIES = 2;
const RATE_LIMIT_WAIT_MAX_SECONDS = 30;

const retryWaitListeners = new Set();

/**
 * Calls `listener({ seconds, method, path })` whenever a request refused for going too fast is
 * waited out before it is sent again (for the page to say so); returns how to stop.
 */
export function onRetryWait(listener) {
  retryWaitListeners.add(listener);
  return () => retryWaitListeners.delete(listener);
}

// A request lost on the network (no answer: maybe never sent, maybe done) is sent again only
// when doing it twice is harmless: reads, and PUT (a create under the id the browser chose
// answers the task it already made).
const RESENT_ON_NETWORK_FAILURE = new Set(["GET", "PUT"]);
const NETWORK_RETRY_DELAYS_MS = [500, 2000];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function sendRetryingNetworkFailures(method, path, options) {
  for (let retry = 0; ; retry += 1) {
    try {
      return await send(method, path, options);
    } catch (error) {
      const canResend = RESENT_ON_NETWORK_FAILURE.has(method) && !(options.body instanceof Blob);
      if (error.status !== 0 || !canResend || retry >= NETWORK_RETRY_DELAYS_MS.length) throw error;
      await sleep(NETWORK_RETRY_DELAYS_MS[retry]);
    }
  }
}

async function call(method, path, options = {}, attempt = 0) {
  const response = await sendRetryingNetworkFailures(method, path, options);
  if (response.ok) return response;
  const body = await response.json().catch(() => null);
  const wait = Number(response.headers.get("Retry-After")) || null;
  // Only the write limit (a refusal about no field) is waited out: a limit on one thing, such
  // as texting a code, is the person's to see.
  if (
    response.status === 429 &&
    !body?.error?.field &&
    attempt < RATE_LIMIT_RETRIES &&
    wait > 0 &&
    wait <= RATE_LIMIT_WAIT_MAX_SECONDS
  ) {
    for (const listener of retryWaitListeners) listener({ seconds: wait, method, path });
    await sleep(wait * 1000);
    return call(method, path, options, attempt + 1);
  }
  throw errorFromResponse(response.status, body, wait);
}

async function send(method, path, { json, body, type, keepalive = false }) {
  // The ID token first: getting it starts the Firebase app, and App Check with it.
  const headers = { Authorization: `Bearer ${await idToken()}`, ...(await appCheckHeaders()) };
  if (json !== undefined) {
    body = JSON.stringify(json);
    type = "application/json";
  }
  if (type) headers["Content-Type"] = type;
  try {
    return await fetch(path, { method, headers, body, keepalive });
  } catch {
    throw errorFromResponse(0, null);
  }
}

async function readJson(response) {
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    throw errorFromResponse(response.status >= 500 ? response.status : 502, null);
  }
}

/** The Taskly HTTP API (same origin), called as the signed-in person. */
export const api = {
  get: (path) => call("GET", path).then(readJson),
  post: (path, json) => call("POST", path, { json }).then(readJson),
  put: (path, json) => call("PUT", path, { json }).then(readJson),
  patch: (path, json) => call("PATCH", path, { json }).then(readJson),
  delete: (path, options) => call("DELETE", path, options).then(readJson),
  /** Sends a file as the raw request body (the profile picture). */
  upload: (path, file) => call("PUT", path, { body: file, type: file.type }).then(readJson),
  /** A file only its owner may fetch (picture, data export), as a Blob. */
  download: (path) => call("GET", path).then((response) => response.blob()),
};
