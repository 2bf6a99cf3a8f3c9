// A task's due date and time as the board writes them: "Today 14:00", "Friday", "Dec 24",
// "Overdue · Mon". Pure: the instant, the person's time zone and locale are given.
import { localDay } from "../lib/dates.js";
import { wallClock } from "./zoned.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const formats = new Map(); // locale and options -> Intl.DateTimeFormat (slow to make)

/**
 * @typedef {{ now?: Date, timeZone?: string | null, locale?: string }} DueContext
 *   The instant (now), the person's IANA zone (the browser's own if none), and the locale
 *   whose way of writing dates and times is used (the browser's own if none).
 * @typedef {{ text: string, overdue: boolean, repeats: boolean, words: string,
 *   full: string }} DueLabel
 *   `text` is what the card shows ("Overdue · Mon 9:00 AM"); `words` says it for a screen
 *   reader ("Overdue, was due Mon 9:00 AM, repeats weekly"); `full` is the whole date and
 *   time ("Monday, December 14, 2026, 9:00 AM") for a tooltip.
 */

/**
 * The label of `task`'s due date ({ due_date, due_time, repeat, status }), or null when it
 * has none. An open task is overdue once its time has passed (a date-only one once its day
 * has), on the clocks of the person's time zone; a done one never is.
 *
 * @param {{ due_date?: string | null, due_time?: string | null, repeat?: string | null,
 *   status?: string }} task
 * @param {DueContext} [context]
 * @returns {DueLabel | null}
 */
export function dueLabel(task, context = {}) {
  if (!task.due_date) return null;
  const { now = new Date(), timeZone = null, locale } = context;
  const when = dueText({ date: task.due_date, time: task.due_time ?? null }, context);
  const clock = wallClock(timeZone || browserZone(), now);
  const overdue = task.status !== "done" && isPast(task.due_date, task.due_time, clock);
  const repeats = Boolean(task.repeat);
  const text = overdue ? `Overdue · ${when}` : when;
  const repeatWords = repeats ? `, repeats ${repeatInWords(task.repeat)}` : "";
  return {
    text,
    overdue,
    repeats,
    words: `${overdue ? "Overdue, was due" : "Due"} ${when}${repeatWords}`,
    full: fullDate(task.due_date, task.due_time ?? null, locale),
  };
}

/**
 * A local date (and time) in few words, seen from today in `context`'s zone: "Today",
 * "Tomorrow", "Yesterday", a weekday for the coming week ("Friday") or the past one ("Mon"),
 * else a short date ("Dec 24", with the year when it is not this year), then the time as the
 * locale writes it ("Today 14:00", "Today 2:00 PM"). `short` writes the coming week's days short
 * too ("Fri"), as quick add's chip does.
 *
 * @param {{ date: string, time?: string | null }} due
 * @param {DueContext & { short?: boolean }} [context]
 */
export function dueText({ date, time = null }, context = {}) {
  const { now = new Date(), timeZone = null, locale, short = false } = context;
  const day = dayInWords(date, localDay(timeZone, now), locale, short);
  return time ? `${day} ${timeInWords(time, locale)}` : day;
}

/**
 * "Today", "Tomorrow", "Yesterday", "Friday" (within a week ahead; "Fri" when `short`), "Mon"
 * (within a week back), else "Dec 24" ("Dec 24, 2027" in another year).
 */
export function dayInWords(date, today, locale, short = false) {
  const ahead = daysBetween(today, date);
  if (ahead === 0) return "Today";
  if (ahead === 1) return "Tomorrow";
  if (ahead === -1) return "Yesterday";
  if (ahead > 1 && ahead < 7) return formatDay(date, locale, { weekday: short ? "short" : "long" });
  if (ahead < -1 && ahead > -7) return formatDay(date, locale, { weekday: "short" });
  const options = { month: "short", day: "numeric" };
  if (date.slice(0, 4) !== today.slice(0, 4)) options.year = "numeric";
  return formatDay(date, locale, options);
}

/** "14:00" as the locale writes a time of day: "2:00 PM" in en-US, "14:00" in en-GB. */
export function timeInWords(hoursMinutes, locale) {
  const [hours, minutes] = hoursMinutes.split(":").map(Number);
  const instant = Date.UTC(2000, 0, 1, hours, minutes);
  return format(locale, { hour: "numeric", minute: "2-digit" }, instant);
}

/**
 * "Mon Dec 14" ("Mon 14 Dec" in en-GB): a date of a repeat's preview, short, with its weekday,
 * and with its year when that is not `today`'s.
 */
export function shortDate(date, locale, today = null) {
  const options = { month: "short", day: "numeric" };
  if (today && date.slice(0, 4) !== today.slice(0, 4)) options.year = "numeric";
  return `${formatDay(date, locale, { weekday: "short" })} ${formatDay(date, locale, options)}`;
}

const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const UNITS = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" };
const ONCE_EACH = { DAILY: "daily", WEEKLY: "weekly", MONTHLY: "monthly", YEARLY: "yearly" };

/**
 * An RRULE body in a few words: "daily", "weekly", "every weekday", "every 2 weeks", "monthly",
 * "yearly"; "on a custom schedule" for what does not say itself that shortly.
 */
export function repeatInWords(rule) {
  const parts = Object.fromEntries(
    String(rule)
      .toUpperCase()
      .split(";")
      .map((part) => part.split("=")),
  );
  const every = Number(parts.INTERVAL ?? 1);
  const unit = UNITS[parts.FREQ];
  if (!unit || !(every >= 1)) return "on a custom schedule";
  const days = parts.BYDAY?.split(",") ?? [];
  const workdays = days.length === 5 && days.every((code, at) => code === WEEKDAY_CODES[at]);
  if (parts.FREQ === "WEEKLY" && every === 1 && workdays) {
    return "every weekday";
  }
  return every === 1 ? ONCE_EACH[parts.FREQ] : `every ${every} ${unit}s`;
}

/** Whole days from `from` to `to` ("2026-12-09" to "2026-12-11" is 2). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function isPast(date, time, clock) {
  if (!time) return date < clock.date;
  return `${date}T${time}` < `${clock.date}T${clock.time}`;
}

function fullDate(date, time, locale) {
  const options = { weekday: "long", year: "numeric", month: "long", day: "numeric" };
  if (!time) return formatDay(date, locale, options);
  const [hours, minutes] = time.split(":").map(Number);
  const [year, month, day] = date.split("-").map(Number);
  return format(
    locale,
    { ...options, hour: "numeric", minute: "2-digit" },
    Date.UTC(year, month - 1, day, hours, minutes),
  );
}

// Calendar dates are written from their UTC midnight, in UTC: no zone can shift the day.
function formatDay(date, locale, options) {
  return format(locale, options, Date.parse(`${date}T00:00:00Z`));
}

function format(locale, options, instant) {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  if (!formats.has(key)) {
    formats.set(key, new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }));
  }
  return formats.get(key).format(instant);
}

function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
