import { localDay } from "./dates.js";

/**
 * The person's statistics document, users/{uid}/stats/progress, as the server's trigger keeps
 * it (functions/taskly/progress/document.py): the one place the web app reads its shape.
 *
 * { timezone, done_tasks, days: { "2026-12-02": { created, done, done_seconds } } }: the
 * tasks in the Done column now, and per local day what was created and done. A task done
 * counts on the day it was where the person finished it (their zone at that moment), and a
 * later change of zone never moves it. `timezone` is the zone of the last count.
 *
 * Done today is read in `timeZone` (the profile's, where the caller has it; else the
 * document's). As on the server (ProgressStats.as_of), a day after today counts as today:
 * one finished in a zone ahead of theirs now can lie there, and nothing is done in the future.
 * A count dipping below zero for a moment (a task reopened) counts as none.
 */
export function readProgress(document, now = new Date(), timeZone = document?.timezone) {
  if (!document) return { doneTasks: 0, doneToday: 0 };
  const today = localDay(timeZone, now);
  let doneToday = 0;
  for (const [day, counts] of Object.entries(document.days ?? {})) {
    if (day >= today) doneToday += counts.done ?? 0; // ISO dates compare as text
  }
  return {
    doneTasks: Math.max(0, document.done_tasks ?? 0),
    doneToday: Math.max(0, doneToday),
  };
}
