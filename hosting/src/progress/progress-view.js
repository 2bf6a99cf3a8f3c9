import { sameTask, STATUS_LABELS, TODO } from "../lib/task.js";
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
  const status = task.status === TODO ? "" : `${STATUS_LABELS[task.status]}, `;
  age.textContent = `${status}${waitingFor(task.created_at)}`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = "Mark done";
  button.setAttribute("aria-label", `Mark “${task.description}” done`);
  button.addEventListener("click", () => onDone(task, button));
  const body = document.createElement("div");
  body.append(text, age);
  item.append(body, button);
  return item;
}

let oldestShown = new Map(); // task id -> { task, item } on the list now

/**
 * The open tasks waiting longest. An item whose task is unchanged is kept, so a redraw leaves
 * focus where it was.
 */
function showOldest(tasks, onDone) {
  const list = byId("oldest-list");
  const shown = tasks.map((task) => {
    const known = oldestShown.get(task.id);
    return known && sameTask(known.task, task) ? known : { task, item: oldestItem(task, onDone) };
  });
  oldestShown = new Map(shown.map((entry) => [entry.task.id, entry]));
  const items = shown.map((entry) => entry.item);
  const unchanged =
    items.length === list.children.length && items.every((item, at) => list.children[at] === item);
  if (!unchanged) {
    const focused = document.activeElement;
    list.replaceChildren(...items);
    if (focused !== document.activeElement && list.contains(focused)) focused.focus();
  }
  byId("oldest-empty").hidden = items.length > 0;
}

/** Draws the Progress numbers; `onDone(task, button)` marks a task of the oldest done. */
export function showProgress(progress, onDone) {
  byId("stat-done-today").textContent = String(progress.done_today);
  byId("stat-done-week").textContent = String(progress.done_this_week);
  byId("stat-streak").textContent =
    progress.streak_days > 0 ? plural(progress.streak_days, "day") : "Not yet";
  showMedian(progress.median_seconds_to_done);
  byId("progress-zone").textContent = progress.timezone.replaceAll("_", " ");
  showWeeks(progress.weeks);
  showOldest(progress.oldest_open, onDone);
}

/** Redraws the chart at the container's new width. */
export function redrawChart(progress) {
  drawWeeksChart(byId("weeks-chart"), progress.weeks, weekLabel);
}
