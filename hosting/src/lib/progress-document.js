import { localDay } from "./dates.js";

/**
 * The person's statistics document, users/{uid}/stats/progress, as the server's trigger keeps
 * it (functions/taskly/progress/stats.py): the one place the web app reads its shape.
 *
 * { timezone, done_tasks, days: { "2026-12-02": { created, done, done_seconds } } }: the
 * tasks in the Done column now, and per local day of the person's time zone what was created
 * and done. A day's done count can dip below zero for a moment (a task reopened): it counts as
 * none, as on the server.
 */
export function readProgress(document, now = new Date()) {
  if (!document) return { doneTasks: 0, doneToday: 0 };
  const today = document.days?.[localDay(document.timezone, now)];
  return {
    doneTasks: Math.max(0, document.done_tasks ?? 0),
    doneToday: Math.max(0, today?.done ?? 0),
  };
}
