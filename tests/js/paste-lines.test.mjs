import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addedInWords,
  offerWords,
  PASTE_LINES_MAX,
  pastedLines,
} from "../../hosting/src/board/paste-lines.js";

test("a paste splits into its lines with text, trimmed, whatever the line ends", () => {
  const text = "Buy milk\r\n\r\n  Pay rent tomorrow  \rCall mom\n\n\tWater  the\tplants\n";
  assert.deepEqual(pastedLines(text), [
    "Buy milk",
    "Pay rent tomorrow",
    "Call mom",
    "Water the plants",
  ]);
});

test("a list's bullets, numbers and checkboxes are not part of the tasks", () => {
  const text =
    "- Buy milk\n* Eggs\n• Bread\n1. Pay rent\n2) Call mom\n- [ ] Book flights\n[x] Pack";
  assert.deepEqual(pastedLines(text), [
    "Buy milk",
    "Eggs",
    "Bread",
    "Pay rent",
    "Call mom",
    "Book flights",
    "Pack",
  ]);
});

test("a line that is only a mark, or only spaces, is no task; numbers in a title stay", () => {
  assert.deepEqual(pastedLines("-\n   \n2 eggs\n10.5 km run"), ["2 eggs", "10.5 km run"]);
  assert.deepEqual(pastedLines("One line"), ["One line"]);
  assert.deepEqual(pastedLines(""), []);
});

test("the offer names the tasks it adds, and the cap when the paste is longer", () => {
  assert.deepEqual(offerWords(20), {
    text: "You pasted 20 lines. Add each as a task, or keep them as one (Esc).",
    button: "Add 20 tasks",
  });
  const over = offerWords(PASTE_LINES_MAX + 30);
  assert.equal(over.button, `Add ${PASTE_LINES_MAX} tasks`);
  assert.match(over.text, new RegExp(`One paste adds at most ${PASTE_LINES_MAX}: the first ones`));
});

test("the outcome says how many were added and why the rest were not", () => {
  assert.equal(addedInWords(20, 20), "Added 20 tasks.");
  const full = "You have 2,000 open tasks, the most a board holds.";
  assert.equal(addedInWords(3, 5, full), `Added 3 of 5 tasks; 2 weren't added: ${full}`);
  assert.equal(addedInWords(4, 5, full), `Added 4 of 5 tasks; 1 wasn't added: ${full}`);
  assert.equal(addedInWords(0, 5, full), `None of the 5 tasks was added: ${full}`);
});
