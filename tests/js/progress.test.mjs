import assert from "node:assert/strict";
import { test } from "node:test";
import { readProgress } from "../../hosting/src/lib/progress-document.js";
import { CATCH_UP_DELAYS_MS, createCatchUp } from "../../hosting/src/progress/catch-up.js";
import {
  formatDuration,
  plural,
  waitingFor,
  weekLabel,
} from "../../hosting/src/progress/format.js";
import { yTicks } from "../../hosting/src/progress/weeks-chart.js";

const numbers = (today, doneToday, more = {}) => ({ today, done_today: doneToday, ...more });

/** A catch-up whose pauses are recorded instead of waited, and whose answers are `answers`. */
function catchUpWith(answers) {
  const pauses = [];
  const shown = [];
  const catchUp = createCatchUp({
    load: async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    },
    show: (value) => shown.push(value),
    wait: async (ms) => pauses.push(ms),
  });
  return { catchUp, pauses, shown };
}

test("the statistics document: Done's total and today's count in the person's zone", () => {
  const document = {
    timezone: "America/New_York",
    done_tasks: 12,
    days: { "2026-03-01": { created: 3, done: 2 }, "2026-03-02": { created: 1, done: 5 } },
  };
  // 03:00 UTC on the 3rd is still the 2nd in New York.
  assert.deepEqual(readProgress(document, new Date("2026-03-03T03:00:00Z")), {
    doneTasks: 12,
    doneToday: 5,
  });
  assert.equal(readProgress(document, new Date("2026-03-03T15:00:00Z")).doneToday, 0);
});

test("done today is read in the zone given, and days after today count as today", () => {
  // Two done on the 3rd in Kiritimati (UTC+14); the person then moved to Pago Pago (UTC-11),
  // where 10:00 UTC on the 2nd is still the 1st, and finished one more there.
  const document = {
    timezone: "Pacific/Kiritimati",
    done_tasks: 3,
    days: { "2026-02-28": { done: 4 }, "2026-03-01": { done: 1 }, "2026-03-03": { done: 2 } },
  };
  const now = new Date("2026-03-02T10:00:00Z");
  assert.equal(readProgress(document, now, "Pacific/Pago_Pago").doneToday, 3);
  // In the document's zone it is already the 3rd there: the 1st is past.
  assert.equal(readProgress(document, now).doneToday, 2);
});

test("no statistics yet, a day without a count, or a count dipping below zero: none", () => {
  assert.deepEqual(readProgress(null), { doneTasks: 0, doneToday: 0 });
  const now = new Date("2026-03-02T12:00:00Z");
  assert.deepEqual(readProgress({ timezone: "UTC" }, now), { doneTasks: 0, doneToday: 0 });
  const dipped = { timezone: "UTC", done_tasks: -1, days: { "2026-03-02": { done: -1 } } };
  assert.deepEqual(readProgress(dipped, now), { doneTasks: 0, doneToday: 0 });
});

test("after a task is marked done, the server is asked until its count holds it", async () => {
  const counted = numbers("2026-03-02", 1, { streak_days: 1 });
  const { catchUp, pauses, shown } = catchUpWith([numbers("2026-03-02", 0), counted]);
  await catchUp.doneMarked(numbers("2026-03-02", 0));
  assert.deepEqual(pauses, CATCH_UP_DELAYS_MS.slice(0, 2));
  assert.deepEqual(shown, [counted]); // only the server's numbers, once they hold it
});

test("the pauses grow, are bounded, and the last answer is shown when they run out", async () => {
  assert.ok(CATCH_UP_DELAYS_MS.every((ms, at) => at === 0 || ms > CATCH_UP_DELAYS_MS[at - 1]));
  const stale = CATCH_UP_DELAYS_MS.map(() => numbers("2026-03-02", 0));
  const { catchUp, pauses, shown } = catchUpWith([...stale, numbers("2026-03-02", 1)]);
  await catchUp.doneMarked(numbers("2026-03-02", 0));
  assert.deepEqual(pauses, CATCH_UP_DELAYS_MS);
  assert.deepEqual(shown, [stale.at(-1)]);
});

test("a failed question is asked again after the next pause", async () => {
  const counted = numbers("2026-03-02", 3);
  const { catchUp, shown } = catchUpWith([new Error("offline"), counted]);
  await catchUp.doneMarked(numbers("2026-03-02", 2));
  assert.deepEqual(shown, [counted]);
});

test("every task marked done while waiting is waited for, and the pauses start over", async () => {
  const answers = [numbers("2026-03-02", 1), numbers("2026-03-02", 1), numbers("2026-03-02", 2)];
  const pauses = [];
  const shown = [];
  let second = null;
  const catchUp = createCatchUp({
    load: async () => answers.shift(),
    show: (value) => shown.push(value),
    wait: async (ms) => {
      pauses.push(ms);
      if (pauses.length === 1) second = catchUp.doneMarked(numbers("2026-03-02", 0));
    },
  });
  const first = catchUp.doneMarked(numbers("2026-03-02", 0));
  await first;
  assert.equal(second, first); // one catch-up for both
  assert.deepEqual(pauses, [CATCH_UP_DELAYS_MS[0], CATCH_UP_DELAYS_MS[0], CATCH_UP_DELAYS_MS[1]]);
  assert.deepEqual(shown, [numbers("2026-03-02", 2)]);
});

test("a new day ends the wait: its numbers are the server's own", async () => {
  const nextDay = numbers("2026-03-03", 0);
  const { catchUp, shown } = catchUpWith([nextDay]);
  await catchUp.doneMarked(numbers("2026-03-02", 4));
  assert.deepEqual(shown, [nextDay]);
});

test("durations read as a person would say them", () => {
  assert.equal(formatDuration(10), "1 minute");
  assert.equal(formatDuration(35 * 60), "35 minutes");
  assert.equal(formatDuration(60 * 60), "1 hour");
  assert.equal(formatDuration(47 * 3600), "47 hours");
  assert.equal(formatDuration(48 * 3600), "2 days");
  assert.equal(formatDuration(3 * 86400 + 3600), "3 days");
});

test("waiting time counts whole days", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  assert.equal(waitingFor("2026-03-10T01:00:00.000Z", now), "added today");
  assert.equal(waitingFor("2026-03-09T11:00:00.000Z", now), "waiting 1 day");
  assert.equal(waitingFor("2026-03-01T12:00:00.000Z", now), "waiting 9 days");
});

test("plurals and week labels", () => {
  assert.equal(plural(1, "day"), "1 day");
  assert.equal(plural(0, "day"), "0 days");
  assert.equal(weekLabel({ starts: "2026-09-14" }), "Sep 14");
  assert.equal(weekLabel({ starts: "2026-01-05" }), "Jan 5");
});

test("the chart's ticks are whole numbers of tasks and reach the tallest bar", () => {
  assert.deepEqual(yTicks(0), [0, 2, 4]);
  assert.deepEqual(yTicks(5), [0, 3, 6]);
  assert.deepEqual(yTicks(7), [0, 5, 10]);
  assert.deepEqual(yTicks(23), [0, 20, 40]);
  for (let value = 0; value <= 2000; value += 1) {
    const ticks = yTicks(value);
    assert.ok(ticks.every(Number.isInteger), `${value}: ${ticks}`);
    assert.ok(ticks[ticks.length - 1] >= value);
  }
});
