// Reads a due date or a repeat out of a quick-add line ("pay rent every 1st at 9am").
// chrono-node reads single dates and times; repeat-phrases.js reads "every …".
// Everything is computed on the wall clock and calendar of the person's time zone.
import { casual, GB } from "chrono-node/en";
import { addDays, formatDay, nextMonthDay, nextWeekday, nextYearDay } from "./calendar.js";
import { findRepeats, MONTH_NAMES, scheduleRepeat } from "./repeat-phrases.js";
import { instantAt, wallClock } from "./zoned.js";

// The time "tonight" sets while it is still ahead; later in the evening it sets no time.
const TONIGHT = "20:00";

// Straight single quotes only open after a space and close before one: "mom's" is no quote.
const QUOTED = /"[^"]*"|“[^”]*”|‘[^’]*’|(^|[\s([{])'[^']*'(?=$|[\s.,;:!?)\]}])/g;
const LEAD_IN = /(?:^|\s)((?:(?:due|by|on|at)\s+)+(?:the\s+)?)$/i;
const MONTH_LEAD_IN = /(?:^|\s)((?:(?:due|by|on|at|in)\s+)+)$/i;
const TRAILING_PUNCTUATION = /[\s,.]+$/;
const OWN_LEAD_IN = /^(?:(?:due|by|on|at)\s+)+/i;
const ORDINAL_DAY = /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/gi;
const BARE_MONTH = new RegExp(`^(?:${MONTH_NAMES})\\.?$`, "i");
const NUMBERS_ONLY = /^[\d\s:./-]+$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAY_ABBREVIATION = /^(?:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?$/i;
const ARTICLE_BEFORE = /\b(?:the|an?)\s+$/i;
const AFTER_EVERY = /\bevery!?\s+$/i;
const POSSESSIVE_AFTER = /^['’]s\b/i;
// A duration is a date only as "in 2 days", "2 days later", "next week" and the like.
const POINT_IN_TIME = /\b(?:in|within|next|last|later|from now|ago)\b/i;
const END = /^[\s.,;:!?]*$/;
const MASK = "\u0000";
const CHRONO_OPTIONS = { forwardDate: true };

/**
 * @typedef {{ start: number, end: number }} Span  Character offsets into the text, end exclusive.
 * @typedef {{ date: string, time: string | null }} Due  "2026-12-24" and "18:00" (or null), local.
 * @typedef {{ rrule: string, fromCompletion: boolean }} Repeat  "FREQ=WEEKLY;BYDAY=MO", no DTSTART.
 * @typedef {{ title: string, due: Due | null, repeat: Repeat | null,
 *   phrase: { start: number, end: number, text: string } | null }} QuickAdd
 */

/**
 * Reads the due date or repeat in a quick-add line and the title left without it.
 *
 * Dates are local to `timeZone` (an IANA name) at the instant `now`, and point forward.
 * `phrase` is the span read as a date in the original text (its date word included) so it can
 * be shown as a chip; to "keep it as text", parse again with that span in `keepAsText`: text in
 * those spans (and in quotes) is never read as a date. `locale` only decides whether 3/4 is
 * 4 March (day first, as "en-GB" writes dates) or 3 April ("en-US"); the words are English.
 * When the phrase is all there is, it stays the title and nothing is read.
 *
 * @param {string} text
 * @param {{ now?: Date, timeZone?: string, locale?: string, keepAsText?: Span[] }} [options]
 * @returns {QuickAdd}
 */
export function parseQuickAdd(
  text,
  { now = new Date(), timeZone = localZone(), locale = "en-US", keepAsText = [] } = {},
) {
  const whole = tidy(text);
  if (!whole) return nothingRead(whole);
  const masked = mask(text, [...quotedSpans(text), ...keepAsText]);
  const clock = wallClock(timeZone, now);
  const context = { now, timeZone, today: clock.date, reference: referenceDate(clock) };
  const repeats = findRepeats(masked);
  // Dates are read around the repeats, so "every 3 months at 9am" leaves chrono "at 9am".
  const dates = datesIn(mask(masked, repeats), locale, context);
  const found = repeatFound(masked, repeats, dates, context) ?? lastDate(dates);
  if (!found) return nothingRead(whole);
  const title = withoutSpan(text, found);
  if (!title) return nothingRead(whole);
  const { start, end, due, repeat } = found;
  return { title, due, repeat, phrase: { start, end, text: text.slice(start, end) } };
}

function nothingRead(title) {
  return { title, due: null, repeat: null, phrase: null };
}

function localZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function tidy(text) {
  return text.replace(/\s+/g, " ").trim();
}

function quotedSpans(text) {
  return [...text.matchAll(QUOTED)].map((match) => ({
    start: match.index + (match[1]?.length ?? 0),
    end: match.index + match[0].length,
  }));
}

// Masked characters keep every offset but match no date, word or space.
function mask(text, spans) {
  const characters = text.split("");
  for (const { start, end } of spans) {
    for (let at = Math.max(0, start); at < Math.min(end, text.length); at += 1) {
      characters[at] = MASK;
    }
  }
  return characters.join("");
}

// chrono reads the reference's fields in the machine's zone: give it the person's wall clock.
function referenceDate({ date, time }) {
  const [year, month, day] = date.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(year, month - 1, day, hours, minutes);
}

function isAhead(context, date, time) {
  return instantAt(context.timeZone, date, time) > context.now;
}

function datesIn(masked, locale, context) {
  const dates = chronoDates(masked, locale, context);
  return [...dates, ...ordinalDates(masked, dates, context)];
}

function chronoDates(masked, locale, context) {
  return chronoResults(masked, locale, context.reference)
    .filter((result) => !notADate(masked, result))
    .map((result) => chronoDate(masked, result, context));
}

// chrono's GB parser also reads "dec 24" as December 2024, so it only reads the numbers.
function chronoResults(masked, locale, reference) {
  const results = casual.parse(masked, reference, CHRONO_OPTIONS);
  if (!dayFirst(locale)) return results;
  const dayMonth = GB.parse(masked, reference, CHRONO_OPTIONS);
  return results.map((result) => {
    if (!result.tags().has("parser/SlashDateFormatParser")) return result;
    const same = (other) => other.index === result.index && other.text === result.text;
    return dayMonth.find(same) ?? result;
  });
}

function dayFirst(locale) {
  const order = new Intl.DateTimeFormat(locale, { day: "numeric", month: "numeric" })
    .formatToParts(0)
    .map((part) => part.type);
  return order.indexOf("day") < order.indexOf("month");
}

function notADate(masked, result) {
  const after = masked.slice(result.index + result.text.length);
  const vagueDuration =
    result.tags().has("result/relativeDate") && !POINT_IN_TIME.test(result.text);
  return vagueDuration || POSSESSIVE_AFTER.test(after);
}

function chronoDate(masked, result, context) {
  const read = result.text.replace(TRAILING_PUNCTUATION, ""); // chrono takes "friday," whole
  const core = read.replace(OWN_LEAD_IN, "");
  const bareMonth = BARE_MONTH.test(core);
  const before = masked.slice(0, result.index);
  const leadIn = before.match(bareMonth ? MONTH_LEAD_IN : LEAD_IN)?.[1] ?? "";
  const span = { start: result.index - leadIn.length, end: result.index + read.length };
  const afterDateWord = core !== read || leadIn !== "";
  const strength = bareMonth ? "month" : isWeak(core) ? "weak" : "strong";
  return {
    ...span,
    time: clockTime(result.start),
    due: chronoDue(result, context),
    namesDay: result.start.isCertain("day") || result.start.isCertain("weekday"),
    standsAlone: !AFTER_EVERY.test(before) && stands(masked, span, strength, afterDateWord),
  };
}

// Numbers ("1/2", "6:30") and abbreviations ("sat", "sun") are often just part of a title.
function isWeak(core) {
  return (NUMBERS_ONLY.test(core) && !ISO_DAY.test(core)) || WEEKDAY_ABBREVIATION.test(core);
}

function stands(masked, { start, end }, strength, afterDateWord) {
  if (strength === "strong" || afterDateWord) return true;
  if (strength === "month") return false;
  return END.test(masked.slice(end)) && !ARTICLE_BEFORE.test(masked.slice(0, start));
}

function clockTime(parts) {
  if (!parts.isCertain("hour")) return null;
  return `${pad(parts.get("hour"))}:${pad(parts.get("minute"))}`;
}

function pad(number) {
  return String(number).padStart(2, "0");
}

function chronoDue(result, context) {
  const parts = result.start;
  if (result.tags().has("result/relativeDateAndTime")) {
    // "in 3 hours" is a duration from now, whatever the clocks do meanwhile.
    const later = context.now.getTime() + (parts.date().getTime() - context.reference.getTime());
    return wallClock(context.timeZone, new Date(later));
  }
  const time = clockTime(parts) ?? tonight(result, context);
  return { date: chronoDay(parts, time, context), time };
}

function tonight(result, context) {
  const said = result.tags().has("casualReference/tonight");
  return said && isAhead(context, context.today, TONIGHT) ? TONIGHT : null;
}

// Whatever chrono left implied is decided here, forward from today in the person's zone.
function chronoDay(parts, time, context) {
  const { today } = context;
  const value = (component) => parts.get(component);
  if (parts.isCertain("day")) {
    if (parts.isCertain("year")) return formatDay(value("year"), value("month"), value("day"));
    return nextYearDay(value("month"), value("day"), today);
  }
  if (parts.isCertain("weekday")) return nextWeekday(value("weekday"), today);
  if (time && !parts.isCertain("month")) {
    return isAhead(context, today, time) ? today : addDays(today, 1);
  }
  return formatDay(value("year"), value("month"), value("day"));
}

// "on the 5th", "pay rent 5th": a day of the month, which chrono does not read alone.
function ordinalDates(masked, taken, context) {
  const dates = [];
  for (const match of masked.matchAll(ORDINAL_DAY)) {
    const day = Number(match[1]);
    const start = match.index;
    const end = start + match[0].length;
    if (day < 1 || day > 31 || taken.some((date) => date.start < end && date.end > start)) continue;
    const before = masked.slice(0, start);
    const leadIn = before.match(LEAD_IN)?.[1] ?? "";
    const span = { start: start - leadIn.length, end };
    dates.push({
      ...span,
      time: null,
      due: { date: nextMonthDay(day, context.today), time: null },
      namesDay: true,
      standsAlone: !AFTER_EVERY.test(before) && stands(masked, span, "weak", leadIn !== ""),
    });
  }
  return dates;
}

// A repeat takes a time written next to it ("every monday at 9am", "at 9am every weekday"),
// and a repeat without a day of its own starts on a day written next to it ("friday 6pm
// every week" is weekly on Fridays).
function repeatFound(masked, repeats, dates, context) {
  for (const repeat of repeats) {
    const beside = dates.filter((date) => nextTo(masked, repeat, date));
    const timed = beside.find((date) => date.time);
    if (repeat.shorthand && !timed && !END.test(masked.slice(repeat.end))) continue;
    const ownDay = repeat.spec.byDay || repeat.spec.monthDay;
    const dated = ownDay ? undefined : beside.find((date) => date.namesDay);
    const time = timed?.time ?? null;
    const from = dated?.due.date ?? context.today;
    const todayCounts = Boolean(dated) || !time || isAhead(context, context.today, time);
    const { rrule, date } = scheduleRepeat(repeat.spec, from, todayCounts);
    const spans = [repeat, timed, dated].filter(Boolean);
    return {
      start: Math.min(...spans.map((span) => span.start)),
      end: Math.max(...spans.map((span) => span.end)),
      due: { date, time },
      repeat: { rrule, fromCompletion: repeat.fromCompletion },
    };
  }
  return null;
}

function nextTo(masked, first, second) {
  const [left, right] = first.start < second.start ? [first, second] : [second, first];
  return /^[\s,]*$/.test(masked.slice(left.end, right.start));
}

// The last date wins: dates mostly end the line, and "keep as text" falls back to the one before.
function lastDate(dates) {
  const standing = dates.filter((date) => date.standsAlone).sort((a, b) => a.start - b.start);
  if (!standing.length) return null;
  const { start, end, due } = standing[standing.length - 1];
  return { start, end, due, repeat: null };
}

function withoutSpan(text, { start, end }) {
  let left = text.slice(0, start).trimEnd();
  let right = text.slice(end).trimStart();
  if (!right || /^[,;:]/.test(right)) left = left.replace(/\s*[,;:–—-]$/, "");
  if (!left) right = right.replace(/^[,;:–—-]\s*/, "");
  const joint = !left || !right || /^[,.;:!?)]/.test(right) ? "" : " ";
  return tidy(`${left}${joint}${right}`);
}
