// Calendar dates as "YYYY-MM-DD" strings, counted on UTC midnights so no clock change shifts them.

/** { year, month, day } of "2026-12-09" (month 1-12). */
export function dayParts(date) {
  const [year, month, day] = date.split("-").map(Number);
  return { year, month, day };
}

/** "2026-12-09" from its parts (month 1-12). */
export function formatDay(year, month, day) {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 for Sunday to 6 for Saturday. */
export function weekdayOf(date) {
  const { year, month, day } = dayParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function addDays(date, days) {
  const { year, month, day } = dayParts(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** `months` later on the same day, or on that month's last day when it is shorter. */
export function addMonths(date, months) {
  const { year, month, day } = dayParts(date);
  const [toYear, toMonth] = yearMonth(year, month + months);
  return formatDay(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}

/** The first `weekday` (0 = Sunday) after `date`: a week on when `date` is one. */
export function nextWeekday(weekday, date) {
  return addDays(date, (weekday - weekdayOf(date) + 7) % 7 || 7);
}

/** The first date on or after `from` that is day `day` of its month (months without it skipped). */
export function nextMonthDay(day, from) {
  const { year, month } = dayParts(from);
  return [0, 1, 2]
    .map((ahead) => yearMonth(year, month + ahead))
    .filter(([toYear, toMonth]) => day <= daysInMonth(toYear, toMonth))
    .map(([toYear, toMonth]) => formatDay(toYear, toMonth, day))
    .find((date) => date >= from);
}

/** The first `month`/`day` on or after `from` (a 29 February waits for a leap year). */
export function nextYearDay(month, day, from) {
  const { year } = dayParts(from);
  return Array.from({ length: 9 }, (_, ahead) => year + ahead)
    .filter((toYear) => day <= daysInMonth(toYear, month))
    .map((toYear) => formatDay(toYear, month, day))
    .find((date) => date >= from);
}

// [year, month] of a month count that may run past December: (2026, 14) is [2027, 2].
function yearMonth(year, month) {
  const date = new Date(Date.UTC(year, month - 1, 1));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1];
}
