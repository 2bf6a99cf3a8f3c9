import {
  Timestamp,
  connectFirestoreEmulator,
  getDocs,
  getFirestore,
  onSnapshot,
} from "firebase/firestore";
import { EMULATORS, firebaseApp, onEmulators } from "./firebase-app.js";

/** Firestore for the realtime listeners; clients only read, every write goes through the API. */
export async function openFirestore() {
  const db = getFirestore(await firebaseApp());
  if (onEmulators) {
    connectFirestoreEmulator(db, EMULATORS.firestore.host, EMULATORS.firestore.port);
  }
  return db;
}

/**
 * Listens to a query; rows are plain objects shaped like the API's (ISO timestamps). A row
 * that did not change keeps its identity between snapshots, so the page redraws only what did.
 * `onRows(rows, snapshot)`.
 */
export function watchRows(firestoreQuery, onRows, onError) {
  const rows = new Map();
  return onSnapshot(
    firestoreQuery,
    (snapshot) => {
      for (const change of snapshot.docChanges()) {
        if (change.type === "removed") rows.delete(change.doc.id);
        else rows.set(change.doc.id, toRow(change.doc));
      }
      onRows(
        snapshot.docs.map((doc) => rows.get(doc.id)),
        snapshot,
      );
    },
    onError,
  );
}

/** Reads a query once: its rows, and the last document (to page on from). */
export async function readRows(firestoreQuery) {
  const snapshot = await getDocs(firestoreQuery);
  return { rows: snapshot.docs.map(toRow), last: snapshot.docs.at(-1) ?? null };
}

/** Listens to one document: `onData(data)`, with null while it does not exist. */
export function watchDocument(reference, onData, onError) {
  return onSnapshot(
    reference,
    (snapshot) => onData(snapshot.exists() ? snapshot.data() : null),
    onError,
  );
}

function toRow(doc) {
  const row = { id: doc.id };
  for (const [field, value] of Object.entries(doc.data())) {
    row[field] = value instanceof Timestamp ? value.toDate().toISOString() : value;
  }
  return row;
}
