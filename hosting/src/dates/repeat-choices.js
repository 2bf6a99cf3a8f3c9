// The repeats the due date dialog offers for a date ("Weekly on Monday", "Monthly on day 14"),
// as the RRULE bodies the API keeps (functions/openapi.yaml, RepeatRule). Pure.
import { dayParts, weekdayOf } from "./calendar.js";

const DAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const SHORTEST_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** What "Doesn't repeat" and "Custom rule…" are called among the kinds. */
export const NO_REPEAT = "";
export const CUSTOM = "custom";

/**
 * @typedef {{ kind: string, label: string, rule: string }} RepeatChoice
 */

/**
 * The ready-made repeats for a task due on `date` ("2026-12-14"), in the dialog's order:
 * daily, every weekday, weekly on its weekday, monthly on its day of the month, yearly on its
 * date. Days a month or year may lack (the 31st, 29 February) fall on the month's last day then.
 *
 * @param {string} date
 * @param {string} [locale] how weekday and month names are written
 * @returns {RepeatChoice[]}
 */
export function repeatChoices(date, locale) {
  const { month, day } = dayParts(date);
  const at = Date.parse(`${date}T00:00:00Z`);
  const name = (options) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(at);
  return [
    { kind: "daily", label: "Daily", rule: "FREQ=DAILY" },
    {
      kind: "weekdays",
      label: "Every weekday (Monday to Friday)",
      rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    },
    {
      kind: "weekly",
      label: `Weekly on ${name({ weekday: "long" })}`,
      rule: `FREQ=WEEKLY;BYDAY=${DAY_CODES[weekdayOf(date)]}`,
    },
    {
      kind: "monthly",
      label: day > 28 ? `Monthly on day ${day} (or the month's last day)` : `Monthly on day ${day}`,
      rule: ["FREQ=MONTHLY", ...monthDayParts(day, 28)].join(";"),
    },
    {
      kind: "yearly",
      label: `Yearly on ${name({ month: "long", day: "numeric" })}`,
      rule: [
        "FREQ=YEARLY",
        `BYMONTH=${month}`,
        ...monthDayParts(day, SHORTEST_MONTH[month - 1]),
      ].join(";"),
    },
  ];
}

/**
 * Which of the dialog's choices `rule` is for a task due on `date`: NO_REPEAT without a rule,
 * a ready-made kind when it says exactly that (in any letter case), else CUSTOM.
 */
export function choiceOf(rule, date) {
  if (!rule) return NO_REPEAT;
  if (!date) return CUSTOM;
  const wanted = rule.trim().toUpperCase();
  return repeatChoices(date).find((choice) => choice.rule === wanted)?.kind ?? CUSTOM;
}

// "Day 31 of every month" as BYMONTHDAY=28,29,30,31;BYSETPOS=-1: the last of those days each
// month has (as quick add writes it, dates/repeat-phrases.js).
function monthDayParts(day, shortest) {
  if (day <= shortest) return [`BYMONTHDAY=${day}`];
  const days = Array.from({ length: day - 27 }, (_, at) => 28 + at);
  return [`BYMONTHDAY=${days.join(",")}`, "BYSETPOS=-1"];
}
