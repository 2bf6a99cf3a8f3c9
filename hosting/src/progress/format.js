const weekFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Sep 14" for a week starting on the ISO date "2026-09-14". */
export const weekLabel = (week) => weekFormat.format(new Date(`${week.starts}T00:00:00Z`));

const plural = (count, unit) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** A created-to-done time as a person would say it: "35 minutes", "5 hours", "3 days". */
export function formatDuration(seconds) {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return plural(Math.max(1, minutes), "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 48) return plural(hours, "hour");
  return plural(Math.round(hours / 24), "day");
}

/** How long a task has been waiting since `createdAt` (ISO), in whole days. */
export function waitingFor(createdAt, now = Date.now()) {
  const days = Math.floor((now - Date.parse(createdAt)) / 86_400_000);
  if (days < 1) return "added today";
  return `waiting ${plural(days, "day")}`;
}

export { plural };
