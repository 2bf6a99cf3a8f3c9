import { formatDuration, plural, waitingFor, weekLabel } from "./format.js";
import { drawWeeksChart } from "./weeks-chart.js";

const byId = (id) => document.getElementById(id);

function showMedian(median) {
  const { last_30_days: now, month_before: before } = median;
  byId("stat-median").textContent = now === null ? "—" : formatDuration(now);
  let note = "No tasks done in the last 30 days yet.";
  if (now !== null && before === null) note = "From the last 30 days.";
  if (now !== null && before !== null) {
    const trend = now < before ? "faster than" : now > before ? "slower than" : "the same as";
    note = `Last 30 days: ${trend} the month before (${formatDuration(before)}).`;
  }
  byId("stat-median-before").textContent = note;
}

function showWeeks(weeks) {
  const rows = weeks.map((week) => {
    const row = document.createElement("tr");
    const heading = document.createElement("th");
    heading.scope = "row";
    heading.textContent = weekLabel(week);
    row.append(heading);
    for (const value of [week.created, week.done]) {
      const cell = document.createElement("td");
      cell.textContent = String(value);
      row.append(cell);
    }
    return row;
  });
  byId("weeks-table").tBodies[0].replaceChildren(...rows);
  drawWeeksChart(byId("weeks-chart"), weeks, weekLabel);
}

function oldestItem(task, onDone) {
  const item = document.createElement("li");
  item.className = "oldest-item";
  const text = document.createElement("p");
  text.className = "oldest-text";
  text.textContent = task.description;
  const age = document.createElement("p");
  age.className = "muted oldest-age";
  age.textContent = `${task.status === "doing" ? "Doing, " : ""}${waitingFor(task.created_at)}`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = "Mark done";
  button.setAttribute("aria-label", `Mark “${task.description}” done`);
  button.addEventListener("click", () => onDone(task, item, button));
  const body = document.createElement("div");
  body.append(text, age);
  item.append(body, button);
  return item;
}

/** Draws the Progress numbers; `onDone(task, item, button)` marks an oldest task done. */
export function showProgress(progress, onDone) {
  byId("stat-done-today").textContent = String(progress.done_today);
  byId("stat-done-week").textContent = String(progress.done_this_week);
  byId("stat-streak").textContent =
    progress.streak_days > 0 ? plural(progress.streak_days, "day") : "Not yet";
  showMedian(progress.median_seconds_to_done);
  byId("progress-zone").textContent = progress.timezone.replaceAll("_", " ");
  showWeeks(progress.weeks);
  const items = progress.oldest_open.map((task) => oldestItem(task, onDone));
  byId("oldest-list").replaceChildren(...items);
  byId("oldest-empty").hidden = items.length > 0;
}

/** Redraws the chart at the container's new width. */
export function redrawChart(progress) {
  drawWeeksChart(byId("weeks-chart"), progress.weeks, weekLabel);
}
