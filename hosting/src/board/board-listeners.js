import {
  collection,
  doc,
  limit,
  orderBy,
  query,
  startAfter,
  where,
} from "firebase/firestore";
import { readRows, watchDocument, watchRows } from "../lib/firestore.js";
import { OPEN_STATUSES } from "./task-store.js";

/** Done tasks read at a time: the board opens with the most recent, "Show older" pages on. */
export const DONE_PAGE_SIZE = 50;
/** A copy of the server's open-task quota (limits.py), firestore.rules' cap on a task query. */
const OPEN_TASKS_MAX = 2000;

/**
 * What the board reads: every open task (bounded by the open-task quota), one page of the
 * most recently done ones, older done pages on request, and the person's statistics (Done's
 * count and today's done count), all fed into the store.
 */
export function watchBoard(db, uid, store, onError) {
  const tasks = collection(db, "users", uid, "tasks");
  const done = query(tasks, where("status", "==", "done"), orderBy("done_at", "desc"));
  let lastDone = null;
  let olderLoaded = false;

  const stops = [
    watchRows(
      query(
        tasks,
        where("status", "in", OPEN_STATUSES),
        orderBy("created_at", "desc"),
        limit(OPEN_TASKS_MAX),
      ),
      (rows) => store.receiveServerTasks("open", rows),
      onError,
    ),
    watchRows(
      query(done, limit(DONE_PAGE_SIZE)),
      (rows, snapshot) => {
        if (!olderLoaded) {
          lastDone = snapshot.docs.at(-1) ?? null;
          store.setDoneHasMore(rows.length === DONE_PAGE_SIZE);
        }
        store.receiveServerTasks("done", rows);
      },
      onError,
    ),
    watchDocument(doc(db, "users", uid, "stats", "progress"), store.receiveStats, () => {}),
  ];

  return {
    stop: () => stops.forEach((stop) => stop()),
    async showOlderDone() {
      if (!lastDone) return;
      const page = await readRows(query(done, startAfter(lastDone), limit(DONE_PAGE_SIZE)));
      olderLoaded = true;
      lastDone = page.last ?? lastDone;
      store.addOlderDone(page.rows, page.rows.length === DONE_PAGE_SIZE);
    },
  };
}
