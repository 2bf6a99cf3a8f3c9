// Importing this module registers the service worker (hosting/src/sw/sw.js) and offers each
// new version of the app it finds: `import "../ui/register-sw.js";` in a page's entry.

/**
 * The prompt's code loads when there is a new version to offer (from the shell the worker
 * serving this page keeps, so offline too).
 * @param {() => void} onReload
 */
function showUpdatePrompt(onReload) {
  import("./update-prompt.js").then((prompt) => prompt.showUpdatePrompt(onReload));
}

/** Browsers look for a new worker on navigations; a tab left open checks this often too. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

function register() {
  navigator.serviceWorker.register("/sw.js").then(watchForUpdates, (error) => {
    console.warn(`The app works online only: ${error.message}`);
  });
}

/** @param {ServiceWorkerRegistration} registration */
function watchForUpdates(registration) {
  // A worker claims only the pages that exist when it activates: one whose navigation was under
  // way then (the board loading after sign-in) asks, so its lazily loaded code works offline.
  if (registration.active && !navigator.serviceWorker.controller) {
    registration.active.postMessage({ type: "claim" });
  }
  // Without a controller the waiting worker is the first one, which changes nothing on screen.
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) {
      showUpdatePrompt(() => activate(registration));
    }
  };
  offer(); // one found on an earlier visit may be waiting already
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed") offer();
    });
  });

  // Reload chosen in another tab gives this one the new worker too; this page's scripts are
  // still the old ones, so it offers the reload as well.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
    else if (controlled) showUpdatePrompt(() => location.reload());
    controlled = true;
  });

  let checkedAt = Date.now();
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible" || Date.now() - checkedAt < UPDATE_CHECK_MS) return;
    checkedAt = Date.now();
    registration.update().catch(() => {}); // offline: the next check will do
  });
}

/** Set once this page asked the waiting worker to take over: it reloads when it has. */
let reloading = false;

/** @param {ServiceWorkerRegistration} registration */
function activate(registration) {
  const waiting = registration.waiting;
  // Another tab may have activated it already: this page then only needs the reload.
  if (!waiting) return location.reload();
  reloading = true;
  waiting.postMessage({ type: "skip-waiting" });
}

if ("serviceWorker" in navigator) {
  // After the page's own files, so installing the shell does not compete with them.
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}
