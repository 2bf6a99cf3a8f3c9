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
import { listenUntilAnswered } from "../lib/first-answer.js";
import { DONE, OPEN_STATUSES, taskFromData } from "../lib/task.js";
import { gatherDeliveries } from "./gather-deliveries.js";

/** Done tasks read at a time: the board opens with the most recent, "Show older" pages on. */
const DONE_PAGE_SIZE = 50;
/** A copy of the server's open-task quota (limits.py), firestore.rules' cap on a task query. */
const OPEN_TASKS_MAX = 2000;

/**
 * What the board reads from Firestore, into `store` (task-store.js): every open task (bounded
 * by the open-task quota), the most recently done ones (the recent Done page), and the
 * person's statistics document, all live; older Done pages on request (`readOlderDone`). What
 * the task listeners deliver for one change reaches the store as one (gather-deliveries.js).
 * `onSource("cache" | "server")` hears where the first snapshot of the open tasks came from.
 */
export function watchBoard(db, uid, store, { onSource = () => {} } = {}) {
  const tasks = collection(db, "users", uid, "tasks");
  const done = query(tasks, where("status", "==", DONE), orderBy("done_at", "desc"));
  const deliveries = gatherDeliveries(store.receiveRows);
  const donePage = (rows, last) => ({ rows, cursor: last, full: rows.length === DONE_PAGE_SIZE });

  // Each listener is asked again while its first answer is missing (first-answer.js).
  const stops = [
    listenUntilAnswered((answered) => {
      let first = true;
      return watchRows(
        query(
          tasks,
          where("status", "in", OPEN_STATUSES),
          orderBy("created_at", "desc"),
          limit(OPEN_TASKS_MAX),
        ),
        (rows, snapshot) => {
          answered();
          if (first) {
            performance.mark("taskly:first-snapshot"); // for measurements (measure_board.py)
            onSource(snapshot.metadata.fromCache ? "cache" : "server");
          }
          first = false;
          deliveries.add("open", rows);
        },
        failed(answered),
        taskFromData,
      );
    }),
    listenUntilAnswered((answered) =>
      watchRows(
        query(done, limit(DONE_PAGE_SIZE)),
        (rows, snapshot) => {
          answered();
          deliveries.add("done", donePage(rows, snapshot.docs.at(-1) ?? null));
        },
        failed(answered),
        taskFromData,
      ),
    ),
    listenUntilAnswered((answered) =>
      watchDocument(
        doc(db, "users", uid, "stats", "progress"),
        (stats) => {
          answered();
          store.receiveStats(stats);
        },
        answered,
      ),
    ),
  ];
  function failed(answered) {
    return (error) => {
      answered();
      store.failLoading(error);
    };
  }

  return {
    stop() {
      deliveries.stop();
      for (const stop of stops) stop();
    },
    /** The page of done tasks after `cursor` (a document a page ended with). */
    async readOlderDone(cursor) {
      const page = await readRows(
        query(done, startAfter(cursor), limit(DONE_PAGE_SIZE)),
        taskFromData,
      );
      return donePage(page.rows, page.last);
    },
  };
}
