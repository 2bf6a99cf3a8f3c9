import { getTimeZones } from "@vvo/tzdb";

/**
 * The time zones a person picks from: IANA's zones grouped by country and clock, under their
 * current names (Asia/Kolkata, Europe/Kyiv; @vvo/tzdb keeps the old ones, such as
 * Asia/Calcutta, in each entry's group), with today's offsets, sorted by offset.
 */
let zones;
export function timeZones() {
  zones ??= getTimeZones({ includeUtc: true });
  return zones;
}

/** The browser's own time zone, as an IANA name (maybe an old alias). */
export const detectedTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The entry a stored or detected name belongs to, old aliases included; null if none. */
export function zoneOf(name) {
  return name ? (timeZones().find((zone) => zone.group.includes(name)) ?? null) : null;
}

/**
 * An entry for a zone the list does not hold (one the server accepts, such as Etc/GMT+5), so
 * a stored value is shown and kept rather than swapped for another.
 */
export function unlistedZone(name, instant = new Date()) {
  const offset = new Intl.DateTimeFormat("en", { timeZone: name, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName").value; // "GMT-05:00", or "GMT" for zero
  const [, sign = "+", hours = "0", minutes = "0"] = offset.match(/GMT([+-])(\d+):?(\d+)?/) ?? [];
  const minutesEast = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return {
    name,
    group: [name],
    alternativeName: name,
    countryName: "",
    mainCities: [],
    currentTimeOffsetInMinutes: minutesEast,
    currentTimeFormat: name,
    abbreviation: "",
    currentAbbreviation: "",
  };
}

/** "UTC+05:30", "UTC−08:00" (a real minus sign), "UTC+00:00". */
export function offsetLabel(minutes) {
  const sign = minutes < 0 ? "−" : "+";
  const whole = Math.abs(minutes);
  const hours = String(Math.floor(whole / 60)).padStart(2, "0");
  return `UTC${sign}${hours}:${String(whole % 60).padStart(2, "0")}`;
}

/** A zone in a few words: "UTC−05:00 · Eastern Time · New York City, Brooklyn". */
export function describeZone(zone) {
  const places = zone.mainCities.length ? zone.mainCities.slice(0, 2).join(", ") : zone.name;
  return [offsetLabel(zone.currentTimeOffsetInMinutes), zone.alternativeName, places].join(" · ");
}

/** The name of a stored zone as a person reads it, with its offset now. */
export function zoneSummary(name) {
  const zone = zoneOf(name);
  return zone ? describeZone(zone) : name;
}
