// Wall clocks in an IANA time zone, with the offset looked up for the moment in question,
// so a daylight-saving change between now and then is accounted for.
import { offsetMinutes } from "../lib/dates.js";

const MINUTE = 60 * 1000;

/** What clocks in `timeZone` show at `instant`: { date: "2026-12-09", time: "10:00" }. */
export function wallClock(timeZone, instant) {
  const shifted = new Date(instant.getTime() + offsetMinutes(timeZone, instant) * MINUTE);
  const written = shifted.toISOString();
  return { date: written.slice(0, 10), time: written.slice(11, 16) };
}

/** The instant clocks in `timeZone` show `date` ("2027-03-14") at `time` ("09:00"). */
export function instantAt(timeZone, date, time) {
  const asIfUtc = Date.parse(`${date}T${time}:00Z`);
  const guess = asIfUtc - offsetMinutes(timeZone, new Date(asIfUtc)) * MINUTE;
  // The offset at the guess, not at the UTC reading, is the one in force that day.
  return new Date(asIfUtc - offsetMinutes(timeZone, new Date(guess)) * MINUTE);
}
