/** Fills a <select> with the browser's IANA time zones, keeping `current` even if unlisted. */
export function fillTimeZones(select, current) {
  const zones = Intl.supportedValuesOf("timeZone");
  if (current && !zones.includes(current)) zones.unshift(current);
  select.replaceChildren(...zones.map((zone) => new Option(zone.replaceAll("_", " "), zone)));
  select.value = current || Intl.DateTimeFormat().resolvedOptions().timeZone;
}
