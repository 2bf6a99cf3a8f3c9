import "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  columnReach,
  firstLimits,
  OPEN_PAGE,
  segmentAnswer,
  widerLimits,
  withinReach,
} from "../../hosting/src/board/open-pages.js";
import { aTask } from "./support/tasks.mjs";

const MAX = 2000;
const dated = (due_date) => aTask({ due_date });
const undated = (rank) => aTask({ due_date: null, rank });

test("a segment with as many rows as its limit may have more, unless the limit is the cap", () => {
  assert.equal(segmentAnswer([dated("2026-03-04")], 1, MAX).full, true);
  assert.equal(segmentAnswer([dated("2026-03-04")], 2, MAX).full, false);
  assert.equal(segmentAnswer(new Array(MAX).fill(undated(1)), MAX, MAX).full, false);
});

test("a column whose segments are both short is whole", () => {
  const reach = columnReach({
    dated: segmentAnswer([dated("2026-03-04")], OPEN_PAGE, MAX),
    undated: segmentAnswer([undated("a5")], OPEN_PAGE, MAX),
  });
  assert.equal(reach, null);
  assert.equal(withinReach(undated("a1"), reach), true);
});

test("a full dated segment reaches the days before its last: that day may be cut short", () => {
  const rows = [dated("2026-03-04"), dated("2026-03-05"), dated("2026-03-05")];
  const reach = columnReach({
    dated: segmentAnswer(rows, 3, MAX),
    undated: segmentAnswer([undated("a5")], 3, MAX),
  });
  assert.deepEqual(reach, { dueBefore: "2026-03-05" });
  assert.equal(withinReach(dated("2026-03-04"), reach), true);
  assert.equal(withinReach(dated("2026-03-05"), reach), false);
  // Undated tasks come after every dated one: none is reached, however new.
  assert.equal(withinReach(undated(""), reach), false);
});

test("past a whole dated segment, a full undated one reaches the tasks ranked before its last", () => {
  const rows = [undated("a1"), undated("a2"), undated("a3")];
  const reach = columnReach({
    dated: segmentAnswer([dated("2026-03-04")], 3, MAX),
    undated: segmentAnswer(rows, 3, MAX),
  });
  assert.deepEqual(reach, { rankBefore: "a3" });
  assert.equal(withinReach(dated("2027-01-01"), reach), true);
  assert.equal(withinReach(undated("a2"), reach), true);
  // Another task with the same rank as the last may not have been read.
  assert.equal(withinReach(undated("a3"), reach), false);
  assert.equal(withinReach(undated("a4"), reach), false);
  // One just added, not yet given its place by the server: on top.
  assert.equal(withinReach(undated(""), reach), true);
});

test("more of a column at least doubles the segment its reach ends in", () => {
  const limits = firstLimits();
  assert.deepEqual(widerLimits(limits, { dueBefore: "2026-03-05" }, 10, MAX), {
    dated: 2 * OPEN_PAGE,
    undated: OPEN_PAGE,
  });
  assert.deepEqual(widerLimits(limits, { rankBefore: "a1" }, 10, MAX), {
    dated: OPEN_PAGE,
    undated: 2 * OPEN_PAGE,
  });
  // Far down at once (scrolled to the bottom): as far as wanted.
  assert.deepEqual(widerLimits(limits, { rankBefore: "a1" }, 1500, MAX).undated, 1500);
  assert.equal(widerLimits(limits, null, 10, MAX), null);
});

test("the whole column widens both segments to the cap, and never past it", () => {
  assert.deepEqual(widerLimits(firstLimits(), { dueBefore: "2026-03-05" }, Infinity, MAX), {
    dated: MAX,
    undated: MAX,
  });
  assert.deepEqual(widerLimits({ dated: 100, undated: 1500 }, { rankBefore: "a1" }, 10, MAX), {
    dated: 100,
    undated: MAX,
  });
});
