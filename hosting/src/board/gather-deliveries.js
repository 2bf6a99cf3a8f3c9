/**
 * Firestore hands each listener its snapshot in a task of its own, one right after the other,
 * for one change. A task moving into or out of Done leaves one query a moment before it
 * reaches the other: handed on one by one, it would be gone from the board for a moment (and
 * its card, focus and open editor with it). So what the listeners deliver is gathered, and
 * handed on as one, `{ [source]: value }`, once the tasks queued with the first have run.
 *
 * `later(callback)` runs `callback` after them (setTimeout, by default).
 */
export function gatherDeliveries(deliver, later = setTimeout) {
  let gathered = null;
  let stopped = false;
  return {
    add(source, value) {
      if (!gathered) {
        gathered = {};
        later(() => {
          const delivery = gathered;
          gathered = null;
          if (!stopped) deliver(delivery);
        });
      }
      gathered[source] = value;
    },
    /** Nothing more is handed on (the board is going away). */
    stop() {
      stopped = true;
    },
  };
}
