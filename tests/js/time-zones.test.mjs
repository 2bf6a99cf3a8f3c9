import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { cityZonesModule, target } from "../../hosting/src/lib/make-city-zones.mjs";
import {
  describeZone,
  detectedTimeZone,
  loadCities,
  timeZones,
  unlistedZone,
  zoneOf,
} from "../../hosting/src/lib/time-zones.js";
import { fold, parseOffset, searchZones, zoneNames } from "../../hosting/src/lib/zone-search.js";

test("a zone is found by its current name and by an old one", () => {
  assert.equal(zoneOf("Asia/Kolkata").name, "Asia/Kolkata");
  assert.equal(zoneOf("Asia/Calcutta"), zoneOf("Asia/Kolkata"));
  assert.equal(zoneOf("Europe/Kiev"), zoneOf("Europe/Kyiv"));
  assert.equal(zoneOf("Nowhere/Atlantis"), null);
  assert.equal(zoneOf(""), null);
});

test("the list is sorted by offset and holds UTC", () => {
  const offsets = timeZones().map((zone) => zone.currentTimeOffsetInMinutes);
  assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
  assert.ok(zoneOf("UTC"));
});

test("a zone in a few words: offset, name, two places", () => {
  assert.equal(describeZone(zoneOf("Asia/Kolkata")), "UTC+05:30 · India Time · Mumbai, Delhi");
  // UTC has no city: its name, not an empty place.
  assert.equal(
    describeZone(zoneOf("UTC")),
    "UTC+00:00 · Coordinated Universal Time (UTC) · Etc/UTC",
  );
});

test("a zone the list does not hold is kept as it is, with its offset", () => {
  const zone = unlistedZone("Etc/GMT+5", new Date("2026-01-15T12:00:00Z"));
  assert.equal(zone.name, "Etc/GMT+5");
  assert.equal(zone.currentTimeOffsetInMinutes, -300);
  assert.equal(describeZone(zone), "UTC−05:00 · Etc/GMT+5 · Etc/GMT+5");
});

test("the browser's own zone is an IANA name", () => {
  assert.match(detectedTimeZone(), /^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/);
});

const names = zoneNames(timeZones(), await loadCities());
/** The IANA names of what `query` finds, the best first. */
const find = (query) => searchZones(timeZones(), names, query).map((found) => found.zone.name);
/** The IANA names of the zones at `minutes` east of UTC now. */
const at = (minutes) =>
  timeZones()
    .filter((zone) => zone.currentTimeOffsetInMinutes === minutes)
    .map((zone) => zone.name)
    .sort();

test("an exact country comes first, before names that only start with it", () => {
  const found = find("India");
  assert.equal(found[0], "Asia/Kolkata");
  // Indiana's zones and the Indian Ocean's are found too, after it.
  assert.ok(found.indexOf("America/Chicago") > 0); // Indiana/Knox is in its group
  assert.ok(found.includes("Indian/Maldives"));
  assert.equal(find("ukraine")[0], "Europe/Kyiv");
  assert.equal(find("georgia")[0], "Asia/Tbilisi");
});

test("every city of the list finds its zone, with accents or without", () => {
  assert.equal(find("Boston")[0], "America/New_York");
  assert.equal(find("Miami")[0], "America/New_York");
  assert.equal(find("Seattle")[0], "America/Los_Angeles");
  assert.equal(find("zurich")[0], "Europe/Zurich");
  assert.equal(find("São Paulo")[0], "America/Sao_Paulo");
  assert.equal(find("new york")[0], "America/New_York");
  assert.deepEqual(find("kyiv"), ["Europe/Kyiv"]);
  // Old names too: the zone database's own cities.
  assert.equal(find("calcutta")[0], "Asia/Kolkata");
});

test("a city not among the zone's main ones is shown by its name and province", () => {
  const [boston] = searchZones(timeZones(), names, "boston");
  assert.equal(boston.place, "Boston, Massachusetts");
  const [newYork] = searchZones(timeZones(), names, "new york");
  assert.equal(newYork.place, null); // New York City is one of the zone's main cities
});

test("of two cities of one name the bigger comes first; a province tells them apart", () => {
  assert.deepEqual(find("Portland").slice(0, 2), ["America/Los_Angeles", "America/New_York"]);
  assert.deepEqual(find("portland maine"), ["America/New_York"]);
});

test("the exact name first, then those starting with it, then the rest", () => {
  const found = find("san");
  const sanMarino = found.indexOf("Europe/San_Marino");
  assert.ok(sanMarino >= 0);
  // "San" is a town in Mali: an exact city name beats a country that starts with it.
  assert.ok(found.indexOf("Africa/Bamako") < sanMarino);
  assert.equal(find("EST")[0], "America/New_York");
});

test("the common offset spellings find the zones at that offset now", () => {
  for (const [query, minutes] of [
    ["UTC+2", 120],
    ["UTC+02:00", 120],
    ["utc +2", 120],
    ["GMT+1", 60],
    ["GMT-5", -300],
    ["-5", -300],
    ["\u22125", -300],
    ["+5:30", 330],
    ["+0530", 330],
    ["UTC", 0],
    ["GMT", 0],
  ]) {
    assert.equal(parseOffset(query), minutes, query);
    assert.deepEqual([...find(query)].sort(), at(minutes), query);
  }
  assert.ok(find("+5:30").includes("Asia/Kolkata"));
  assert.equal(find("UTC")[0], "Etc/UTC");
  assert.deepEqual(find("+3:15"), []);
  for (const query of ["5", "UTC+15", "+5:75", "utc plus", "", "berlin"]) {
    assert.equal(parseOffset(query), null, query);
  }
});

test("an empty search lists every zone in the list's own order", () => {
  assert.deepEqual(find(""), timeZones().map((zone) => zone.name));
  assert.deepEqual(find("zzzz"), []);
});

test("names are compared in lower case, without accents or punctuation", () => {
  assert.equal(fold("  São_Paulo "), "sao paulo");
  assert.equal(fold("America/Port-au-Prince"), "america/port au prince");
});

test("the city list is the one make-city-zones.mjs makes from city-timezones", () => {
  assert.equal(readFileSync(target, "utf8"), cityZonesModule());
});
