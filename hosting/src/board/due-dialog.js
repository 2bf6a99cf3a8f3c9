import { addDays, nextWeekday } from "../dates/calendar.js";
import { shortDate } from "../dates/due-label.js";
import { choiceOf, CUSTOM, NO_REPEAT, repeatChoices } from "../dates/repeat-choices.js";
import { localDay, zoneInWords } from "../lib/dates.js";
import { scheduleEdits } from "../lib/task.js";
import { openModal } from "../ui/dialog.js";

// The preview asks the server once typing pauses this long.
const PREVIEW_DELAY_MS = 300;
const MONDAY = 1;

let session = null; // the dialog's state while it is open for a task

/**
 * Asks when a task is due: a date and an optional time (native pickers, typed or chosen), quick
 * dates (Today, Tomorrow, Next week, No date), how long before its time to remind, and a repeat
 * (ready-made ones for the date, or a custom RRULE) counted from the due date or from
 * completion. Under the repeat, its next dates come from the server (`previewRepeat(rule, from)`
 * resolves with { rule, dates } as GET /api/repeats/preview answers, or rejects with the API's
 * error, whose message is shown there). Dates are the person's, in `timeZone`; `locale` writes
 * them.
 *
 * Resolves with the fields that change (as PATCH /api/tasks/{id} takes them: only those, null
 * clearing one), or null if nothing changed or it was cancelled (Escape, Cancel).
 */
export async function askDue(task, { timeZone, locale, previewRepeat }) {
  const dialog = document.getElementById("due-dialog");
  const form = dialog.querySelector("form");
  if (!form.dataset.bound) bind(dialog, form);
  const { elements } = form;

  session = {
    task,
    timeZone,
    locale,
    previewRepeat,
    today: localDay(timeZone),
    timer: 0,
    asked: 0, // previews asked for: only the latest one's answer shows
    key: null, // the date and rule asked about last
    previewed: null, // { rule, date, error }: what the server said of them
  };
  document.getElementById("due-task").textContent = task.description;
  document.getElementById("due-zone").textContent = timeZone
    ? `Dates and times are in your time zone: ${zoneInWords(timeZone)}.`
    : "";
  elements.due_date.value = task.due_date ?? "";
  elements.due_time.value = task.due_time ?? "";
  elements.remind_before_minutes.value = String(task.remind_before_minutes ?? 0);
  const kind = choiceOf(task.repeat, task.due_date);
  fillRepeatKinds(elements.repeat_kind, task.due_date, locale, kind);
  elements.repeat.value = kind === CUSTOM ? task.repeat : "";
  elements.repeat_from_completion.checked = Boolean(task.repeat_from_completion);
  clearErrors(form);
  refresh(form);

  const answer = await openModal(dialog);
  clearTimeout(session.timer);
  const chosen = answer === "save" ? chosenSchedule(form) : null;
  session = null;
  if (!chosen) return null;
  const edits = scheduleEdits(task, chosen);
  return Object.keys(edits).length ? edits : null;
}

function bind(dialog, form) {
  form.dataset.bound = "true";
  const { elements } = form;
  const changed = () => {
    clearErrors(form);
    refresh(form);
  };
  for (const name of ["due_time", "remind_before_minutes", "repeat_from_completion"]) {
    elements[name].addEventListener("input", changed);
  }
  // A new date rewrites the ready-made repeats ("Weekly on Monday") for its own day.
  elements.due_date.addEventListener("input", () => {
    const kind = elements.repeat_kind.value;
    fillRepeatKinds(elements.repeat_kind, elements.due_date.value, session?.locale, kind);
    changed();
  });
  elements.repeat_kind.addEventListener("input", () => {
    changed();
    if (elements.repeat_kind.value === CUSTOM) elements.repeat.focus();
  });
  elements.repeat.addEventListener("input", changed);

  form.querySelector(".due-quick").addEventListener("click", (event) => {
    const quick = event.target.closest("[data-quick]")?.dataset.quick;
    if (!quick || !session) return;
    const { today } = session;
    const dates = {
      today,
      tomorrow: addDays(today, 1),
      "next-week": nextWeekday(MONDAY, today),
      none: "",
    };
    elements.due_date.value = dates[quick];
    if (quick === "none") {
      elements.due_time.value = "";
      elements.repeat_kind.value = NO_REPEAT;
    }
    elements.due_date.dispatchEvent(new Event("input"));
  });

  // Saving checks the fields first: a dialog form would close on any submit.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(form);
    if (problems(form)) return;
    dialog.close("save");
  });
}

/** The repeat select's options for `date`: the ready-made ones need a date to name their day. */
function fillRepeatKinds(select, date, locale, kind) {
  const options = [option(NO_REPEAT, "Doesn't repeat")];
  if (date) {
    for (const { kind: each, label } of repeatChoices(date, locale)) options.push(option(each, label));
  }
  options.push(option(CUSTOM, "Custom rule…"));
  select.replaceChildren(...options);
  select.value = options.some((item) => item.value === kind) ? kind : NO_REPEAT;
}

function option(value, label) {
  const item = document.createElement("option");
  item.value = value;
  item.textContent = label;
  return item;
}

/** Shows what goes with what is chosen, and asks for the repeat's next dates. */
function refresh(form) {
  const { elements } = form;
  const date = elements.due_date.value;
  const kind = elements.repeat_kind.value;
  document.getElementById("due-remind-field").hidden = !elements.due_time.value;
  elements.repeat_kind.disabled = !date;
  document.getElementById("due-repeat-note").hidden = Boolean(date);
  document.getElementById("due-rule-field").hidden = kind !== CUSTOM;
  document.getElementById("due-from-completion-field").hidden = !date || kind === NO_REPEAT;
  askPreview(date, repeatRule(form));
}

/** The rule the repeat fields say, or null. */
function repeatRule(form) {
  const { elements } = form;
  const date = elements.due_date.value;
  const kind = elements.repeat_kind.value;
  if (!date || kind === NO_REPEAT) return null;
  if (kind === CUSTOM) return elements.repeat.value.trim() || null;
  return repeatChoices(date).find((choice) => choice.kind === kind)?.rule ?? null;
}

function askPreview(date, rule) {
  const preview = document.getElementById("due-preview");
  const state = session;
  const key = date && rule ? `${date} ${rule}` : "";
  if (key === state.key) return; // asked already (another field changed)
  state.key = key;
  clearTimeout(state.timer);
  state.asked += 1;
  const asked = state.asked;
  state.previewed = null;
  showRepeatError("");
  if (!date || !rule) {
    preview.textContent = "";
    return;
  }
  state.timer = setTimeout(async () => {
    let answer;
    try {
      answer = await state.previewRepeat(rule, date);
    } catch (error) {
      if (session !== state || asked !== state.asked) return;
      preview.textContent = "";
      if (error.status === 400) {
        state.previewed = { rule, date, error: error.message };
        showRepeatError(error.message);
      } else {
        preview.textContent = "The next dates can't be shown right now.";
      }
      return;
    }
    if (session !== state || asked !== state.asked) return;
    state.previewed = { rule, date, error: null };
    // "Jan 6, 2027" has a comma of its own: the dates are set apart with dots.
    const dates = answer.dates.map((day) => shortDate(day, state.locale, state.today));
    const moves =
      answer.dates[0] && answer.dates[0] !== date
        ? ` The due date moves to ${dates[0]}, the repeat's first date.`
        : "";
    preview.textContent = dates.length
      ? `Next: ${dates.join(" · ")}.${moves}`
      : "This repeat has no dates left.";
  }, PREVIEW_DELAY_MS);
}

function showRepeatError(message) {
  const error = document.getElementById("due-repeat-error");
  error.textContent = message;
  for (const id of ["due-repeat", "due-rule"]) {
    const field = document.getElementById(id);
    if (message) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
  }
}

/** Says what keeps the choice from being saved, at its field; true if anything does. */
function problems(form) {
  const { elements } = form;
  const date = elements.due_date;
  const kind = elements.repeat_kind.value;
  let problem = null;
  if (date.validity.badInput) problem = [date, "Finish the date, or clear it."];
  else if (!date.validity.valid) problem = [date, "Choose a date from 2000 to 2100."];
  else if (elements.due_time.validity.badInput) {
    problem = [elements.due_time, "Finish the time, or clear it."];
  } else if (elements.due_time.value && !date.value) {
    problem = [date, "A time needs a date: choose one, or clear the time."];
  } else if (kind === CUSTOM && !elements.repeat.value.trim()) {
    problem = [elements.repeat, "Write a rule, or choose another repeat."];
  } else if (session.previewed?.error && session.previewed.rule === repeatRule(form)) {
    problem = [kind === CUSTOM ? elements.repeat : elements.repeat_kind, session.previewed.error];
  }
  if (!problem) return false;
  const [field, message] = problem;
  if (field === elements.repeat || field === elements.repeat_kind) showRepeatError(message);
  else {
    field.setAttribute("aria-invalid", "true");
    document.getElementById(`${field.id}-error`).textContent = message;
  }
  field.focus();
  return true;
}

function clearErrors(form) {
  for (const field of form.querySelectorAll("input[type=date], input[type=time]")) {
    field.removeAttribute("aria-invalid");
    document.getElementById(`${field.id}-error`).textContent = "";
  }
}

/** The dialog's fields as the task's date fields. */
function chosenSchedule(form) {
  const { elements } = form;
  const date = elements.due_date.value || null;
  const repeat = date && repeatRule(form);
  return {
    due_date: date,
    due_time: (date && elements.due_time.value) || null,
    repeat: repeat || null,
    repeat_from_completion: Boolean(repeat) && elements.repeat_from_completion.checked,
    remind_before_minutes: Number(elements.remind_before_minutes.value),
  };
}
