const formats = new Map(); // time zone -> Intl.DateTimeFormat (slow to make, quick to use)

/** The calendar date ("2026-12-02") it is now in an IANA time zone; the browser's own if none. */
export function localDay(timeZone, instant = new Date()) {
  const zone = timeZone || undefined;
  if (!formats.has(zone)) {
    formats.set(
      zone,
      new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }),
    );
  }
  return formats.get(zone).format(instant);
}

/** "09:00" as the person's locale writes a time of day ("9:00 AM", "09:00"). */
export function timeOfDay(hoursMinutes) {
  const [hours, minutes] = hoursMinutes.split(":").map(Number);
  return new Intl.DateTimeFormat(undefined, {
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(Date.UTC(2000, 0, 1, hours, minutes));
}

/** Minutes east of UTC that `timeZone`'s clocks show at `instant` (Intl's "GMT-05:00"). */
export function offsetMinutes(timeZone, instant = new Date()) {
  const offset = zonePart(timeZone, "longOffset", instant); // "GMT-05:00", or "GMT" for zero
  const [, sign = "+", hours = "0", minutes = "0"] = offset.match(/GMT([+-])(\d+):?(\d+)?/) ?? [];
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** "UTC+05:30", "UTC−08:00" (a real minus sign), "UTC+00:00". */
export function offsetLabel(minutes) {
  const sign = minutes < 0 ? "−" : "+";
  const whole = Math.abs(minutes);
  const hours = String(Math.floor(whole / 60)).padStart(2, "0");
  return `UTC${sign}${hours}:${String(whole % 60).padStart(2, "0")}`;
}

// What Intl says for a zone it has no name for, as for UTC: its offset ("GMT+00:00").
const OFFSET_ONLY = /^GMT([+-]\d|$)/;

/**
 * An IANA zone in words, its offset now said once: "Central European Time, UTC+01:00"; "UTC"
 * for UTC; a zone without a name by its offset alone, "UTC−05:00".
 */
export function zoneInWords(timeZone, instant = new Date()) {
  const offset = offsetMinutes(timeZone, instant);
  const name = zonePart(timeZone, "longGeneric", instant);
  if (name && !OFFSET_ONLY.test(name)) return `${name}, ${offsetLabel(offset)}`;
  return offset === 0 ? "UTC" : offsetLabel(offset);
}

function zonePart(timeZone, style, instant) {
  return (
    new Intl.DateTimeFormat("en", { timeZone, timeZoneName: style })
      .formatToParts(instant)
      .find((piece) => piece.type === "timeZoneName")?.value ?? ""
  );
}
