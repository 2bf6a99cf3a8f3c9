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
