import "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { savedTab, tabAfterKey } from "../../hosting/src/board/column-tabs.js";
import { nextStatus } from "../../hosting/src/board/status-menu.js";

test("the arrow keys go to the next or previous tab, round the ends", () => {
  assert.equal(tabAfterKey("todo", "ArrowRight"), "doing");
  assert.equal(tabAfterKey("doing", "ArrowRight"), "done");
  assert.equal(tabAfterKey("done", "ArrowRight"), "todo");
  assert.equal(tabAfterKey("todo", "ArrowLeft"), "done");
  assert.equal(tabAfterKey("done", "ArrowLeft"), "doing");
});

test("Home and End go to the first and last tab; other keys to none", () => {
  assert.equal(tabAfterKey("doing", "Home"), "todo");
  assert.equal(tabAfterKey("todo", "End"), "done");
  assert.equal(tabAfterKey("todo", "ArrowDown"), null);
  assert.equal(tabAfterKey("todo", "j"), null);
});

test("the tab kept across a reload is used only if it is a column", () => {
  assert.equal(savedTab("doing"), "doing");
  assert.equal(savedTab("done"), "done");
  assert.equal(savedTab(null), "todo");
  assert.equal(savedTab("task=abc"), "todo");
});

test("one tap moves a card on to the next column; a done one has none", () => {
  assert.equal(nextStatus("todo"), "doing");
  assert.equal(nextStatus("doing"), "done");
  assert.equal(nextStatus("done"), null);
});
