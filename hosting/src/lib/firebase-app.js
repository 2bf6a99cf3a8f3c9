import { initializeApp } from "firebase/app";
import { startAppCheck } from "./app-check.js";

/* global TASKLY_EMULATORS */

/** True when the page is served by the local emulator suite rather than Firebase Hosting. */
export const onEmulators = ["127.0.0.1", "localhost"].includes(location.hostname);

/** The Auth and Firestore emulators' { host, port }, from firebase.json (hosting/build.mjs). */
export const EMULATORS = TASKLY_EMULATORS;

let appPromise;

// The last config Hosting gave, for opening offline: the project's public web config, no
// personal data.
const CONFIG_KEY = "taskly.firebaseConfig";

/**
 * The Firebase app, configured from the Hosting-provided init.json (no config in the source),
 * with App Check started before any other Firebase service. Offline, from the copy kept the
 * last time it was read.
 */
export function firebaseApp() {
  appPromise ??= readConfig().then((config) => {
    const app = initializeApp(config);
    startAppCheck(app, { debug: onEmulators });
    return app;
  });
  return appPromise;
}

async function readConfig() {
  let response;
  try {
    response = await fetch("/__/firebase/init.json");
  } catch (offline) {
    const kept = localStorage.getItem(CONFIG_KEY);
    if (kept) return JSON.parse(kept);
    throw offline;
  }
  if (!response.ok) throw new Error(`Firebase config unavailable (HTTP ${response.status})`);
  const config = await response.json();
  localStorage.setItem(CONFIG_KEY, JSON.stringify(config));
  return config;
}
