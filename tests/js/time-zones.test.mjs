import assert from "node:assert/strict";
import { test } from "node:test";
import {
  describeZone,
  detectedTimeZone,
  timeZones,
  unlistedZone,
  zoneOf,
} from "../../hosting/src/lib/time-zones.js";

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
