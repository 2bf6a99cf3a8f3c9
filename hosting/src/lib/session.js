import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
  onAuthStateChanged,
  signOut,
} from "firebase/auth";
import { EMULATORS, firebaseApp, onEmulators } from "./firebase-app.js";

let authPromise;

/** Firebase Auth with the signed-in user (if any) already restored. */
export function getAuthReady() {
  authPromise ??= firebaseApp().then(async (app) => {
    // initializeAuth, not getAuth: leaves out popup/redirect sign-in, which Taskly never uses.
    const auth = initializeAuth(app, {
      persistence: [indexedDBLocalPersistence, browserLocalPersistence],
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

/** Wipes the page first, so nothing of the account stays visible while signing out. */
export async function logOut(forget) {
  forget();
  await signOut(await getAuthReady());
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
