import assert from "node:assert/strict";
import { test } from "node:test";
import { matchRanges, searchTerms } from "../../hosting/src/board/search-text.js";

const marked = (text, query) => {
  const ranges = matchRanges(text, searchTerms(query));
  return ranges && ranges.map(([start, end]) => text.slice(start, end));
};

test("a blank query has no words, and matches everything with nothing marked", () => {
  assert.deepEqual(searchTerms("   "), []);
  assert.deepEqual(matchRanges("Buy milk", []), []);
});

test("every word must be in the text, in any order and case", () => {
  assert.deepEqual(marked("Buy milk at the shop", "SHOP buy"), ["Buy", "shop"]);
  assert.equal(marked("Buy milk", "buy bread"), null);
});

test("accents and case are folded away, and the marks fall on the text as written", () => {
  assert.deepEqual(marked("Café crème", "cafe CREME"), ["Café", "crème"]);
  assert.deepEqual(marked("l'été", "ÉTÉ"), ["été"]);
  assert.deepEqual(marked("Ünïcödé 👍 test", "test"), ["test"]);
});

test("each place a word appears is marked, and overlapping marks merge", () => {
  assert.deepEqual(marked("milk, more milk", "milk"), ["milk", "milk"]);
  assert.deepEqual(marked("milkshake", "milk shake"), ["milkshake"]);
});

test("right-to-left text is searched like any other", () => {
  assert.deepEqual(marked("לקנות חלב", "חלב"), ["חלב"]);
});
