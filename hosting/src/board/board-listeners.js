import {
  collection,
  doc,
  getCountFromServer,
  limit,
  orderBy,
  query,
  startAfter,
  where,
} from "firebase/firestore";
import { readRows, watchDocument, watchRows } from "../lib/firestore.js";
import { listenUntilAnswered } from "../lib/first-answer.js";
import { DONE, OPEN_STATUSES, taskFromData } from "../lib/task.js";
import { quietSince } from "./board-state.js";
import { gatherDeliveries } from "./gather-deliveries.js";
import { columnReach, firstLimits, SEGMENTS, segmentAnswer, widerLimits } from "./open-pages.js";

/** Done tasks read at a time: the board opens with the most recent, "Show older" pages on. */
const DONE_PAGE_SIZE = 50;
/** A copy of the server's open-task quota (limits.py), firestore.rules' cap on a task query. */
const OPEN_TASKS_MAX = 2000;
/** A count waits this long for the other reasons to count that come with one (a change's
 * answer, its listener's news, the statistics): one count for them all. */
const COUNT_DELAY_MS = 100;

/**
 * What the board reads from Firestore, into `store` (task-store.js), all live: each open
 * column's first cards (open-pages.js: two segments, each listened to with a limit), the most
 * recently done ones (the recent Done page), and the person's statistics document; older Done
 * pages on request (`readOlderDone`), and more of an open column (`loadMore`). What the task
 * listeners deliver for one change reaches the store as one (gather-deliveries.js).
 * `onSource("cache" | "server")` hears where the first snapshot of the open tasks came from.
 *
 * An open column that has more than its listeners hold is counted on the server (a count
 * aggregation: one read per 1,000 tasks): the statistics document counts only Done. A count is
 * asked for again whenever the board may have changed: the open listeners heard from the
 * server, the statistics changed (a task made or finished anywhere), a change of this tab
 * settled; those close together make one count, and one at a time runs.
 */
export function watchBoard(db, uid, store, { onSource = () => {} } = {}) {
  const tasks = collection(db, "users", uid, "tasks");
  const done = query(tasks, where("status", "==", DONE), orderBy("done_at", "desc"));
  const deliveries = gatherDeliveries(store.receiveRows);
  const donePage = (rows, last) => ({ rows, cursor: last, full: rows.length === DONE_PAGE_SIZE });

  const segmentQueries = {
    dated: (status) =>
      query(tasks, where("status", "==", status), where("due_date", ">", ""), orderBy("due_date")),
    undated: (status) =>
      query(
        tasks,
        where("status", "==", status),
        where("due_date", "==", null),
        orderBy("rank"),
      ),
  };
  // status -> { limits, answers: { [segment]: segmentAnswer }, listening: { [segment] }, and
  // `widening`: { [segment] } the wider listeners not answered yet }; a listener { size, stop }.
  const columns = Object.fromEntries(
    OPEN_STATUSES.map((status) => [
      status,
      { limits: firstLimits(), answers: {}, listening: {}, widening: {} },
    ]),
  );
  const hasAnswers = ({ answers }) => SEGMENTS.every((segment) => answers[segment]);
  const rowsOf = ({ answers }) => SEGMENTS.flatMap((segment) => answers[segment].rows);
  const eachColumn = (value) =>
    Object.fromEntries(Object.entries(columns).map(([status, column]) => [status, value(column)]));
  let sourceSaid = false;

  /** Hands the store every open row and each column's reach, once every segment has spoken. */
  function deliverOpen(fromCache) {
    if (!Object.values(columns).every(hasAnswers)) return;
    if (!sourceSaid) {
      sourceSaid = true;
      // For measurements (measure_board.py): when, and how many rows each column read.
      const detail = { rows: eachColumn((column) => rowsOf(column).length) };
      performance.mark("taskly:first-snapshot", { detail });
      onSource(fromCache ? "cache" : "server");
    }
    deliveries.add("open", Object.values(columns).flatMap(rowsOf));
    deliveries.add("reach", eachColumn((column) => columnReach(column.answers)));
  }

  /**
   * Listens to one segment of a column at its limit now. A wider listener takes over from the
   * one before at its first answer from the server (the cache may hold only what the narrower
   * one had, which would look like the whole segment).
   */
  function listenSegment(status, segment) {
    const column = columns[status];
    const size = column.limits[segment];
    // A wider listener's first answer is no news for the counts.
    const listener = { size, stop: null, heardServer: Boolean(column.listening[segment]) };
    if (column.listening[segment]) column.widening[segment] = listener;
    else column.listening[segment] = listener;
    listener.stop = listenUntilAnswered((answered) =>
      watchRows(
        query(segmentQueries[segment](status), limit(size)),
        (rows, snapshot) => {
          answered();
          const { fromCache } = snapshot.metadata;
          if (column.widening[segment] === listener) {
            if (fromCache) return;
            column.listening[segment].stop();
            column.listening[segment] = listener;
            delete column.widening[segment];
          }
          column.answers[segment] = segmentAnswer(rows, size, OPEN_TASKS_MAX);
          deliverOpen(fromCache);
          // Counted at the server's first answer, and again as tasks come and go (not edits).
          const comings = snapshot.docChanges().some((change) => change.type !== "modified");
          if (!fromCache && (comings || !listener.heardServer)) countSoon();
          if (!fromCache) listener.heardServer = true;
        },
        failed(answered),
        taskFromData,
        { includeMetadataChanges: true },
      ),
    );
  }

  let countTimer = 0;
  let counting = false;
  let countAgain = false;
  function countSoon() {
    if (counting) countAgain = true;
    else countTimer ||= setTimeout(count, COUNT_DELAY_MS);
  }
  async function count() {
    countTimer = 0;
    counting = true;
    const asOf = store.current().settles;
    const quietBefore = quietSince(store.current(), asOf);
    // Only the columns the listeners do not hold whole.
    const partial = OPEN_STATUSES.filter(
      (status) => hasAnswers(columns[status]) && columnReach(columns[status].answers) !== null,
    );
    try {
      const counts = await Promise.all(
        partial.map((status) =>
          getCountFromServer(
            query(tasks, where("status", "==", status), limit(OPEN_TASKS_MAX)),
          ).then((answer) => [status, answer.data().count]),
        ),
      );
      // One that ran beside a change of this tab is left unused; that change's settling asks
      // for the next.
      if (counts.length && quietBefore && quietSince(store.current(), asOf)) {
        store.receiveCounts(Object.fromEntries(counts), asOf);
      }
    } catch {
      // Offline: the column says it has at least its loaded cards until a count comes.
    }
    counting = false;
    if (countAgain) {
      countAgain = false;
      countSoon();
    }
  }
  const unsubscribeSettles = watchSettles(store, countSoon);

  // Each listener is asked again while its first answer is missing (first-answer.js).
  for (const status of OPEN_STATUSES) {
    for (const segment of SEGMENTS) listenSegment(status, segment);
  }
  const stops = [
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
          countSoon();
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
      clearTimeout(countTimer);
      deliveries.stop();
      unsubscribeSettles();
      for (const stop of stops) stop();
      for (const { listening, widening } of Object.values(columns)) {
        for (const listener of [...Object.values(listening), ...Object.values(widening)]) {
          listener.stop();
        }
      }
    },
    /**
     * Listens further down the open column `status`, until it holds `wanted` cards (Infinity:
     * all); does nothing while a wider listener is on its way, or when it holds them all.
     */
    loadMore(status, wanted) {
      const column = columns[status];
      if (!hasAnswers(column)) return;
      const reach = columnReach(column.answers);
      const limits = widerLimits(column.limits, reach, wanted, OPEN_TASKS_MAX);
      if (!limits) return;
      for (const segment of SEGMENTS) {
        if (column.widening[segment] || limits[segment] === column.limits[segment]) continue;
        column.limits[segment] = limits[segment];
        listenSegment(status, segment);
      }
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

/** Calls `onSettle()` each time a change of this tab settles (the board's `settles` grows). */
function watchSettles(store, onSettle) {
  let settles = store.current().settles;
  return store.subscribe((board) => {
    if (board.settles === settles) return;
    settles = board.settles;
    onSettle();
  });
}
