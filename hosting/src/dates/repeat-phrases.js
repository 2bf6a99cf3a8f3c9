// The "every …" grammar (chrono-node reads single dates, not repeats) and the rules it makes:
// RRULE bodies without DTSTART or times, and the first occurrence not in the past.
import { addDays, addMonths, dayParts, daysInMonth, weekdayOf } from "./calendar.js";

/** Month names and their abbreviations, as a regular expression source. */
export const MONTH_NAMES = [
  "jan(?:uary)?",
  "feb(?:ruary)?",
  "mar(?:ch)?",
  "apr(?:il)?",
  "may",
  "june?",
  "july?",
  "aug(?:ust)?",
  "sep(?:t(?:ember)?)?",
  "oct(?:ober)?",
  "nov(?:ember)?",
  "dec(?:ember)?",
].join("|");
const WEEKDAY_NAMES = [
  "mon(?:day)?",
  "tue(?:s(?:day)?)?",
  "wed(?:s|nesday)?",
  "thu(?:r(?:s(?:day)?)?)?",
  "fri(?:day)?",
  "sat(?:urday)?",
  "sun(?:day)?",
].join("|");
const LIST_GAP = String.raw`(?:\s*[,&]\s*(?:and\s+)?|\s+and\s+)`;
const WEEKDAY_LIST = `(?:${WEEKDAY_NAMES})(?:${LIST_GAP}(?:${WEEKDAY_NAMES}))*`;

const DAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];
const WEEK_ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const MONTH_KEYS = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");
const SHORTEST_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FREQUENCIES = { day: "DAILY", week: "WEEKLY", month: "MONTHLY", year: "YEARLY" };
const SHORTHANDS = {
  daily: "DAILY",
  weekly: "WEEKLY",
  monthly: "MONTHLY",
  yearly: "YEARLY",
  annually: "YEARLY",
};

const START = /\b(?:every(!?)\s+|(daily|weekly|monthly|yearly|annually)(?!\w))/gi;

// What may follow "every", tried in order: the first that reads as a repeat (not null) wins.
const BODIES = [
  ["weekdays?", () => ({ freq: "WEEKLY", byDay: WEEK_ORDER.slice(0, 5) })],
  ["weekends?", () => ({ freq: "WEEKLY", byDay: ["SA", "SU"] })],
  [
    String.raw`other\s+(${WEEKDAY_NAMES})`,
    (m) => ({ freq: "WEEKLY", interval: 2, byDay: [dayCode(m[1])] }),
  ],
  [
    String.raw`(other|\d{1,2})\s+weeks?\s+on\s+(${WEEKDAY_LIST})`,
    (m) => weeksOn(/\d/.test(m[1]) ? Number(m[1]) : 2, m[2]),
  ],
  [String.raw`other\s+(day|week|month|year)`, (m) => ({ freq: frequency(m[1]), interval: 2 })],
  // Up to 99, as the API allows.
  [String.raw`(\d{1,2})\s+(day|week|month|year)s?`, (m) => everyFew(Number(m[1]), m[2])],
  ["(day|week|month|year)", (m) => ({ freq: frequency(m[1]) })],
  [
    String.raw`(${MONTH_NAMES})\.?\s+(\d{1,2})(?:st|nd|rd|th)?`,
    (m) => yearly(monthNumber(m[1]), Number(m[2])),
  ],
  [
    String.raw`(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_NAMES})`,
    (m) => yearly(monthNumber(m[2]), Number(m[1])),
  ],
  [String.raw`(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)`, (m) => monthly(Number(m[1]))],
  [WEEKDAY_LIST, (m) => weekdays(m[0])],
].map(([source, read]) => [new RegExp(String.raw`^(?:${source})(?!\w)`, "i"), read]);

/**
 * Every repeat phrase in `text`, in order: { start, end, spec, fromCompletion, shorthand }.
 * `spec` is { freq, interval?, byDay?, month?, monthDay? }; `shorthand` marks "daily" and the like.
 */
export function findRepeats(text) {
  return [...text.matchAll(START)].map((match) => repeatAt(text, match)).filter(Boolean);
}

/**
 * The RRULE body for `spec` begun on `today`, and its first occurrence from `today` on
 * (from tomorrow on when `todayCounts` is false: today's time has passed).
 */
export function scheduleRepeat(spec, today, todayCounts) {
  if (spec.byDay || spec.monthDay) {
    const from = todayCounts ? today : addDays(today, 1);
    return { rrule: ruleText(spec), date: firstMatch(spec, from) };
  }
  // Rules without a day of their own start today and step from it.
  return {
    rrule: ruleText(anchoredOn(spec, today)),
    date: todayCounts ? today : step(spec, today),
  };
}

function repeatAt(text, match) {
  const [opening, completion, shorthand] = match;
  const start = match.index;
  const bodyStart = start + opening.length;
  if (shorthand) {
    const spec = { freq: SHORTHANDS[shorthand.toLowerCase()] };
    return { start, end: bodyStart, spec, fromCompletion: false, shorthand: true };
  }
  const body = readBody(text.slice(bodyStart));
  if (!body) return null;
  const end = bodyStart + body.length;
  return { start, end, spec: body.spec, fromCompletion: completion === "!", shorthand: false };
}

function readBody(rest) {
  for (const [pattern, read] of BODIES) {
    const match = rest.match(pattern);
    const spec = match && read(match);
    if (spec) return { spec, length: match[0].length };
  }
  return null;
}

function everyFew(count, unit) {
  return count > 0 ? { freq: frequency(unit), interval: count } : null;
}

function weeksOn(count, list) {
  return count > 0 ? { ...weekdays(list), interval: count } : null;
}

function frequency(unit) {
  return FREQUENCIES[unit.toLowerCase()];
}

function yearly(month, day) {
  if (day < 1 || day > LONGEST_MONTH[month - 1]) return null;
  return { freq: "YEARLY", month, monthDay: day };
}

function monthly(day) {
  if (day < 1 || day > 31) return null;
  return { freq: "MONTHLY", monthDay: day };
}

function weekdays(list) {
  const named = new Set(list.match(new RegExp(WEEKDAY_NAMES, "gi")).map(dayCode));
  return { freq: "WEEKLY", byDay: WEEK_ORDER.filter((code) => named.has(code)) };
}

function dayCode(name) {
  return name.slice(0, 2).toUpperCase();
}

function monthNumber(name) {
  return MONTH_KEYS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

// A monthly rule begun on the 29th-31st (or a yearly one on 29 February) names its day,
// so the clamp idiom can put short months on their last day.
function anchoredOn(spec, today) {
  const { month, day } = dayParts(today);
  if (spec.freq === "MONTHLY" && day > 28) return { ...spec, monthDay: day };
  if (spec.freq === "YEARLY" && month === 2 && day === 29) return { ...spec, month, monthDay: day };
  return spec;
}

function step(spec, date) {
  const count = spec.interval ?? 1;
  if (spec.freq === "DAILY") return addDays(date, count);
  if (spec.freq === "WEEKLY") return addDays(date, 7 * count);
  return addMonths(date, spec.freq === "MONTHLY" ? count : 12 * count);
}

function firstMatch(spec, from) {
  let date = from;
  while (!occursOn(spec, date)) date = addDays(date, 1);
  return date;
}

function occursOn(spec, date) {
  if (spec.byDay) return spec.byDay.includes(DAY_CODES[weekdayOf(date)]);
  const { year, month, day } = dayParts(date);
  if (spec.month && spec.month !== month) return false;
  return day === Math.min(spec.monthDay, daysInMonth(year, month));
}

function ruleText({ freq, interval = 1, byDay, month, monthDay }) {
  const parts = [`FREQ=${freq}`];
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  if (month) parts.push(`BYMONTH=${month}`);
  if (byDay) parts.push(`BYDAY=${byDay.join(",")}`);
  if (monthDay) parts.push(...monthDayParts(monthDay, month));
  return parts.join(";");
}

// "Every 31st" as BYMONTHDAY=28,29,30,31;BYSETPOS=-1: the last of those days each month has.
function monthDayParts(day, month) {
  const shortest = month ? SHORTEST_MONTH[month - 1] : 28;
  if (day <= shortest) return [`BYMONTHDAY=${day}`];
  const days = Array.from({ length: day - 27 }, (_, at) => 28 + at);
  return [`BYMONTHDAY=${days.join(",")}`, "BYSETPOS=-1"];
}
