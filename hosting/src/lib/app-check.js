import { ReCaptchaEnterpriseProvider, getToken, initializeAppCheck } from "firebase/app-check";

/* global TASKLY_APP_CHECK_SITE_KEY */

/**
 * Firebase App Check: reCAPTCHA Enterprise attests that requests come from this web app, so a
 * script holding a person's ID token is refused by the API, Firestore and Auth once each
 * enforces it. The deploy's build puts the project's site key here (APP_CHECK_SITE_KEY, read
 * by hosting/build.mjs); without one, as on the emulators, App Check does not start.
 */
const SITE_KEY = TASKLY_APP_CHECK_SITE_KEY;

let appCheck = null;

/**
 * Starts App Check on `app`, before Auth and Firestore are used so that they send its tokens.
 * `debug`: a local page (a reCAPTCHA key never lists localhost) uses the debug provider; its
 * token, printed in the console, must be registered in the Firebase console (App Check →
 * Manage debug tokens), and it is exchanged with Google's servers, so it needs the internet.
 */
export function startAppCheck(app, { debug }) {
  if (!SITE_KEY) return;
  if (debug) self.FIREBASE_APPCHECK_DEBUG_TOKEN = true;
  appCheck = initializeAppCheck(app, {
    provider: new ReCaptchaEnterpriseProvider(SITE_KEY),
    isTokenAutoRefreshEnabled: true,
  });
}

/**
 * The `X-Firebase-AppCheck` header for an API call (empty without App Check). Call it after
 * `firebaseApp()` has resolved. Without a token (reCAPTCHA blocked, offline) the request goes
 * out without it and the API says what is wrong.
 */
export async function appCheckHeaders() {
  if (!appCheck) return {};
  try {
    const { token } = await getToken(appCheck);
    return { "X-Firebase-AppCheck": token };
  } catch {
    return {};
  }
}
