import assert from "node:assert/strict";
import { test } from "node:test";
import {
  drawnBand,
  offsetsOf,
  rangeIn,
  windowParts,
} from "../../hosting/src/board/window-range.js";

const GAP = 8;

test("offsets add each item's height and one gap", () => {
  assert.deepEqual(offsetsOf([100, 50, 70], GAP), [0, 108, 166, 244]);
  assert.deepEqual(offsetsOf([], GAP), [0]);
});

test("the range holds the items that overlap the band", () => {
  const offsets = offsetsOf(new Array(100).fill(92), GAP); // items every 100 px
  assert.deepEqual(rangeIn(offsets, 0, 250), { start: 0, end: 3 });
  assert.deepEqual(rangeIn(offsets, 150, 250), { start: 1, end: 3 });
  assert.deepEqual(rangeIn(offsets, 100, 200), { start: 1, end: 2 });
  assert.deepEqual(rangeIn(offsets, -500, 50), { start: 0, end: 1 });
  assert.deepEqual(rangeIn(offsets, 9_950, 20_000), { start: 99, end: 100 });
});

test("a band outside the list, or empty, draws nothing", () => {
  const offsets = offsetsOf(new Array(10).fill(92), GAP);
  assert.deepEqual(rangeIn(offsets, -800, -10), { start: 0, end: 0 });
  assert.deepEqual(rangeIn(offsets, 1_200, 2_000), { start: 0, end: 0 });
  assert.deepEqual(rangeIn(offsets, 300, 300), { start: 0, end: 0 });
  assert.deepEqual(rangeIn(offsetsOf([], GAP), 0, 100), { start: 0, end: 0 });
});

test("variable heights: the range follows the measured ones", () => {
  const offsets = offsetsOf([300, 40, 40, 40, 300], GAP);
  // 0..308, 308..356, 356..404, 404..452, 452..760
  assert.deepEqual(rangeIn(offsets, 310, 420), { start: 1, end: 4 });
  assert.deepEqual(rangeIn(offsets, 500, 600), { start: 4, end: 5 });
});

test("spacers stand for the items around the window, gaps between them included", () => {
  const offsets = offsetsOf(new Array(10).fill(92), GAP);
  const parts = windowParts(offsets, GAP, { start: 3, end: 5 });
  assert.deepEqual(parts, [
    { from: 0, to: 3, height: 292 },
    3,
    4,
    { from: 5, to: 10, height: 492 },
  ]);
  // Drawn items, spacers and the grid's gaps between them add up to the whole list.
  const drawnHeight = 2 * 92;
  const gaps = (parts.length - 1) * GAP;
  assert.equal(292 + drawnHeight + 492 + gaps, offsets.at(-1) - GAP);
});

test("kept items are drawn wherever they are, between spacers", () => {
  const offsets = offsetsOf(new Array(10).fill(92), GAP);
  assert.deepEqual(windowParts(offsets, GAP, { start: 0, end: 2 }, [8, 1, 42, -1]), [
    0,
    1,
    { from: 2, to: 8, height: 592 },
    8,
    { from: 9, to: 10, height: 92 },
  ]);
});

test("a whole range has no spacer; an empty one is one spacer", () => {
  const offsets = offsetsOf([50, 60], GAP);
  assert.deepEqual(windowParts(offsets, GAP, { start: 0, end: 2 }), [0, 1]);
  assert.deepEqual(windowParts(offsets, GAP, { start: 0, end: 0 }), [
    { from: 0, to: 2, height: 118 },
  ]);
});

test("the band is what the viewport shows of the list and a margin around it", () => {
  // The list starts 200 px below the viewport's top: its first 600 px show, 800 more drawn.
  assert.deepEqual(drawnBand(200, 800, 800), { top: -1_000, bottom: 1_400 });
  // Scrolled 5,000 px into the list.
  assert.deepEqual(drawnBand(-5_000, 800, 800), { top: 4_200, bottom: 6_600 });
});
