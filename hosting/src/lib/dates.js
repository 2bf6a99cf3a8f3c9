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

/** An IANA zone in words with its offset now: "Central European Time, UTC+01:00". */
export function zoneInWords(timeZone, instant = new Date()) {
  const part = (style) =>
    new Intl.DateTimeFormat("en", { timeZone, timeZoneName: style })
      .formatToParts(instant)
      .find((piece) => piece.type === "timeZoneName")?.value ?? "";
  const offset = part("longOffset").replace("GMT", "UTC").replace(/^UTC$/, "UTC+00:00");
  return `${part("longGeneric") || timeZone}, ${offset}`;
}
