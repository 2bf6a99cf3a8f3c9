import { dueText, repeatInWords } from "../dates/due-label.js";
import { LIMITS } from "../lib/limits.js";
import { checkFields, clearErrors, onSubmit } from "../ui/form-fields.js";
import { icon } from "../ui/icon.js";
import { showToast, toastError } from "../ui/toasts.js";
import { addedInWords, offerWords, PASTE_LINES_MAX, pastedLines } from "./paste-lines.js";
import { bindTextLimit } from "./text-limit.js";

/**
 * The one-line add form. The line empties at once so the next task can be typed; if the
 * add fails, `add(description, schedule)` rejects and the text comes back (unless something
 * new was typed).
 *
 * As the person types, a due date or repeat in the line (dates/quick-add.js, in the person's
 * time zone and the browser's language: `context()` gives { timeZone }) shows as a chip beside
 * it (a calendar icon, "Fri 6:00 PM ↻ weekly"), and under it the title that will be saved ("Will add: pay
 * rent"). Clicking the chip, or Backspace with the caret right after the phrase at the end of
 * the line (or on the chip), keeps those words as text: the line is read again without them,
 * and the title is the whole line. Enter adds the task with what the chip shows: `schedule`
 * holds its due_date, due_time, repeat and repeat_from_completion. With nothing read as a date,
 * nothing shows and the line is added as it is. Returns { refresh } (the time zone changed).
 *
 * A paste of several lines goes in as one line, and a prompt under it offers one task per line
 * instead (each line read for its date as above; `add(title, schedule, { quiet: true })`, the
 * outcome said once). Escape, or any edit, keeps the one line. A counter shows near the
 * length limit, and a paste cut to fit says so (text-limit.js).
 */
export function bindQuickAdd(form, add, context = () => ({})) {
  const input = form.elements.description;
  const chip = document.getElementById("quick-add-chip");
  const preview = document.getElementById("quick-add-preview");
  const previewTitle = document.getElementById("quick-add-title");
  const offer = document.getElementById("quick-add-lines-actions");
  const offerText = document.getElementById("quick-add-lines-text");
  const addLinesButton = document.getElementById("quick-add-lines-add");
  let parse = null; // parseQuickAdd, once its module (and chrono-node) has loaded
  let kept = []; // spans the person keeps as text: { start, end, text }
  let reading = null; // what the line says now (parseQuickAdd's answer), or null
  let offered = null; // the pasted lines offered as tasks, and the line before the paste

  // The parser is a chunk of its own: the board does not wait for it. Until it is in, a line
  // is added as it is (and no chip says otherwise).
  const parser = import("../dates/quick-add.js").then(
    (module) => module.parseQuickAdd,
    () => null,
  );
  parser.then((loaded) => {
    parse = loaded;
    show();
  });

  function read() {
    const text = input.value;
    kept = relocated(kept, text);
    return parse && text.trim() ? readLine(parse, text, kept) : null;
  }

  function readLine(parseLine, text, keepAsText = []) {
    const { timeZone } = context();
    try {
      return parseLine(text, {
        now: new Date(),
        timeZone: timeZone || undefined,
        locale: navigator.language,
        keepAsText,
      });
    } catch {
      return null; // a line the parser can't read is just text
    }
  }

  function show() {
    reading = read();
    const phrase = reading?.phrase ?? null;
    chip.hidden = !phrase;
    if (phrase) drawChip(reading, phrase);
    const text = input.value.trim();
    preview.hidden = !phrase && !(kept.length && text);
    previewTitle.textContent = phrase ? reading.title : text;
  }

  function drawChip({ due, repeat }, phrase) {
    const { timeZone } = context();
    const dueContext = { timeZone, locale: navigator.language };
    const when = due ? dueText(due, { ...dueContext, short: true }) : "";
    const every = repeat ? repeatInWords(repeat.rrule) : "";
    const words = document.createElement("span");
    words.textContent = [when, every && `↻ ${every}`].filter(Boolean).join(" ");
    chip.replaceChildren(icon("calendar"), words);
    const said = [
      due && `Due ${dueText(due, dueContext)}`,
      repeat && `repeats ${every}${repeat.fromCompletion ? " from completion" : ""}`,
    ];
    chip.setAttribute(
      "aria-label",
      `${said.filter(Boolean).join(", ")}. Press to keep “${phrase.text}” as text.`,
    );
    chip.title = `Read from “${phrase.text}”. Click, or press Backspace, to keep it as text.`;
  }

  function keepAsText() {
    const phrase = reading?.phrase;
    if (!phrase) return;
    kept = [...kept, { start: phrase.start, end: phrase.end, text: phrase.text }];
    show();
  }

  // Taken before the text limit's own paste listener, which then leaves it be.
  input.addEventListener("paste", (event) => {
    const lines = pastedLines(event.clipboardData?.getData("text/plain") ?? "");
    if (lines.length < 2) return;
    event.preventDefault();
    const before = { value: input.value, kept };
    limit.insert(lines.join(" "));
    offered = { lines: lines.slice(0, PASTE_LINES_MAX), before };
    const words = offerWords(lines.length);
    offerText.textContent = words.text;
    addLinesButton.textContent = words.button;
    offer.hidden = false;
  });
  const limit = bindTextLimit(input, LIMITS.descriptionMax);
  preview.after(limit.element);

  function dismissOffer() {
    offered = null;
    offer.hidden = true;
    offerText.textContent = "";
  }

  async function addLines() {
    const { lines, before } = offered;
    dismissOffer();
    input.value = before.value;
    kept = before.kept;
    show();
    limit.update();
    input.focus();
    const parseLine = await parser;
    const adds = lines.map((line) => {
      const said = parseLine && readLine(parseLine, line);
      return add(said?.phrase ? said.title : line, scheduleOf(said), { quiet: true });
    });
    const results = await Promise.allSettled(adds);
    const refused = results.find((result) => result.status === "rejected");
    const added = results.filter((result) => result.status === "fulfilled").length;
    const words = addedInWords(added, results.length, refused?.reason?.message);
    if (refused) toastError(words);
    else showToast(words);
  }

  addLinesButton.addEventListener("click", addLines);
  document.getElementById("quick-add-lines-one").addEventListener("click", () => {
    dismissOffer();
    input.focus();
  });
  offer.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    dismissOffer();
    input.focus();
  });

  input.addEventListener("input", () => {
    dismissOffer(); // an edit keeps the paste as one line
    clearErrors(form);
    show();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && offered) {
      event.preventDefault();
      dismissOffer();
      return;
    }
    if (event.key !== "Backspace" || event.isComposing) return;
    const phrase = reading?.phrase;
    const at = input.selectionStart;
    const atEnd = at === input.selectionEnd && at === input.value.length;
    if (!phrase || !atEnd || phrase.end !== at) return;
    event.preventDefault();
    keepAsText();
  });
  chip.addEventListener("click", () => {
    keepAsText();
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  });
  chip.addEventListener("keydown", (event) => {
    if (event.key !== "Backspace" && event.key !== "Delete") return;
    event.preventDefault();
    chip.click();
  });

  onSubmit(form, () => {
    const line = input.value;
    const description = line.trim();
    if (!checkFields([[input, !description && "Type a task first, then press Enter."]])) return;
    const said = read();
    const keptBefore = kept;
    input.value = "";
    kept = [];
    dismissOffer();
    show();
    limit.update();
    const title = said?.phrase ? said.title : description;
    add(title, scheduleOf(said)).catch(() => {
      if (input.value) return;
      input.value = line;
      kept = keptBefore;
      show();
      limit.update();
    });
  });

  return { refresh: show };
}

/** The task's date fields for a reading of the line: none when nothing was read as a date. */
export function scheduleOf(reading) {
  if (!reading?.phrase || !reading.due) return {};
  const schedule = { due_date: reading.due.date };
  if (reading.due.time) schedule.due_time = reading.due.time;
  if (reading.repeat) {
    schedule.repeat = reading.repeat.rrule;
    if (reading.repeat.fromCompletion) schedule.repeat_from_completion = true;
  }
  return schedule;
}

/**
 * The kept spans where their words are in `text` now: still in place, or moved by an edit
 * before them (the nearest place they are found); spans whose words are gone are dropped.
 */
export function relocated(spans, text) {
  return spans.flatMap((span) => {
    if (text.slice(span.start, span.end) === span.text) return [span];
    let best = -1;
    for (let at = text.indexOf(span.text); at >= 0; at = text.indexOf(span.text, at + 1)) {
      if (best < 0 || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
    }
    return best < 0 ? [] : [{ ...span, start: best, end: best + span.text.length }];
  });
}
