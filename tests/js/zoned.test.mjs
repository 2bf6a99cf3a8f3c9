import assert from "node:assert/strict";
import { test } from "node:test";
import { instantAt, wallClock } from "../../hosting/src/dates/zoned.js";

test("the wall clock is the zone's, on either side of a daylight-saving change", () => {
  const zone = "America/New_York";
  assert.deepEqual(wallClock(zone, new Date("2027-03-14T06:30:00Z")), {
    date: "2027-03-14",
    time: "01:30",
  });
  assert.deepEqual(wallClock(zone, new Date("2027-03-14T07:30:00Z")), {
    date: "2027-03-14",
    time: "03:30",
  });
  assert.deepEqual(wallClock("Asia/Tokyo", new Date("2026-12-09T15:00:00Z")), {
    date: "2026-12-10",
    time: "00:00",
  });
  assert.deepEqual(wallClock("Asia/Kathmandu", new Date("2026-12-09T15:00:00Z")), {
    date: "2026-12-09",
    time: "20:45",
  });
});

test("a wall clock reading is turned into an instant with that day's offset", () => {
  const zone = "America/New_York";
  assert.equal(instantAt(zone, "2027-03-14", "01:30").toISOString(), "2027-03-14T06:30:00.000Z");
  assert.equal(instantAt(zone, "2027-03-14", "03:30").toISOString(), "2027-03-14T07:30:00.000Z");
  assert.equal(instantAt(zone, "2027-03-15", "09:00").toISOString(), "2027-03-15T13:00:00.000Z");
  assert.equal(instantAt(zone, "2026-12-09", "09:00").toISOString(), "2026-12-09T14:00:00.000Z");
  assert.equal(
    instantAt("Europe/Berlin", "2026-07-01", "00:30").toISOString(),
    "2026-06-30T22:30:00.000Z",
  );
  assert.equal(instantAt("UTC", "2026-12-09", "23:59").toISOString(), "2026-12-09T23:59:00.000Z");
});
