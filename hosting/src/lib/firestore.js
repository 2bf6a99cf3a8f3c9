import { Timestamp, connectFirestoreEmulator, getFirestore, onSnapshot } from "firebase/firestore";
import { firebaseApp, onEmulators } from "./firebase-app.js";

/** Firestore for the realtime listeners; clients only read, every write goes through the API. */
export async function openFirestore() {
  const db = getFirestore(await firebaseApp());
  if (onEmulators) connectFirestoreEmulator(db, "127.0.0.1", 8080);
  return db;
}

/** Listens to a query; rows are plain objects shaped like the API's (ISO timestamps). */
export function watchRows(firestoreQuery, onRows, onError) {
  return onSnapshot(
    firestoreQuery,
    (snapshot) => onRows(snapshot.docs.map(toRow)),
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
