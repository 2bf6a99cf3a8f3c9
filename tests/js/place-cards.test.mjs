import assert from "node:assert/strict";
import { test } from "node:test";
import { placeCards } from "../../hosting/src/board/place-cards.js";

/** Just enough of a DOM list to place cards in: it counts the moves. */
function fakeList(ids) {
  const list = { children: [], moves: 0 };
  const elements = new Map();
  const elementOf = (id) => {
    if (!elements.has(id)) elements.set(id, { id, parentNode: null, nextSibling: null });
    return elements.get(id);
  };
  const relink = () => {
    list.children.forEach((element, at) => {
      element.parentNode = list;
      element.nextSibling = list.children[at + 1] ?? null;
    });
  };
  list.insertBefore = (element, anchor) => {
    list.moves += 1;
    const from = list.children.indexOf(element);
    if (from >= 0) list.children.splice(from, 1);
    const to = anchor ? list.children.indexOf(anchor) : list.children.length;
    list.children.splice(to, 0, element);
    relink();
  };
  list.remove = (id) => {
    list.children = list.children.filter((element) => element.id !== id);
    elementOf(id).parentNode = null;
    relink();
  };
  for (const id of ids) list.insertBefore(elementOf(id), null);
  list.moves = 0;
  return { list, elementOf, order: () => list.children.map((element) => element.id) };
}

function place(start, next, removed = []) {
  const column = fakeList(start);
  for (const id of removed) column.list.remove(id);
  const order = placeCards(column.list, start, next, column.elementOf);
  assert.deepEqual(column.order(), next);
  assert.equal(order, next);
  return column.list.moves;
}

test("the same order touches nothing", () => {
  assert.equal(place(["a", "b", "c"], ["a", "b", "c"]), 0);
});

test("a new card at the top is one insertion, however long the column", () => {
  const long = Array.from({ length: 500 }, (_, n) => `t${n}`);
  assert.equal(place(long, ["new", ...long]), 1);
  assert.equal(place(long, [...long, "new"]), 1);
});

test("a card moved within the column moves no more than the cards it passed", () => {
  assert.equal(place(["a", "b", "c", "d", "e"], ["a", "c", "b", "d", "e"]), 1);
  assert.ok(place(["a", "b", "c", "d", "e"], ["a", "d", "b", "c", "e"]) <= 2);
});

test("a card taken out (already gone from the DOM) moves nothing", () => {
  assert.equal(place(["a", "b", "c"], ["a", "c"], ["b"]), 0);
  assert.equal(place(["a", "b", "c"], ["b", "c"], ["a"]), 0);
});

test("any new order comes out right", () => {
  place([], ["a", "b"]);
  place(["a", "b", "c"], ["c", "b", "a"]);
  place(["a", "b", "c", "d"], ["x", "b", "y", "d"], ["a", "c"]);
  place(["a", "b"], [], ["a", "b"]);
});
