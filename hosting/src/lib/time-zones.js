import { getTimeZones } from "@vvo/tzdb";
import { offsetLabel, offsetMinutes } from "./dates.js";

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
  return {
    name,
    group: [name],
    alternativeName: name,
    countryName: "",
    mainCities: [],
    currentTimeOffsetInMinutes: offsetMinutes(name, instant),
    currentTimeFormat: name,
    abbreviation: "",
    currentAbbreviation: "",
  };
}

/** A zone in a few words: "UTC−05:00 · Eastern Time · New York City, Brooklyn". */
export function describeZone(zone) {
  // UTC's entry has one main city, an empty one.
  const places = zone.mainCities.filter(Boolean).slice(0, 2).join(", ") || zone.name;
  return [offsetLabel(zone.currentTimeOffsetInMinutes), zone.alternativeName, places].join(" · ");
}

/**
 * Every city the picker finds (Natural Earth's, in city-zones.js), the most populous first,
 * each in its zone's current name. Loaded apart: a chunk of its own, fetched once asked for.
 * @returns {Promise<{ name: string, province: string, zone: string, alias: string }[]>}
 */
export async function loadCities() {
  const { ZONES, CITIES } = await import("./city-zones.js");
  return CITIES.split("\n").map((line) => {
    const [name, province, zone, alias = ""] = line.split("|");
    return { name, province, zone: ZONES[Number(zone)], alias };
  });
}
