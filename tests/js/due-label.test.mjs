// Due dates on the board: how a card writes them (dates/due-label.js), the repeats the dialog
// offers (dates/repeat-choices.js), what a dialog's choice sends (lib/task.js), what quick add
// sends (board/quick-add.js), the order of a column (board-state.js) and what the store does
// with dates (task-store.js).
import "./support/contract.mjs";
import assert from "node:assert/strict";
import { test } from "node:test";
import { initialBoardState, visibleBoard } from "../../hosting/src/board/board-state.js";
import { relocated, scheduleOf } from "../../hosting/src/board/quick-add.js";
import { rowsArrived } from "../../hosting/src/board/server-rows.js";
import { createTaskStore } from "../../hosting/src/board/task-store.js";
import {
  daysBetween,
  dueLabel,
  dueText,
  repeatInWords,
  shortDate,
  timeInWords,
} from "../../hosting/src/dates/due-label.js";
import { choiceOf, CUSTOM, NO_REPEAT, repeatChoices } from "../../hosting/src/dates/repeat-choices.js";
import { draftTask, scheduleEdits } from "../../hosting/src/lib/task.js";
import { aDoneTask, aTask, at, changed, scriptedApi, settled } from "./support/tasks.mjs";

// Wednesday 9 December 2026, 10:00 in New York (15:00 UTC).
const NOW = new Date("2026-12-09T15:00:00Z");
const NEW_YORK = { now: NOW, timeZone: "America/New_York", locale: "en-GB" };
const US = { ...NEW_YORK, locale: "en-US" };
// Intl may write a narrow no-break space before AM/PM.
const plain = (text) => text.replace(/\s/g, " ");
const label = (task, context = NEW_YORK) => dueLabel({ status: "todo", ...task }, context);

test("no due date, no label", () => {
  assert.equal(label({ due_date: null }), null);
  assert.equal(label({}), null);
});

test("the coming days are Today, Tomorrow, then weekday names for the week ahead", () => {
  assert.equal(label({ due_date: "2026-12-09" }).text, "Today");
  assert.equal(label({ due_date: "2026-12-10" }).text, "Tomorrow");
  assert.equal(label({ due_date: "2026-12-11" }).text, "Friday");
  assert.equal(label({ due_date: "2026-12-15" }).text, "Tuesday");
  // A week or more ahead: the date, without the year while it is this year.
  assert.equal(label({ due_date: "2026-12-16" }).text, "16 Dec");
  assert.equal(label({ due_date: "2026-12-24" }, US).text, "Dec 24");
  assert.equal(label({ due_date: "2027-01-24" }, US).text, "Jan 24, 2027");
});

test("the time is written as the person's locale writes it", () => {
  assert.equal(label({ due_date: "2026-12-09", due_time: "14:00" }).text, "Today 14:00");
  assert.equal(plain(label({ due_date: "2026-12-09", due_time: "14:00" }, US).text), "Today 2:00 PM");
  assert.equal(label({ due_date: "2026-12-11", due_time: "09:05" }).text, "Friday 9:05");
  assert.equal(timeInWords("18:30", "en-GB"), "18:30");
  assert.equal(plain(timeInWords("18:30", "en-US")), "6:30 PM");
});

test("days are counted in the person's time zone, not the browser's or UTC's", () => {
  // 23:30 UTC on the 9th is already the 10th in Tokyo, still the 9th in Los Angeles.
  const late = new Date("2026-12-09T23:30:00Z");
  const due = { due_date: "2026-12-10" };
  assert.equal(label(due, { now: late, timeZone: "Asia/Tokyo", locale: "en-GB" }).text, "Today");
  assert.equal(label(due, { now: late, timeZone: "UTC", locale: "en-GB" }).text, "Tomorrow");
  assert.equal(
    label(due, { now: late, timeZone: "America/Los_Angeles", locale: "en-GB" }).text,
    "Tomorrow",
  );
  const tokyo = { now: late, timeZone: "Asia/Tokyo", locale: "en-GB" };
  assert.equal(label({ due_date: "2026-12-09" }, tokyo).text, "Overdue · Yesterday");
});

test("an open task past its day is overdue, said in words as well as shown", () => {
  const monday = label({ due_date: "2026-12-07" });
  assert.equal(monday.overdue, true);
  assert.equal(monday.text, "Overdue · Mon");
  assert.match(monday.words, /^Overdue, was due Mon/);
  assert.equal(label({ due_date: "2026-12-08" }).text, "Overdue · Yesterday");
  assert.equal(label({ due_date: "2026-11-20" }).text, "Overdue · 20 Nov");
  // Due today without a time: not overdue until the day is over.
  assert.equal(label({ due_date: "2026-12-09" }).overdue, false);
});

test("a task due at a time is overdue once that time has passed where the person is", () => {
  // 10:00 in New York, 15:00 in London.
  assert.equal(label({ due_date: "2026-12-09", due_time: "09:59" }).overdue, true);
  assert.equal(label({ due_date: "2026-12-09", due_time: "09:59" }).text, "Overdue · Today 9:59");
  assert.equal(label({ due_date: "2026-12-09", due_time: "10:01" }).overdue, false);
  const london = { ...NEW_YORK, timeZone: "Europe/London" };
  assert.equal(label({ due_date: "2026-12-09", due_time: "14:00" }, london).overdue, true);
  assert.equal(label({ due_date: "2026-12-09", due_time: "14:00" }).overdue, false);
});

test("a done task is never overdue", () => {
  const done = label({ status: "done", due_date: "2026-12-01" });
  assert.equal(done.overdue, false);
  assert.equal(done.text, "1 Dec");
});

test("a repeating task is marked, and its repeat said in words", () => {
  const weekly = label({ due_date: "2026-12-10", due_time: "18:00", repeat: "FREQ=WEEKLY;BYDAY=TH" });
  assert.equal(weekly.repeats, true);
  assert.equal(weekly.words, "Due Tomorrow 18:00, repeats weekly");
  assert.equal(label({ due_date: "2026-12-10" }).repeats, false);
  assert.match(weekly.full, /Thursday.*10 December 2026.*18:00/);
});

test("repeats in a few words", () => {
  assert.equal(repeatInWords("FREQ=DAILY"), "daily");
  assert.equal(repeatInWords("FREQ=DAILY;INTERVAL=3"), "every 3 days");
  assert.equal(repeatInWords("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"), "every weekday");
  assert.equal(repeatInWords("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"), "every 2 weeks");
  assert.equal(repeatInWords("freq=monthly;bymonthday=1"), "monthly");
  assert.equal(repeatInWords("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24"), "yearly");
  assert.equal(repeatInWords("FREQ=HOURLY"), "on a custom schedule");
});

test("quick add's chip writes the coming week's days short", () => {
  assert.equal(dueText({ date: "2026-12-11", time: "18:00" }, { ...NEW_YORK, short: true }), "Fri 18:00");
  assert.equal(dueText({ date: "2026-12-11", time: null }, NEW_YORK), "Friday");
  assert.equal(dueText({ date: "2026-12-10" }, { ...NEW_YORK, short: true }), "Tomorrow");
});

test("a repeat's next dates are short, with their weekday, and a year only when not this one", () => {
  assert.equal(shortDate("2026-12-14", "en-US", "2026-12-09"), "Mon Dec 14");
  assert.equal(shortDate("2026-12-14", "en-GB", "2026-12-09"), "Mon 14 Dec");
  assert.equal(shortDate("2027-01-04", "en-US", "2026-12-09"), "Mon Jan 4, 2027");
  assert.equal(daysBetween("2026-12-30", "2027-01-02"), 3);
  assert.equal(daysBetween("2027-03-29", "2027-03-27"), -2);
});

test("the dialog's ready-made repeats are named for the due date's own day", () => {
  const choices = Object.fromEntries(
    repeatChoices("2026-12-14", "en-US").map((choice) => [choice.kind, choice]),
  );
  assert.deepEqual(Object.keys(choices), ["daily", "weekdays", "weekly", "monthly", "yearly"]);
  assert.equal(choices.weekly.label, "Weekly on Monday");
  assert.equal(choices.weekly.rule, "FREQ=WEEKLY;BYDAY=MO");
  assert.equal(choices.monthly.label, "Monthly on day 14");
  assert.equal(choices.monthly.rule, "FREQ=MONTHLY;BYMONTHDAY=14");
  assert.equal(choices.yearly.label, "Yearly on December 14");
  assert.equal(choices.yearly.rule, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=14");
  assert.equal(choices.weekdays.rule, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
});

test("days a month may lack fall on its last day", () => {
  const byKind = (date) =>
    Object.fromEntries(repeatChoices(date, "en-US").map((choice) => [choice.kind, choice.rule]));
  assert.equal(byKind("2026-12-31").monthly, "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1");
  assert.equal(byKind("2026-12-31").yearly, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31");
  assert.equal(byKind("2028-02-29").yearly, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1");
});

test("a task's repeat opens as the ready-made choice it is, or as a custom rule", () => {
  assert.equal(choiceOf(null, "2026-12-14"), NO_REPEAT);
  assert.equal(choiceOf("FREQ=WEEKLY;BYDAY=MO", "2026-12-14"), "weekly");
  assert.equal(choiceOf("freq=daily", "2026-12-14"), "daily");
  assert.equal(choiceOf("FREQ=WEEKLY;BYDAY=TU", "2026-12-14"), CUSTOM); // not that day's
  assert.equal(choiceOf("FREQ=MONTHLY;BYDAY=1MO", "2026-12-14"), CUSTOM);
});

test("the dialog sends only what changed", () => {
  const task = aTask({
    due_date: "2026-12-14",
    due_time: "09:00",
    repeat: "FREQ=WEEKLY;BYDAY=MO",
    repeat_from_completion: false,
    remind_before_minutes: 0,
  });
  const same = {
    due_date: "2026-12-14",
    due_time: "09:00",
    repeat: "FREQ=WEEKLY;BYDAY=MO",
    repeat_from_completion: false,
    remind_before_minutes: 0,
  };
  assert.deepEqual(scheduleEdits(task, same), {});
  assert.deepEqual(scheduleEdits(task, { ...same, due_time: "10:30" }), { due_time: "10:30" });
  assert.deepEqual(scheduleEdits(task, { ...same, due_time: null }), { due_time: null });
  assert.deepEqual(scheduleEdits(task, { ...same, remind_before_minutes: 60 }), {
    remind_before_minutes: 60,
  });
  assert.deepEqual(scheduleEdits(task, { ...same, repeat: null }), { repeat: null });
  assert.deepEqual(scheduleEdits(task, { ...same, repeat_from_completion: true }), {
    repeat_from_completion: true,
  });
  // No date: the date is cleared, which clears the time and repeat with it.
  assert.deepEqual(scheduleEdits(task, { ...same, due_date: null }), { due_date: null });
});

test("a first due date sends the date and what goes with it, defaults left out", () => {
  const task = aTask(); // no date fields at all, as an older task has them
  const none = { due_date: null, due_time: null, repeat: null };
  assert.deepEqual(scheduleEdits(task, none), {});
  assert.deepEqual(
    scheduleEdits(task, {
      due_date: "2026-12-24",
      due_time: null,
      repeat: null,
      repeat_from_completion: false,
      remind_before_minutes: 0,
    }),
    { due_date: "2026-12-24" },
  );
  assert.deepEqual(
    scheduleEdits(task, {
      due_date: "2026-12-24",
      due_time: "18:00",
      repeat: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24",
      repeat_from_completion: true,
      remind_before_minutes: 10,
    }),
    {
      due_date: "2026-12-24",
      due_time: "18:00",
      repeat: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24",
      repeat_from_completion: true,
      remind_before_minutes: 10,
    },
  );
  // The reminder offset needs a time; counting from completion needs a repeat.
  assert.deepEqual(
    scheduleEdits(task, {
      due_date: "2026-12-24",
      due_time: null,
      repeat: null,
      repeat_from_completion: true,
      remind_before_minutes: 60,
    }),
    { due_date: "2026-12-24" },
  );
});

// Quick add.

test("quick add sends the date fields it read, and none when nothing was read", () => {
  const phrase = { start: 9, end: 19, text: "friday 6pm" };
  const due = { date: "2026-12-11", time: "18:00" };
  assert.deepEqual(scheduleOf({ title: "pay rent", due, repeat: null, phrase }), {
    due_date: "2026-12-11",
    due_time: "18:00",
  });
  const daily = { rrule: "FREQ=DAILY", fromCompletion: true };
  assert.deepEqual(
    scheduleOf({ title: "water", due: { date: "2026-12-09", time: null }, repeat: daily, phrase }),
    { due_date: "2026-12-09", repeat: "FREQ=DAILY", repeat_from_completion: true },
  );
  const weekly = { rrule: "FREQ=WEEKLY", fromCompletion: false };
  const today = { date: "2026-12-09", time: null };
  assert.deepEqual(scheduleOf({ title: "t", due: today, repeat: weekly, phrase }), {
    due_date: "2026-12-09",
    repeat: "FREQ=WEEKLY",
  });
  assert.deepEqual(scheduleOf({ title: "buy milk", due: null, repeat: null, phrase: null }), {});
  assert.deepEqual(scheduleOf(null), {});
});

test("words kept as text stay kept while the line is edited around them", () => {
  const kept = [{ start: 9, end: 19, text: "friday 6pm" }];
  assert.deepEqual(relocated(kept, "pay rent friday 6pm now"), kept);
  // Typed before them: they moved.
  assert.deepEqual(relocated(kept, "please pay rent friday 6pm"), [
    { start: 16, end: 26, text: "friday 6pm" },
  ]);
  // Changed: no longer kept.
  assert.deepEqual(relocated(kept, "pay rent friday 7pm"), []);
  // Found twice: the nearer place.
  assert.deepEqual(relocated(kept, "friday 6pm pay friday 6pm")[0].start, 15);
});

// The order of a column.

const ids = (tasks) => tasks.map((task) => task.id);
function boardOf(open, done = []) {
  const state = initialBoardState();
  const server = rowsArrived(state.server, { open, done: { rows: done, cursor: null, full: false } });
  return visibleBoard({ ...state, server }, { now: NOW });
}

test("open columns show dated tasks first, earliest first, then undated ones newest first", () => {
  const undatedOld = aTask({ id: "undated-old" });
  const later = aTask({ id: "later", due_date: "2026-12-20" });
  const soon = aTask({ id: "soon", due_date: "2026-12-10" });
  const overdue = aTask({ id: "overdue", due_date: "2026-12-01" });
  const undatedNew = aTask({ id: "undated-new" });
  const doing = aTask({ id: "doing-dated", status: "doing", due_date: "2027-01-01" });
  const doingUndated = aTask({ id: "doing-undated", status: "doing" });
  const board = boardOf([undatedOld, later, soon, undatedNew, overdue, doingUndated, doing]);
  assert.deepEqual(ids(board.columns.todo), ["overdue", "soon", "later", "undated-new", "undated-old"]);
  assert.deepEqual(ids(board.columns.doing), ["doing-dated", "doing-undated"]);
});

test("within a day, timed tasks come by their time, and the day's date-only tasks after them", () => {
  const dateOnly = aTask({ id: "date-only", due_date: "2026-12-10" });
  const evening = aTask({ id: "evening", due_date: "2026-12-10", due_time: "18:00" });
  const morning = aTask({ id: "morning", due_date: "2026-12-10", due_time: "08:30" });
  const nextDay = aTask({ id: "next-day", due_date: "2026-12-11", due_time: "07:00" });
  const board = boardOf([nextDay, dateOnly, evening, morning]);
  assert.deepEqual(ids(board.columns.todo), ["morning", "evening", "date-only", "next-day"]);
});

test("tasks due at the same time keep today's order: newest first, then by id", () => {
  const first = aTask({ id: "b", due_date: "2026-12-10", created_at: at(1) });
  const second = aTask({ id: "c", due_date: "2026-12-10", created_at: at(2) });
  const twin = aTask({ id: "a", due_date: "2026-12-10", created_at: at(2) });
  assert.deepEqual(ids(boardOf([first, second, twin]).columns.todo), ["a", "c", "b"]);
});

test("Done keeps its order, most recently done first, whatever the due dates", () => {
  const early = aDoneTask(100, { id: "early", due_date: "2026-12-01" });
  const late = aDoneTask(200, { id: "late", due_date: "2027-05-01" });
  const undated = aDoneTask(150, { id: "undated" });
  assert.deepEqual(ids(boardOf([], [early, late, undated]).columns.done), ["late", "undated", "early"]);
});

// The store.

function storeWith(open = []) {
  const api = scriptedApi();
  let made = 0;
  const store = createTaskStore({ api, newId: () => `new-${++made}`, now: () => NOW });
  store.receiveRows({ open, done: { rows: [], cursor: null, full: false } });
  return { api, store, board: () => store.current() };
}

test("a task added with a due date shows it at once, in its place, and sends it", async () => {
  const dated = aTask({ id: "dated", due_date: "2026-12-12" });
  const undated = aTask({ id: "undated" });
  const { api, store, board } = storeWith([dated, undated]);
  const schedule = { due_date: "2026-12-11", due_time: "18:00" };
  const added = store.add("pay rent", schedule);
  const shown = board().tasks.get("new-1");
  assert.equal(shown.due_date, "2026-12-11");
  assert.equal(shown.due_time, "18:00");
  assert.equal(shown.repeat, null);
  assert.deepEqual(ids(board().columns.todo), ["new-1", "dated", "undated"]);
  await settled();
  const put = api.take("put", "/api/tasks/new-1");
  assert.deepEqual(put.body, { description: "pay rent", due_date: "2026-12-11", due_time: "18:00" });
  put.answer({ ...draftTask("new-1", "pay rent", NOW, schedule), due_at: "2026-12-11T23:00:00.000Z" });
  await added;
});

test("a task added without a date sends only its text, as before", async () => {
  const { api, store } = storeWith();
  store.add("buy milk").catch(() => {});
  await settled();
  assert.deepEqual(api.take("put", "/api/tasks/new-1").body, { description: "buy milk" });
});

test("a new due date shows at once and sends only the fields given", async () => {
  const task = aTask({ due_date: "2026-12-10", due_time: "09:00", repeat: "FREQ=DAILY" });
  const { api, store, board } = storeWith([task]);
  const saved = store.setSchedule(task.id, { due_time: "11:00" });
  assert.equal(board().tasks.get(task.id).due_time, "11:00");
  const patch = api.take("patch", `/api/tasks/${task.id}`);
  assert.deepEqual(patch.body, { due_time: "11:00" });
  patch.answer(changed(task, 900, { due_time: "11:00" }));
  await saved;
  assert.equal(board().tasks.get(task.id).due_time, "11:00");
});

test("clearing the date clears its time and repeat on the board at once, as on the server", async () => {
  const task = aTask({ due_date: "2026-12-10", due_time: "09:00", repeat: "FREQ=DAILY" });
  const { api, store, board } = storeWith([task]);
  const saved = store.setSchedule(task.id, { due_date: null });
  const shown = board().tasks.get(task.id);
  assert.deepEqual([shown.due_date, shown.due_time, shown.repeat], [null, null, null]);
  const patch = api.take("patch", `/api/tasks/${task.id}`);
  assert.deepEqual(patch.body, { due_date: null });
  patch.refuse(Object.assign(new Error("No"), { status: 500 }));
  await assert.rejects(saved);
  assert.equal(board().tasks.get(task.id).due_date, "2026-12-10"); // back as the server has it
});

test("a repeating task moved to Done comes back in Todo on its next date, and stays there", async () => {
  const task = aTask({ due_date: "2026-12-09", repeat: "FREQ=WEEKLY;BYDAY=WE" });
  const other = aTask({ id: "later-one", due_date: "2026-12-12" });
  const { api, store, board } = storeWith([task, other]);
  const moved = store.move(task.id, "done");
  assert.deepEqual(ids(board().columns.done), [task.id]); // at once, until the server answers
  const answer = changed(task, 900, {
    status: "todo",
    due_date: "2026-12-16",
    last_completed_at: at(900),
  });
  api.take("patch", `/api/tasks/${task.id}`).answer(answer);
  await moved;
  const placed = () => [ids(board().columns.todo), ids(board().columns.done)];
  assert.deepEqual(placed(), [["later-one", task.id], []]);
  assert.equal(board().tasks.get(task.id).due_date, "2026-12-16");
  // A listener's copy from before the move doesn't undo it; the server's own row settles it.
  store.receiveRows({ open: [{ ...task }, other] });
  assert.deepEqual(placed(), [["later-one", task.id], []]);
  store.receiveRows({ open: [{ ...answer }, other] });
  assert.deepEqual(placed(), [["later-one", task.id], []]);
  assert.equal(board().tasks.get(task.id).due_date, "2026-12-16");
});
