import "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { OUT_OF_DATE_ORDER, placeAt } from "../../hosting/src/board/placing.js";
import { aTask } from "./support/tasks.mjs";

const undated = (id) => aTask({ id, due_date: null });
const due = (id, due_date, due_time = null) => aTask({ id, due_date, due_time });

test("among undated tasks, a task goes between its two new neighbours", () => {
  const [a, b, c] = [undated("a"), undated("b"), undated("c")];
  const task = undated("t");
  assert.deepEqual(placeAt([a, b, c], task, 1), { above: a, below: b });
  assert.deepEqual(placeAt([a, b, c], task, 0), { above: null, below: a });
  assert.deepEqual(placeAt([a, b, c], task, 3), { above: c, below: null });
});

test("only neighbours with the same due bound its rank", () => {
  const monday = [due("m1", "2026-03-02"), due("m2", "2026-03-02")];
  const later = undated("u");
  const task = due("t", "2026-03-02");
  // Last of Monday's, above the undated ones: bounded by Monday's last only.
  assert.deepEqual(placeAt([...monday, later], task, 2), { above: monday[1], below: null });
  const timed = due("t9", "2026-03-02", "09:00");
  assert.deepEqual(placeAt([timed, ...monday], task, 1), { above: null, below: monday[0] });
});

test("a place that breaks the order of the dues is refused, with the reason", () => {
  const [monday, tuesday] = [due("m", "2026-03-02"), due("t", "2026-03-03")];
  assert.deepEqual(placeAt([monday, tuesday], due("w", "2026-03-04"), 1), {
    refused: OUT_OF_DATE_ORDER,
  });
  // An undated task never goes above a dated one.
  assert.deepEqual(placeAt([monday, undated("u")], undated("x"), 0), { refused: OUT_OF_DATE_ORDER });
});
