import { schemas } from "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  CHANNELS,
  channelFields,
  channelsInWords,
  DONE,
  draftTask,
  isEditConflict,
  newTaskId,
  OPEN_STATUSES,
  remindersRunning,
  sameTask,
  STATUS_LABELS,
  STATUSES,
  TASK_FIELDS,
  taskFromData,
  TODO,
} from "../../hosting/src/lib/task.js";
import { aTask, apiError } from "./support/tasks.mjs";

test("the task's fields and statuses are the contract's", () => {
  assert.deepEqual(TASK_FIELDS, Object.keys(schemas.Task.properties));
  assert.deepEqual(STATUSES, schemas.TaskStatus.enum);
  assert.ok(STATUSES.includes(TODO) && STATUSES.includes(DONE));
  assert.deepEqual(OPEN_STATUSES, STATUSES.filter((status) => status !== DONE));
});

test("every status has a label, and nothing else does", () => {
  assert.deepEqual(Object.keys(STATUS_LABELS).sort(), [...STATUSES].sort());
});

test("every channel is a switch of the reminders request and a field of the task", () => {
  assert.deepEqual(
    CHANNELS.map((channel) => channel.name).sort(),
    Object.keys(schemas.ReminderChannels.properties).sort(),
  );
  for (const channel of CHANNELS) assert.ok(TASK_FIELDS.includes(channel.field));
});

test("a draft has exactly the contract's fields, every required one among them", () => {
  const draft = draftTask("abc", "Buy milk", new Date("2026-03-02T09:00:00Z"));
  assert.deepEqual(Object.keys(draft), TASK_FIELDS);
  for (const field of schemas.Task.required) assert.ok(field in draft, field);
  assert.equal(draft.id, "abc");
  assert.equal(draft.description, "Buy milk");
  assert.equal(draft.status, TODO);
  assert.equal(draft.notify_email, false);
  assert.equal(draft.notify_sms, false);
  assert.equal(draft.notify_push, false);
  assert.equal(draft.created_at, "2026-03-02T09:00:00.000Z");
  assert.equal(draft.updated_at, draft.created_at);
  assert.equal(draft.done_at, null);
  assert.equal(draft.next_reminder_at, null);
});

test("a stored document becomes a task of the contract's fields only", () => {
  const task = taskFromData("t1", {
    description: "Call mum",
    status: "doing",
    notify_email: true,
    created_at: "2026-03-02T09:00:00.000Z",
    order_key: "a0", // not in the contract: left out
  });
  assert.deepEqual(Object.keys(task), TASK_FIELDS);
  assert.equal(task.id, "t1");
  assert.equal(task.notify_email, true);
  assert.equal(task.done_at, null); // missing: null
  assert.equal("order_key" in task, false);
});

test("reminders run while a channel is on and the task is not done", () => {
  assert.equal(remindersRunning(aTask()), false);
  assert.equal(remindersRunning(aTask({ notify_sms: true })), true);
  assert.equal(remindersRunning(aTask({ notify_push: true })), true);
  assert.equal(remindersRunning(aTask({ notify_email: true, status: "doing" })), true);
  assert.equal(remindersRunning(aTask({ notify_email: true, status: DONE })), false);
});

test("the channels switched on are said in words", () => {
  assert.equal(channelsInWords(aTask({ notify_email: true })), "email");
  assert.equal(channelsInWords(aTask({ notify_sms: true })), "SMS");
  assert.equal(channelsInWords(aTask({ notify_email: true, notify_sms: true })), "email and SMS");
  assert.equal(
    channelsInWords(aTask({ notify_email: true, notify_sms: true, notify_push: true })),
    "email, SMS and notifications",
  );
  assert.equal(channelsInWords(aTask({ notify_push: true })), "notifications");
});

test("switches become the task's channel fields; a switch left out is no field", () => {
  assert.deepEqual(channelFields({ email: true, sms: false, push: true }), {
    notify_email: true,
    notify_sms: false,
    notify_push: true,
  });
  assert.deepEqual(channelFields({ email: false, sms: true }), {
    notify_email: false,
    notify_sms: true,
  });
  assert.deepEqual(channelFields({}), {});
});

test("two copies are the same task when every field says the same", () => {
  const task = aTask();
  assert.ok(sameTask(task, { ...task }));
  assert.ok(!sameTask(task, { ...task, description: "Other" }));
  assert.ok(sameTask(task, { ...task, not_a_field: 1 }));
});

test("only a refusal about the text is an edit conflict", () => {
  assert.ok(isEditConflict(apiError(409, "Changed elsewhere", "description")));
  assert.ok(!isEditConflict(apiError(409, "Other", "status")));
  assert.ok(!isEditConflict(apiError(400, "Bad", "description")));
  assert.ok(!isEditConflict(undefined));
});

test("a new task id is 20 characters of Firestore's alphabet, and new every time", () => {
  const ids = new Set(Array.from({ length: 1000 }, newTaskId));
  assert.equal(ids.size, 1000);
  for (const id of ids) assert.match(id, /^[A-Za-z0-9]{20}$/);
  assert.match(newTaskId(), new RegExp(schemas.Task.properties.id.pattern));
});
