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
 * Listens to a query; `onRows(rows, snapshot)`. A row is `shape(id, data)` of a document, with
 * its timestamps as ISO strings (as the API writes them); by default all of its data. A row
 * that did not change keeps its identity between snapshots, so the page redraws only what did.
 */
export function watchRows(firestoreQuery, onRows, onError, shape = allData) {
  const rows = new Map();
  return onSnapshot(
    firestoreQuery,
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
