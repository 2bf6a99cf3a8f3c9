import assert from "node:assert/strict";
import { test } from "node:test";
import { gatherDeliveries } from "../../hosting/src/board/gather-deliveries.js";

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

test("deliveries queued one after the other reach the store as one", async () => {
  const delivered = [];
  const gather = gatherDeliveries((delivery) => delivered.push(delivery));
  // As Firestore does: each listener's snapshot in a task of its own, queued together.
  setTimeout(() => gather.add("open", ["without the task"]));
  setTimeout(() => gather.add("done", ["with the task"]));
  await nextTask();
  await nextTask();
  assert.deepEqual(delivered, [{ open: ["without the task"], done: ["with the task"] }]);
});

test("a later change is a delivery of its own; a listener speaking twice, its last word", async () => {
  const delivered = [];
  const gather = gatherDeliveries((delivery) => delivered.push(delivery));
  gather.add("open", 1);
  gather.add("open", 2);
  await nextTask();
  gather.add("done", 3);
  await nextTask();
  assert.deepEqual(delivered, [{ open: 2 }, { done: 3 }]);
});

test("nothing is handed on once stopped", async () => {
  const delivered = [];
  const gather = gatherDeliveries((delivery) => delivered.push(delivery));
  gather.add("open", []);
  gather.stop();
  await nextTask();
  assert.deepEqual(delivered, []);
});
