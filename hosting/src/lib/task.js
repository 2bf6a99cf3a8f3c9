/* global TASKLY_TASK */

/**
 * The task, as the API's contract has it (openapi.yaml, components.schemas.Task): its fields
 * and its statuses are read from the contract when the web app is built (hosting/build.mjs),
 * so the rows the listeners deliver and the drafts the board makes have the shape the API
 * answers with. What only the browser needs (the words for statuses and channels) is set
 * here, once.
 */
export const TASK_FIELDS = TASKLY_TASK.fields;

/** Every status, in the order of the board's columns. */
export const STATUSES = TASKLY_TASK.statuses;
export const TODO = "todo";
export const DONE = "done";
export const OPEN_STATUSES = STATUSES.filter((status) => status !== DONE);
export const STATUS_LABELS = { todo: "Todo", doing: "Doing", done: "Done" };

/**
 * The reminder channels: the switch's name in PUT /api/tasks/{id}/reminders (and in the
 * reminders dialog's form), the task's field that holds it, and the channel in words.
 */
export const CHANNELS = [
  { name: "email", field: "notify_email", label: "email" },
  { name: "sms", field: "notify_sms", label: "SMS" },
  { name: "push", field: "notify_push", label: "notifications" },
];

/** Whether the server reminds of `task` now: a channel is on and the task is not done (the
 * switches stay as they were while it is done, and take effect again if it is reopened). */
export const remindersRunning = (task) =>
  CHANNELS.some((channel) => task[channel.field]) && task.status !== DONE;

/** The channels switched on, in words: "email, SMS and notifications". */
export function channelsInWords(task) {
  const labels = CHANNELS.filter((channel) => task[channel.field]).map((channel) => channel.label);
  return labels.length > 1
    ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`
    : labels.join("");
}

/**
 * A task's fields from the channels' switches ({ email, sms, push }): a switch left out is
 * left out (the reminders request leaves that channel as it is).
 */
export const channelFields = (switches) =>
  Object.fromEntries(
    CHANNELS.filter((channel) => channel.name in switches).map((channel) => [
      channel.field,
      Boolean(switches[channel.name]),
    ]),
  );

/** Every channel off: a new task's switches. */
const NO_CHANNELS = Object.fromEntries(CHANNELS.map((channel) => [channel.name, false]));

/** An edit refused because the task's text was changed elsewhere since the edit began. */
export const isEditConflict = (error) => error?.status === 409 && error.field === "description";

/**
 * A task from a stored document's data (timestamps already ISO strings): the contract's fields
 * only, a missing one null (the document may hold more, or lack a field it never had).
 */
export function taskFromData(id, data) {
  const task = {};
  for (const field of TASK_FIELDS) task[field] = field === "id" ? id : (data[field] ?? null);
  return task;
}

/**
 * The fields of a task's dates that the person sets (TaskCreate and TaskPatch in the contract):
 * a local due date ("2026-12-24") and time ("09:00"), a repeat rule, whether the repeat counts
 * from the day the task is done, and how long before its time a timed task is reminded of.
 */
export const SCHEDULE_FIELDS = TASKLY_TASK.scheduleFields;

/** A task's date fields when it has none. */
export const NO_SCHEDULE = {
  due_date: null,
  due_time: null,
  repeat: null,
  repeat_from_completion: false,
  remind_before_minutes: 0,
};

/**
 * What a change of date fields (as sent in a PATCH) does to the task as the board shows it
 * until the server answers: clearing the date clears its time and repeat too, as on the server.
 */
export function scheduleChange(fields) {
  return fields.due_date === null ? { ...fields, due_time: null, repeat: null } : fields;
}

/**
 * The PATCH fields that make `task`'s dates what the due date dialog has `chosen` (the
 * SCHEDULE_FIELDS, a missing one as in NO_SCHEDULE): only those that change. Without a date,
 * the date is cleared, and with it the time and the repeat (one field says it all). The
 * reminder offset goes only with a time, counting from completion only with a repeat.
 */
export function scheduleEdits(task, chosen) {
  const value = (fields, name) => fields[name] ?? NO_SCHEDULE[name];
  if (!chosen.due_date) return task.due_date ? { due_date: null } : {};
  const edits = {};
  for (const name of ["due_date", "due_time", "repeat"]) {
    if (value(chosen, name) !== value(task, name)) edits[name] = value(chosen, name);
  }
  const changes = (name) => value(chosen, name) !== value(task, name);
  if (chosen.repeat && changes("repeat_from_completion")) {
    edits.repeat_from_completion = chosen.repeat_from_completion;
  }
  if (chosen.due_time && changes("remind_before_minutes")) {
    edits.remind_before_minutes = chosen.remind_before_minutes;
  }
  return edits;
}

/**
 * The task a new line of text makes, as the board shows it until the server's copy is in;
 * `schedule` holds its date fields (SCHEDULE_FIELDS), if the line named a date.
 */
export function draftTask(id, description, now, schedule = {}) {
  const time = now.toISOString();
  return taskFromData(id, {
    description,
    status: TODO,
    ...channelFields(NO_CHANNELS),
    ...NO_SCHEDULE,
    ...schedule,
    created_at: time,
    updated_at: time,
    // On top of its column (open-pages.js) until the server gives it its place.
    rank: "",
  });
}

/** Whether two copies of a task say the same in every field. */
export const sameTask = (a, b) => TASK_FIELDS.every((field) => a[field] === b[field]);

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A random 20-character id, as Firestore makes them (62^20: no two people's drafts meet). */
export function newTaskId() {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  // 256 is 4 × 62 + 8: the few values past 4 × 62 bend the odds by under 4 %, harmless here.
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("");
}
