import {
  Timestamp,
  connectFirestoreEmulator,
  getDocs,
  initializeFirestore,
  memoryLocalCache,
  onSnapshot,
  persistentLocalCache,
  persistentMultipleTabManager,
  terminate,
} from "firebase/firestore";
import { keepsDataOnDevice } from "./device-data.js";
import { EMULATORS, firebaseApp, onEmulators } from "./firebase-app.js";

let opened = null;

/**
 * Firestore for the realtime listeners; clients only read, every write goes through the API.
 * Its cache is on this device (IndexedDB, shared by the tabs) when the person chose to keep
 * their data here (device-data.js), else in the page's memory only.
 */
export function openFirestore() {
  opened ??= firebaseApp().then((app) => {
    const localCache = keepsDataOnDevice()
      ? persistentLocalCache({ tabManager: persistentMultipleTabManager() })
      : memoryLocalCache();
    const db = initializeFirestore(app, { localCache });
    if (onEmulators) {
      connectFirestoreEmulator(db, EMULATORS.firestore.host, EMULATORS.firestore.port);
    }
    return db;
  });
  return opened;
}

/** Ends this page's Firestore, if it was opened (its listeners stop, its cache is let go). */
export async function closeFirestore() {
  if (!opened) return;
  const db = await opened.catch(() => null);
  if (db) await terminate(db);
}

/**
 * Listens to a query; `onRows(rows, snapshot)`. A row is `shape(id, data)` of a document, with
 * its timestamps as ISO strings (as the API writes them); by default all of its data. A row
 * that did not change keeps its identity between snapshots, so the page redraws only what did.
 * `options` are onSnapshot's ({ includeMetadataChanges: true }: hear the server confirm what
 * the cache said, with no document changed).
 */
export function watchRows(firestoreQuery, onRows, onError, shape = allData, options = {}) {
  const rows = new Map();
  return onSnapshot(
    firestoreQuery,
    options,
    (snapshot) => {
      for (const change of snapshot.docChanges()) {
        if (change.type === "removed") rows.delete(change.doc.id);
        else rows.set(change.doc.id, toRow(change.doc, shape));
      }
      onRows(
        snapshot.docs.map((doc) => rows.get(doc.id)),
        snapshot,
      );
    },
    onError,
  );
}

/** Reads a query once: its rows (as watchRows makes them), and the last document (to page on). */
export async function readRows(firestoreQuery, shape = allData) {
  const snapshot = await getDocs(firestoreQuery);
  return {
    rows: snapshot.docs.map((doc) => toRow(doc, shape)),
    last: snapshot.docs.at(-1) ?? null,
  };
}

/** Listens to one document: `onData(data)`, with null while it does not exist. */
export function watchDocument(reference, onData, onError) {
  return onSnapshot(
    reference,
    (snapshot) => onData(snapshot.exists() ? snapshot.data() : null),
    onError,
  );
}

const allData = (id, data) => ({ id, ...data });

function toRow(doc, shape) {
  const data = {};
  for (const [field, value] of Object.entries(doc.data())) {
    data[field] = value instanceof Timestamp ? value.toDate().toISOString() : value;
  }
  return shape(doc.id, data);
}
