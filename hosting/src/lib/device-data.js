/**
 * What Taskly keeps on this device, and only when the person asked for it at sign-in ("Keep me
 * signed in on this device"): the sign-in itself, Firestore's cache of their tasks (which
 * opens the board from the device and works offline) and the changes made offline. Unticked, the sign-in lasts as long as
 * the tab and the cache as long as the page.
 */
const KEEP_KEY = "taskly.keepOnDevice";
// Firestore's own names: its IndexedDB databases ("firestore/[DEFAULT]/<project>/…") and the
// localStorage entries its tabs coordinate through ("firestore_clients_…", …).
const FIRESTORE_PREFIX = "firestore";
/** The IndexedDB database of the board's changes made offline (board/outbox.js). */
export const OUTBOX_DATABASE = "taskly-outbox";

/** Whether the person chose to keep their data on this device. */
export function keepsDataOnDevice() {
  try {
    return localStorage.getItem(KEEP_KEY) === "1";
  } catch {
    return false; // storage blocked: nothing is kept
  }
}

/** Records the choice made at sign-in. */
export function chooseKeepOnDevice(keep) {
  if (keep) localStorage.setItem(KEEP_KEY, "1");
  else localStorage.removeItem(KEEP_KEY);
}

/**
 * Deletes everything of the person's that Firestore kept on this device, and the choice. Call
 * it once Firestore is terminated in this page: a deletion waits for every open connection,
 * so one still open in another tab delays it until that tab lets go (it does on sign-out).
 */
export async function forgetDeviceData() {
  localStorage.removeItem(KEEP_KEY);
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(FIRESTORE_PREFIX)) localStorage.removeItem(key);
  }
  const databases = (await indexedDB.databases?.()) ?? [];
  await Promise.all(
    databases
      .filter(({ name }) => name?.startsWith(FIRESTORE_PREFIX) || name === OUTBOX_DATABASE)
      .map(({ name }) => deleteDatabase(name)),
  );
}

function deleteDatabase(name) {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = resolve;
    request.onerror = resolve;
    // Blocked by another tab: the browser deletes it once that tab closes its connection.
    request.onblocked = resolve;
  });
}
