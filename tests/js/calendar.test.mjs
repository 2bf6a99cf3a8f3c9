import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addDays,
  addMonths,
  nextMonthDay,
  nextWeekday,
  nextYearDay,
  weekdayOf,
} from "../../hosting/src/dates/calendar.js";

test("days are added across months and years", () => {
  assert.equal(addDays("2026-12-30", 3), "2027-01-02");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2027-03-14", 1), "2027-03-15");
  assert.equal(weekdayOf("2026-12-09"), 3);
});

test("months are added on the same day, or the last day of a shorter month", () => {
  assert.equal(addMonths("2026-12-15", 1), "2027-01-15");
  assert.equal(addMonths("2027-01-31", 1), "2027-02-28");
  assert.equal(addMonths("2026-12-31", 3), "2027-03-31");
  assert.equal(addMonths("2028-02-29", 12), "2029-02-28");
});

test("the next weekday is after the date, a week on from the same weekday", () => {
  assert.equal(nextWeekday(5, "2026-12-09"), "2026-12-11");
  assert.equal(nextWeekday(3, "2026-12-09"), "2026-12-16");
  assert.equal(nextWeekday(0, "2026-12-12"), "2026-12-13");
});

test("the next day of a month counts today and skips months without that day", () => {
  assert.equal(nextMonthDay(9, "2026-12-09"), "2026-12-09");
  assert.equal(nextMonthDay(5, "2026-12-09"), "2027-01-05");
  assert.equal(nextMonthDay(31, "2026-11-09"), "2026-12-31");
  assert.equal(nextMonthDay(30, "2027-01-31"), "2027-03-30");
});

test("the next month and day counts today and waits for a leap year for 29 February", () => {
  assert.equal(nextYearDay(12, 9, "2026-12-09"), "2026-12-09");
  assert.equal(nextYearDay(1, 2, "2026-12-09"), "2027-01-02");
  assert.equal(nextYearDay(2, 29, "2026-12-09"), "2028-02-29");
});
