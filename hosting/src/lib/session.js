import {
  browserLocalPersistence,
  browserSessionPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  onAuthStateChanged,
  setPersistence,
  signOut,
} from "firebase/auth";
import { appCheckHeaders } from "./app-check.js";
import { chooseKeepOnDevice, forgetDeviceData } from "./device-data.js";
import { EMULATORS, firebaseApp, onEmulators } from "./firebase-app.js";

let authPromise;

/** Firebase Auth with the signed-in user (if any) already restored. */
export function getAuthReady() {
  authPromise ??= firebaseApp().then(async (app) => {
    // initializeAuth, not getAuth: leaves out popup/redirect sign-in, which Taskly never uses.
    // The sign-in is found wherever it was kept: on the device, or in this tab only.
    const auth = initializeAuth(app, {
      persistence: [indexedDBLocalPersistence, browserLocalPersistence, browserSessionPersistence],
    });
    if (onEmulators) {
      const { host, port } = EMULATORS.auth;
      connectAuthEmulator(auth, `http://${host}:${port}`, { disableWarnings: true });
    }
    await auth.authStateReady();
    return auth;
  });
  return authPromise;
}

function goToLanding() {
  location.replace("/");
}

/**
 * For pages behind sign-in. Resolves with the signed-in user, or leaves for the landing page.
 * `forget` must wipe the account's data from memory and DOM; it runs when the person signs out
 * in another tab, or when the page comes back from the back/forward cache.
 */
export async function requireUser(forget) {
  const auth = await getAuthReady();
  const user = auth.currentUser;
  if (!user) {
    goToLanding();
    return null;
  }
  onAuthStateChanged(auth, (current) => {
    if (current?.uid === user.uid) return;
    forget();
    goToLanding();
  });
  // A restored page may show data of a session that has ended since; start over from a fresh load.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    forget();
    location.reload();
  });
  return user;
}

// How long signing out waits for the server's answer; the request goes on after it (keepalive).
const SIGN_OUT_WAIT_MS = 3000;

/**
 * Asks the server to end every session of the person: the ID tokens issued so far stop
 * reading their data (API and Firestore) at once, instead of for up to an hour. Best effort:
 * offline, slow or refused, signing out on this device goes ahead all the same.
 */
async function endSessionsOnServer(user) {
  const request = user
    .getIdToken()
    .then(async (token) =>
      fetch("/api/me/sign-out", {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, ...(await appCheckHeaders()) },
        keepalive: true,
      }),
    )
    .catch(() => {});
  const patience = new Promise((resolve) => setTimeout(resolve, SIGN_OUT_WAIT_MS));
  await Promise.race([request, patience]);
}

/**
 * Before signing in: "Keep me signed in on this device" keeps the sign-in and the task cache
 * on the device (device-data.js); without it the sign-in lasts as long as the tab.
 */
export async function keepSignedIn(auth, keep) {
  await setPersistence(auth, keep ? indexedDBLocalPersistence : browserSessionPersistence);
  chooseKeepOnDevice(keep);
}

/**
 * Wipes the page first, so nothing of the account stays visible while signing out; then what
 * the device kept of it (Firestore's cache), once `forget` has closed what held it open.
 */
export async function logOut(forget) {
  await forget();
  await forgetDeviceData();
  const auth = await getAuthReady();
  if (auth.currentUser) await endSessionsOnServer(auth.currentUser);
  await signOut(auth);
  goToLanding();
}

/** The landing page is for signed-out people: a signed-in one goes straight to the board. */
export async function leaveIfSignedIn() {
  const auth = await getAuthReady();
  if (auth.currentUser) location.replace("/board");
  return auth;
}

/** After the person opened the confirmation link elsewhere, pick up the new state and claims. */
export async function refreshEmailVerification(user) {
  await user.reload();
  if (user.emailVerified) await user.getIdToken(true);
}
