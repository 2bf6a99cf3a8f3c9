import { clear, createStore, del, entries, get, set } from "idb-keyval";
import { OUTBOX_DATABASE } from "../lib/device-data.js";

/**
 * The changes made offline, kept on this device until the server has them, in the order they
 * were made: { put(key, entry), has(key), delete(key), entries() -> [[key, entry], …] by key,
 * clear() }.
 * Keys are numbers that grow with each change (task-store.js makes them).
 */
export function deviceOutbox() {
  const store = createStore(OUTBOX_DATABASE, "changes");
  return {
    put: (key, entry) => set(key, entry, store),
    has: async (key) => (await get(key, store)) !== undefined,
    delete: (key) => del(key, store),
    entries: () => entries(store),
    clear: () => clear(store),
  };
}
