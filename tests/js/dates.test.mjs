import assert from "node:assert/strict";
import { test } from "node:test";
import {
  localDay,
  offsetLabel,
  offsetMinutes,
  timeOfDay,
  zoneInWords,
} from "../../hosting/src/lib/dates.js";

test("the local date is the zone's, on either side of midnight UTC", () => {
  const instant = new Date("2026-03-02T23:30:00Z");
  assert.equal(localDay("UTC", instant), "2026-03-02");
  assert.equal(localDay("Asia/Tokyo", instant), "2026-03-03");
  assert.equal(localDay("America/Los_Angeles", new Date("2026-03-02T05:00:00Z")), "2026-03-01");
  assert.equal(localDay("Asia/Kolkata", new Date("2026-12-31T18:29:00Z")), "2026-12-31");
  assert.equal(localDay("Asia/Kolkata", new Date("2026-12-31T18:30:00Z")), "2027-01-01");
});

test("without a zone, the local date is the browser's own", () => {
  const instant = new Date("2026-06-15T12:00:00Z");
  assert.equal(localDay(null, instant), localDay(undefined, instant));
  assert.match(localDay("", instant), /^\d{4}-\d{2}-\d{2}$/);
});

test("offsets follow daylight saving time", () => {
  assert.equal(offsetMinutes("Europe/Berlin", new Date("2026-01-15T12:00:00Z")), 60);
  assert.equal(offsetMinutes("Europe/Berlin", new Date("2026-07-15T12:00:00Z")), 120);
  assert.equal(offsetMinutes("America/New_York", new Date("2026-01-15T12:00:00Z")), -300);
  assert.equal(offsetMinutes("Asia/Kathmandu", new Date("2026-01-15T12:00:00Z")), 345);
  assert.equal(offsetMinutes("UTC"), 0);
});

test("offsets are written with a real minus sign and two-digit hours", () => {
  assert.equal(offsetLabel(0), "UTC+00:00");
  assert.equal(offsetLabel(330), "UTC+05:30");
  assert.equal(offsetLabel(-480), "UTC−08:00");
  assert.equal(offsetLabel(-570), "UTC−09:30");
});

test("a zone in words names it and its offset now", () => {
  const winter = new Date("2026-01-15T12:00:00Z");
  assert.match(zoneInWords("Europe/Paris", winter), /^Central European.*, UTC\+01:00$/);
  assert.match(zoneInWords("Asia/Kolkata", winter), /, UTC\+05:30$/);
});

test("a time of day is written as the locale writes it, minutes kept", () => {
  const written = timeOfDay("09:05");
  assert.match(written, /9/);
  assert.match(written, /05/);
  assert.match(timeOfDay("21:30"), /(21:30|9:30)/);
});

const januaryNoon = new Date("2026-01-15T12:00:00Z");

test("UTC reads as UTC, its offset not said twice", () => {
  for (const zone of ["UTC", "Etc/UTC", "Etc/GMT"]) assert.equal(zoneInWords(zone, januaryNoon), "UTC");
});

test("a named zone keeps its name and says its offset once", () => {
  assert.equal(zoneInWords("Asia/Tokyo", januaryNoon), "Japan Standard Time, UTC+09:00");
  assert.equal(zoneInWords("America/New_York", januaryNoon), "Eastern Time, UTC−05:00");
});

test("a zone Intl knows only by its offset reads as that offset", () => {
  assert.equal(zoneInWords("Etc/GMT+5", januaryNoon), "UTC−05:00");
});
