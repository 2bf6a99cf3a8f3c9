import assert from "node:assert/strict";
import { test } from "node:test";
import { countText, cutToFit } from "../../hosting/src/board/text-limit.js";

test("the counter shows from 90% of the limit on", () => {
  assert.equal(countText(0, 500), "");
  assert.equal(countText(449, 500), "");
  assert.equal(countText(450, 500), "450 / 500");
  assert.equal(countText(500, 500), "500 / 500");
  assert.equal(countText(89, 99), "");
  assert.equal(countText(90, 99), "90 / 99");
});

test("a paste is cut to the room left, and kept whole when it fits", () => {
  const long = "word ".repeat(135).trim(); // 674 characters
  assert.equal(cutToFit(long, 500).length, 500);
  assert.equal(cutToFit(long, 500), long.slice(0, 500));
  assert.equal(cutToFit("short", 500), "short");
  assert.equal(cutToFit("exact", 5), "exact");
  assert.equal(cutToFit("no room", 0), "");
  assert.equal(cutToFit("no room", -3), "");
});

test("a cut never splits a character made of two code units", () => {
  assert.equal(cutToFit("ab😀c", 3), "ab");
  assert.equal(cutToFit("ab😀c", 4), "ab😀");
});
