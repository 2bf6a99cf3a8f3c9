import { initializeApp } from "firebase/app";
import { startAppCheck } from "./app-check.js";

/* global TASKLY_EMULATORS */

/** True when the page is served by the local emulator suite rather than Firebase Hosting. */
export const onEmulators = ["127.0.0.1", "localhost"].includes(location.hostname);

/** The Auth and Firestore emulators' { host, port }, from firebase.json (hosting/build.mjs). */
export const EMULATORS = TASKLY_EMULATORS;

let appPromise;

/**
 * The Firebase app, configured from the Hosting-provided init.json (no config in the source),
 * with App Check started before any other Firebase service.
 */
export function firebaseApp() {
  appPromise ??= fetch("/__/firebase/init.json")
    .then((response) => {
      if (!response.ok) throw new Error(`Firebase config unavailable (HTTP ${response.status})`);
      return response.json();
    })
    .then((config) => {
      const app = initializeApp(config);
      startAppCheck(app, { debug: onEmulators });
      return app;
    });
  return appPromise;
}
