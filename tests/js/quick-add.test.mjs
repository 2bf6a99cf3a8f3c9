import assert from "node:assert/strict";
import { test } from "node:test";
import { parseQuickAdd } from "../../hosting/src/dates/quick-add.js";

// Wednesday 9 December 2026, 10:00 in New York.
const WEDNESDAY = new Date("2026-12-09T15:00:00Z");
const NEW_YORK = "America/New_York";

function read(text, options = {}) {
  return parseQuickAdd(text, { now: WEDNESDAY, timeZone: NEW_YORK, ...options });
}

/** "2026-12-10 18:00", "2026-12-10" (no time) or null: the due date in one string. */
function dueOf(text, options) {
  const { due } = read(text, options);
  return due && [due.date, due.time].filter(Boolean).join(" ");
}

function titleOf(text, options) {
  return read(text, options).title;
}

function ruleOf(text, options) {
  return read(text, options).repeat?.rrule ?? null;
}

function assertNoDate(text, options) {
  const nothing = { title: text, due: null, repeat: null, phrase: null };
  assert.deepEqual(read(text, options), nothing, text);
}

test("nothing is read from an empty or blank line", () => {
  for (const text of ["", "   ", "\n\t "]) {
    assert.deepEqual(read(text), { title: "", due: null, repeat: null, phrase: null });
  }
});

test("a line that is only a date keeps it as its title and reads nothing", () => {
  for (const text of ["tomorrow", "on friday", "every day", "  Daily "]) {
    assert.deepEqual(read(text), {
      title: text.trim(),
      due: null,
      repeat: null,
      phrase: null,
    });
  }
});

test("the title loses the phrase and its date word; the phrase is where it was", () => {
  assert.deepEqual(read("pay rent on friday"), {
    title: "pay rent",
    due: { date: "2026-12-11", time: null },
    repeat: null,
    phrase: { start: 9, end: 18, text: "on friday" },
  });
  assert.deepEqual(read("call mom tomorrow 6pm"), {
    title: "call mom",
    due: { date: "2026-12-10", time: "18:00" },
    repeat: null,
    phrase: { start: 9, end: 21, text: "tomorrow 6pm" },
  });
  assert.equal(titleOf("submit report by dec 3"), "submit report");
  assert.equal(read("submit report by dec 3").phrase.text, "by dec 3");
  assert.equal(titleOf("report due friday"), "report");
  assert.equal(titleOf("report due by friday"), "report");
  assert.equal(titleOf("taxes in april"), "taxes");
  assert.equal(dueOf("taxes in april"), "2027-04-01");
});

test("the title's whitespace is collapsed and loose punctuation by the phrase dropped", () => {
  assert.equal(titleOf("  call   mom   tomorrow  "), "call mom");
  assert.equal(titleOf("tomorrow: call bob"), "call bob");
  assert.equal(titleOf("call mom, tomorrow, then dad"), "call mom, then dad");
  assert.equal(titleOf("Renovation - tomorrow"), "Renovation");
  assert.equal(titleOf("mom's party friday, don't forget"), "mom's party, don't forget");
});

test("a past month and day is next year's; today's is today, even late in the day", () => {
  assert.equal(dueOf("party jan 2"), "2027-01-02");
  assert.equal(dueOf("party dec 8"), "2027-12-08");
  assert.equal(dueOf("party dec 9"), "2026-12-09");
  assert.equal(dueOf("party dec 9", { now: new Date("2026-12-10T04:00:00Z") }), "2026-12-09");
  assert.equal(dueOf("submit report by dec 3"), "2027-12-03");
});

test("a time alone is the next time the clock shows it in the zone", () => {
  assert.equal(dueOf("dinner at 6pm"), "2026-12-09 18:00");
  assert.equal(dueOf("dinner 6pm"), "2026-12-09 18:00");
  assert.equal(dueOf("dinner at 9am"), "2026-12-10 09:00");
  assert.equal(dueOf("dinner at 10am"), "2026-12-10 10:00");
  assert.equal(dueOf("dinner at 10:30"), "2026-12-09 10:30");
  assert.equal(dueOf("call at noon"), "2026-12-09 12:00");
  assert.equal(dueOf("backup at midnight"), "2026-12-10 00:00");
});

test("a weekday is the first one after today; on that weekday, a week on", () => {
  assert.equal(dueOf("x next monday"), "2026-12-14");
  assert.equal(dueOf("x monday"), "2026-12-14");
  assert.equal(dueOf("x on monday"), "2026-12-14");
  assert.equal(dueOf("x this friday"), "2026-12-11");
  assert.equal(dueOf("x wednesday"), "2026-12-16");
  assert.equal(dueOf("x next wednesday"), "2026-12-16");
  const monday = { now: new Date("2026-12-14T15:00:00Z") };
  assert.equal(dueOf("x next monday", monday), "2026-12-21");
  assert.equal(dueOf("x monday", monday), "2026-12-21");
  assert.equal(dueOf("x on monday", monday), "2026-12-21");
  assert.equal(dueOf("x tuesday", monday), "2026-12-15");
  const sunday = { now: new Date("2026-12-13T15:00:00Z") };
  assert.equal(dueOf("x next monday", sunday), "2026-12-14");
});

test("days and times in words and numbers", () => {
  assert.equal(dueOf("x today"), "2026-12-09");
  assert.equal(dueOf("x tomorrow"), "2026-12-10");
  assert.equal(dueOf("x in 3 days"), "2026-12-12");
  assert.equal(dueOf("x in 2 weeks"), "2026-12-23");
  assert.equal(dueOf("x 2 days later"), "2026-12-11");
  assert.equal(dueOf("x next week"), "2026-12-16");
  assert.equal(dueOf("x friday 6pm"), "2026-12-11 18:00");
  assert.equal(dueOf("x friday at 6pm"), "2026-12-11 18:00");
  assert.equal(dueOf("x at 5pm on friday"), "2026-12-11 17:00");
  assert.equal(dueOf("x tomorrow at 9"), "2026-12-10 09:00");
  assert.equal(dueOf("x 6pm tomorrow"), "2026-12-10 18:00");
  assert.equal(dueOf("x dec 24"), "2026-12-24");
  assert.equal(dueOf("x 24 dec"), "2026-12-24");
  assert.equal(dueOf("x december 24th"), "2026-12-24");
  assert.equal(dueOf("x the 24th of december"), "2026-12-24");
  assert.equal(dueOf("x 12/24"), "2026-12-24");
  assert.equal(dueOf("x 2027-01-15"), "2027-01-15");
  assert.equal(dueOf("x in 3 hours"), "2026-12-09 13:00");
  assert.equal(dueOf("x in 30 minutes"), "2026-12-09 10:30");
});

test("tonight is 20:00 today, and today without a time once 20:00 has passed", () => {
  assert.equal(dueOf("call mom tonight"), "2026-12-09 20:00");
  assert.equal(dueOf("call mom tonight", { now: new Date("2026-12-10T01:30:00Z") }), "2026-12-09");
  assert.equal(dueOf("call mom tonight at 9"), "2026-12-09 21:00");
});

test("numbers are month/day in en-US and day/month in en-GB", () => {
  assert.equal(dueOf("x 3/4"), "2027-03-04");
  assert.equal(dueOf("x 3/4", { locale: "en-GB" }), "2027-04-03");
  assert.equal(dueOf("x 24/12", { locale: "en-GB" }), "2026-12-24");
  assert.equal(dueOf("x on 5/1", { locale: "en-GB" }), "2027-01-05");
  assert.equal(dueOf("x 24.12.2026", { locale: "en-GB" }), "2026-12-24");
  assert.equal(dueOf("x 3/4 at 6pm", { locale: "en-GB" }), "2027-04-03 18:00");
  assert.equal(dueOf("x dec 24", { locale: "en-GB" }), "2026-12-24");
  assert.equal(dueOf("x jan 21", { locale: "en-GB" }), "2027-01-21");
});

test("numbers, ordinals and lone month or day words inside a title are not dates", () => {
  for (const text of [
    "The 5th Wave",
    "Renovation - 2nd Floor Bath",
    "paprika",
    "buy 2 apples",
    "read chapter 3 of the book",
    "Mayday parade tickets",
    "march against hunger",
    "join the march on the capitol",
    "Call Jan about the report",
    "sat exam prep",
    "prep for the sat",
    "sun cream",
    "add 1/2 cup sugar",
    "6:30 run",
    "Catch 22",
    "tomorrow's meeting prep",
    "wait 2 days",
  ]) {
    assertNoDate(text);
  }
});

test("a number or ordinal at the very end, or after a date word, is a date", () => {
  assert.equal(dueOf("pay rent on the 5th"), "2027-01-05");
  assert.equal(titleOf("pay rent on the 5th"), "pay rent");
  assert.equal(dueOf("pay rent 5th"), "2027-01-05");
  assert.equal(titleOf("pay rent 5th"), "pay rent");
  assert.equal(dueOf("pay rent the 5th"), "2027-01-05");
  assert.equal(titleOf("pay rent the 5th"), "pay rent");
  assert.equal(dueOf("pay rent by the 20th"), "2026-12-20");
  assert.equal(dueOf("pay rent on the 9th"), "2026-12-09");
  assert.equal(dueOf("bake cookies 12/24"), "2026-12-24");
  assert.equal(dueOf("run at 6:30"), "2026-12-10 06:30");
  assert.equal(dueOf("exam prep sat"), "2026-12-12");
  assert.equal(dueOf("exam prep on sat"), "2026-12-12");
  assert.equal(dueOf("march on the capitol in march"), "2027-03-01");
  assert.equal(titleOf("march on the capitol in march"), "march on the capitol");
  assert.equal(dueOf("Renovation - 2nd Floor Bath by friday"), "2026-12-11");
  assert.equal(titleOf("Renovation - 2nd Floor Bath by friday"), "Renovation - 2nd Floor Bath");
});

test("an ordinal day skips months that do not have it", () => {
  const november = { now: new Date("2026-11-09T15:00:00Z") };
  assert.equal(dueOf("pay rent on the 31st", november), "2026-12-31");
  assert.equal(dueOf("pay rent on the 30th", november), "2026-11-30");
});

test("a duration on its own is not a date", () => {
  assert.equal(dueOf("meeting tomorrow for 2 hours"), "2026-12-10");
  assert.equal(titleOf("meeting tomorrow for 2 hours"), "meeting for 2 hours");
});

test("text in quotes is never a date", () => {
  assert.deepEqual(read('call "Friday" the band tomorrow'), {
    title: 'call "Friday" the band',
    due: { date: "2026-12-10", time: null },
    repeat: null,
    phrase: { start: 23, end: 31, text: "tomorrow" },
  });
  assert.equal(titleOf("read “Friday” tomorrow"), "read “Friday”");
  assert.equal(titleOf("read 'Friday' by tomorrow"), "read 'Friday'");
  assert.equal(titleOf("watch ‘Next Monday’ today"), "watch ‘Next Monday’");
  assertNoDate('buy "Tomorrow" by the band');
  assertNoDate('"every day" is a song');
});

test("the last date in the line is read; keeping it as text reads the one before", () => {
  const text = "meet friday about the tomorrow plan";
  const first = read(text);
  assert.deepEqual(first.phrase, { start: 22, end: 30, text: "tomorrow" });
  assert.equal(first.due.date, "2026-12-10");
  const second = read(text, { keepAsText: [first.phrase] });
  assert.equal(second.title, "meet about the tomorrow plan");
  assert.deepEqual(second.phrase, { start: 5, end: 11, text: "friday" });
  assert.equal(second.due.date, "2026-12-11");
  assertNoDate(text, { keepAsText: [first.phrase, second.phrase] });
});

test("a span kept as text is not read, as a date or as a repeat", () => {
  assertNoDate("Girl Friday", { keepAsText: [{ start: 5, end: 11 }] });
  assertNoDate("water plants every day", { keepAsText: [{ start: 13, end: 22 }] });
  assert.equal(dueOf("Girl Friday", { keepAsText: [{ start: 0, end: 4 }] }), "2026-12-11");
});

test("words are read whatever their case", () => {
  assert.equal(dueOf("PAY RENT TOMORROW AT 6PM"), "2026-12-10 18:00");
  assert.equal(titleOf("PAY RENT TOMORROW AT 6PM"), "PAY RENT");
  assert.equal(ruleOf("Standup Every Monday"), "FREQ=WEEKLY;BYDAY=MO");
  assert.equal(ruleOf("Standup EVERY OTHER WEEK ON MON"), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
  assert.equal(dueOf("x Next Friday"), "2026-12-11");
});

test("repeats become RRULE bodies", () => {
  const rules = {
    "gym every day": "FREQ=DAILY",
    "gym daily": "FREQ=DAILY",
    "gym every weekday": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "gym every mon, wed, fri": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    "gym every monday, wednesday and friday": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    "gym every monday and thursday": "FREQ=WEEKLY;BYDAY=MO,TH",
    "gym every thu & tue": "FREQ=WEEKLY;BYDAY=TU,TH",
    "gym every weekend": "FREQ=WEEKLY;BYDAY=SA,SU",
    "gym every other friday": "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
    "gym every other week": "FREQ=WEEKLY;INTERVAL=2",
    "gym every 2 weeks": "FREQ=WEEKLY;INTERVAL=2",
    "gym every 2 weeks on monday": "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    "gym every other week on tue and thu": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
    "gym every week": "FREQ=WEEKLY",
    "gym weekly": "FREQ=WEEKLY",
    "gym every month": "FREQ=MONTHLY",
    "gym monthly": "FREQ=MONTHLY",
    "gym every year": "FREQ=YEARLY",
    "gym yearly": "FREQ=YEARLY",
    "gym annually": "FREQ=YEARLY",
    "gym every 15th": "FREQ=MONTHLY;BYMONTHDAY=15",
    "gym every 1st": "FREQ=MONTHLY;BYMONTHDAY=1",
    "gym every 28th": "FREQ=MONTHLY;BYMONTHDAY=28",
    "gym every 29th": "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1",
    "gym every 30th": "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1",
    "gym every 31st": "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
    "gym every march 3": "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3",
    "gym every 3rd of march": "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3",
    "gym every dec 31": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
    "gym every feb 29": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
    "gym every 3 months": "FREQ=MONTHLY;INTERVAL=3",
    "gym every 3 days": "FREQ=DAILY;INTERVAL=3",
    "gym every 2 years": "FREQ=YEARLY;INTERVAL=2",
    "gym every 99 days": "FREQ=DAILY;INTERVAL=99",
  };
  for (const [text, rule] of Object.entries(rules)) {
    const result = read(text);
    assert.equal(result.repeat?.rrule, rule, text);
    assert.equal(result.repeat.fromCompletion, false, text);
    assert.equal(result.title, "gym", text);
  }
});

test("a repeat takes the time written next to it, and the time is not in the rule", () => {
  assert.deepEqual(read("standup every weekday at 9am"), {
    title: "standup",
    due: { date: "2026-12-10", time: "09:00" },
    repeat: { rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", fromCompletion: false },
    phrase: { start: 8, end: 28, text: "every weekday at 9am" },
  });
  assert.equal(dueOf("standup at 11am every weekday"), "2026-12-09 11:00");
  assert.equal(titleOf("standup at 11am every weekday"), "standup");
  assert.equal(dueOf("gym every monday at 6pm"), "2026-12-14 18:00");
  assert.equal(dueOf("gym every day, 6pm"), "2026-12-09 18:00");
  assert.equal(dueOf("gym every 3 months at 9am"), "2027-03-09 09:00");
  assert.equal(dueOf("standup daily at 9am"), "2026-12-10 09:00");
  assert.equal(ruleOf("standup daily at 9am"), "FREQ=DAILY");
});

test("every! repeats from completion", () => {
  assert.deepEqual(read("water plants every! 3 days"), {
    title: "water plants",
    due: { date: "2026-12-09", time: null },
    repeat: { rrule: "FREQ=DAILY;INTERVAL=3", fromCompletion: true },
    phrase: { start: 13, end: 26, text: "every! 3 days" },
  });
  assert.equal(read("water plants every! monday").repeat.fromCompletion, true);
});

test("repeats under a day, and unknown repeats, stay text", () => {
  for (const text of [
    "check mail every hour",
    "check mail every 2 hours",
    "check mail every minute",
    "check mail hourly",
    "check mail every 0 days",
    "check mail every 100 days",
    "check mail every 32nd",
    "check mail every feb 30",
    "check mail everyday",
  ]) {
    assertNoDate(text);
  }
  assert.equal(titleOf("check mail every 2 hours at 9am"), "check mail every 2 hours");
});

test("daily, weekly and the like start a title as words, not repeats", () => {
  assertNoDate("daily standup notes");
  assertNoDate("Weekly review deck");
  assert.equal(ruleOf("daily standup notes every friday"), "FREQ=WEEKLY;BYDAY=FR");
});

test("a repeat is due on its first occurrence that is not past", () => {
  assert.equal(dueOf("x every day"), "2026-12-09");
  assert.equal(dueOf("x every day at 9am"), "2026-12-10 09:00");
  assert.equal(dueOf("x every day at 11am"), "2026-12-09 11:00");
  assert.equal(dueOf("x every wednesday"), "2026-12-09");
  assert.equal(dueOf("x every wednesday at 9am"), "2026-12-16 09:00");
  assert.equal(dueOf("x every other friday"), "2026-12-11");
  assert.equal(dueOf("x every week"), "2026-12-09");
  assert.equal(dueOf("x every week at 9am"), "2026-12-16 09:00");
  assert.equal(dueOf("x every 15th"), "2026-12-15");
  assert.equal(dueOf("x every 9th"), "2026-12-09");
  assert.equal(dueOf("x every 9th at 9am"), "2027-01-09 09:00");
  assert.equal(dueOf("x every march 3"), "2027-03-03");
  assert.equal(dueOf("x every 3 months"), "2026-12-09");
  assert.equal(dueOf("x every 15th", { now: new Date("2026-12-20T15:00:00Z") }), "2027-01-15");
  const saturday = { now: new Date("2026-12-12T15:00:00Z") };
  assert.equal(dueOf("x every weekday", saturday), "2026-12-14");
  assert.equal(dueOf("x every weekday at 9am", saturday), "2026-12-14 09:00");
});

test("a repeat on the 29th-31st falls on the last day of shorter months", () => {
  const february = { now: new Date("2027-02-10T15:00:00Z") };
  assert.equal(dueOf("x every 31st", february), "2027-02-28");
  assert.equal(dueOf("x every 30th", february), "2027-02-28");
  assert.equal(dueOf("x every feb 29", february), "2027-02-28");
  const lastDay = { now: new Date("2026-12-31T15:00:00Z") };
  assert.equal(
    ruleOf("x every 3 months", lastDay),
    "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
  );
  assert.equal(dueOf("x every 3 months", lastDay), "2026-12-31");
  assert.equal(dueOf("x every 3 months at 9am", lastDay), "2027-03-31 09:00");
  assert.equal(
    ruleOf("x every month at 9am", lastDay),
    "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
  );
  assert.equal(dueOf("x every month at 9am", lastDay), "2027-01-31 09:00");
  const thirtieth = { now: new Date("2026-11-30T15:00:00Z") };
  assert.equal(ruleOf("x monthly", thirtieth), "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1");
  const leapDay = { now: new Date("2028-02-29T15:00:00Z") };
  assert.equal(
    ruleOf("x every year", leapDay),
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",
  );
  assert.equal(dueOf("x every year at 9am", leapDay), "2029-02-28 09:00");
});

test("times around New York's spring-forward change use that day's offset", () => {
  // 2027-03-14, 09:30 EDT: an hour earlier by the winter offset, when 9am was still ahead.
  const morning = { now: new Date("2027-03-14T13:30:00Z") };
  assert.equal(dueOf("x at 9am", morning), "2027-03-15 09:00");
  assert.equal(dueOf("x at 10am", morning), "2027-03-14 10:00");
  assert.equal(dueOf("x every day at 9am", morning), "2027-03-15 09:00");
  assert.equal(dueOf("x today", morning), "2027-03-14");
  // 01:30 EST, half an hour before the clocks go forward.
  const night = { now: new Date("2027-03-14T06:30:00Z") };
  assert.equal(dueOf("x at 1am", night), "2027-03-15 01:00");
  assert.equal(dueOf("x at 3:30am", night), "2027-03-14 03:30");
  assert.equal(dueOf("x in 3 hours", night), "2027-03-14 05:30");
  const dayBefore = { now: new Date("2027-03-13T14:15:00Z") };
  assert.equal(dueOf("x tomorrow at 9", dayBefore), "2027-03-14 09:00");
  assert.equal(dueOf("x at 9am", dayBefore), "2027-03-14 09:00");
});

test("the day is the zone's: Tokyo is already on the 10th", () => {
  const tokyo = { timeZone: "Asia/Tokyo" }; // 00:00 on Thursday the 10th
  assert.equal(dueOf("x today", tokyo), "2026-12-10");
  assert.equal(dueOf("x tomorrow", tokyo), "2026-12-11");
  assert.equal(dueOf("x at 1am", tokyo), "2026-12-10 01:00");
  assert.equal(dueOf("x thursday", tokyo), "2026-12-17");
  assert.equal(dueOf("x every thursday", tokyo), "2026-12-10");
  assert.equal(dueOf("x every 10th", tokyo), "2026-12-10");
});

test("the hour is the zone's: it is 16:00 in Berlin", () => {
  const berlin = { timeZone: "Europe/Berlin" };
  assert.equal(dueOf("x at 5pm", berlin), "2026-12-09 17:00");
  assert.equal(dueOf("x at 3pm", berlin), "2026-12-10 15:00");
  assert.equal(dueOf("x in 3 hours", berlin), "2026-12-09 19:00");
  assert.equal(dueOf("x tonight", berlin), "2026-12-09 20:00");
  assert.equal(dueOf("x 3/4", { ...berlin, locale: "en-GB" }), "2027-04-03");
});

test("the machine's own time zone makes no difference", () => {
  const texts = ["x at 9am", "x tomorrow 6pm", "x in 3 hours", "x every weekday at 9am"];
  const original = process.env.TZ;
  const readAll = (zone) => {
    process.env.TZ = zone;
    return texts.map((text) => read(text, { now: new Date("2027-03-14T13:30:00Z") }));
  };
  try {
    assert.deepEqual(readAll("Pacific/Kiritimati"), readAll("UTC"));
    assert.deepEqual(readAll("America/Los_Angeles"), readAll("UTC"));
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
});

test("a repeat without a day of its own starts on the day written beside it", () => {
  // Wednesday 9 December 2026, 10:00 in New York.
  const now = new Date("2026-12-09T15:00:00Z");
  const read = parseQuickAdd("call mom friday 6pm every week", { now, timeZone: "America/New_York" });
  assert.equal(read.title, "call mom");
  assert.deepEqual(read.due, { date: "2026-12-11", time: "18:00" });
  assert.equal(read.repeat.rrule, "FREQ=WEEKLY");
  const monthly = parseQuickAdd("pay rent every month on jan 31", { now, timeZone: "America/New_York" });
  assert.equal(monthly.title, "pay rent");
  assert.equal(monthly.due.date, "2027-01-31");
  assert.equal(monthly.repeat.rrule, "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1");
});
