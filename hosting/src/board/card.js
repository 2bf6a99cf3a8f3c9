import { dueLabel } from "../dates/due-label.js";
import { LIMITS } from "../lib/limits.js";
import { channelsInWords, remindersRunning, STATUS_LABELS } from "../lib/task.js";
import { icon } from "../ui/icon.js";
import { createCardEditor } from "./card-editor.js";
import { closeStatusMenuOf, openStatusMenu } from "./status-menu.js";

export const DRAG_TYPE = "application/x-taskly-task";

/**
 * One task card. `actions` receive the card's current task: edit(task, text, previousText)
 * (a promise), move(task, status), complete(task) (the card's check: done, or open again),
 * remove(task), reminders(task), due(task) (a promise that settles once its dialog has closed). `dueContext()` gives what the due date's label is
 * written for: { now, timeZone, locale } (dates/due-label.js). Text is only ever set as text.
 */
export function createCard(task, actions, dueContext = () => ({})) {
  const key = task.id;
  const element = document.createElement("li");
  element.className = "card";
  element.draggable = true;
  element.dataset.key = key;
  element.tabIndex = -1; // the keyboard's card-to-card steps land on the card itself

  const text = document.createElement("p");
  text.className = "card-text";
  text.id = `card-text-${key}`;
  text.title = "Click to edit";
  text.dir = "auto"; // Hebrew or Arabic text reads from the right

  const editor = createCardEditor(key, LIMITS.descriptionMax, {
    currentText: () => task.description,
    save: (description, previous) => actions.edit(task, description, previous),
    openDue: () => openDue(),
    onOpen() {
      element.draggable = false;
      text.hidden = true;
    },
    onClose({ hadFocus }) {
      element.draggable = true;
      text.hidden = false;
      if (hadFocus) editButton.focus();
    },
  });

  // The due date: "Today 2:00 PM ↻", "Overdue · Mon"; said in words to a screen reader.
  const due = document.createElement("p");
  due.className = "card-due";
  const dueWords = document.createElement("span");
  dueWords.className = "visually-hidden";
  const dueShown = document.createElement("span");
  dueShown.className = "card-due-text";
  dueShown.setAttribute("aria-hidden", "true");
  const repeatMark = document.createElement("span");
  repeatMark.className = "card-repeat";
  repeatMark.setAttribute("aria-hidden", "true");
  repeatMark.textContent = "↻";
  due.append(icon("calendar"), dueWords, dueShown, repeatMark);
  let shownDue; // the label drawn last (null: none), to touch the DOM only when it changes

  const reminderBadge = document.createElement("span");
  reminderBadge.className = "card-reminder";
  reminderBadge.setAttribute("role", "img");
  reminderBadge.setAttribute("aria-label", "Reminders on");
  reminderBadge.append(icon("bell"));

  // One tap finishes the task (or opens a done one again): a checkbox to the ear.
  const check = document.createElement("button");
  check.type = "button";
  check.className = "card-check";
  check.setAttribute("role", "checkbox");
  check.setAttribute("aria-label", "Done");
  check.setAttribute("aria-describedby", text.id);
  check.append(icon("check"));
  check.addEventListener("click", () => actions.complete(task));

  // A button that opens the status menu: the arrow keys can't move the card by accident.
  const statusButton = document.createElement("button");
  statusButton.type = "button";
  statusButton.className = "card-status";
  statusButton.setAttribute("aria-haspopup", "menu");
  statusButton.setAttribute("aria-expanded", "false");
  statusButton.setAttribute("aria-describedby", text.id);
  const statusText = document.createElement("span");
  statusButton.append(statusText, icon("chevron-down"));
  const openMenu = () =>
    openStatusMenu(statusButton, task.status, (status) => {
      if (status !== task.status) actions.move(task, status);
    });
  statusButton.addEventListener("click", openMenu);
  statusButton.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    openMenu();
  });

  const button = (label, iconName, onClick) => {
    const control = document.createElement("button");
    control.type = "button";
    control.className = "icon-button";
    control.setAttribute("aria-label", label);
    control.setAttribute("aria-describedby", text.id);
    control.title = label;
    control.append(icon(iconName));
    control.addEventListener("click", onClick);
    return control;
  };
  const editButton = button("Edit", "edit", () => editor.open());
  const dueButton = button("Due date", "calendar", () => openDue());
  const remindersButton = button("Reminders", "bell", () => actions.reminders(task));
  let removing = false;
  // A click with detail 0 came from the keyboard (Enter or Space on the button).
  const deleteButton = button("Delete", "trash", (event) => remove(event.detail === 0));

  function remove(fromKeyboard) {
    removing = true;
    actions.remove(task, { fromKeyboard });
  }

  // A change made offline and not yet sent: said on the card, to the eye and the ear.
  const waitingMark = document.createElement("span");
  waitingMark.className = "card-waiting";
  waitingMark.textContent = "Waiting to sync";
  waitingMark.hidden = true;

  const footer = document.createElement("div");
  footer.className = "card-footer";
  const buttons = document.createElement("div");
  buttons.className = "card-actions";
  buttons.append(editButton, dueButton, remindersButton, deleteButton);
  footer.append(statusButton, reminderBadge, waitingMark, buttons);
  element.append(check, text, editor.element, due, footer);

  // Focus comes back to where the dialog was opened from; when that is gone (the editor it was
  // opened from closed meanwhile), to the card's own Due date button.
  async function openDue() {
    await actions.due(task);
    if (element.isConnected && !element.contains(document.activeElement)) {
      dueButton.focus({ preventScroll: true });
    }
  }

  /** Draws the due date's label for now: "Today" turns "Overdue" as time goes by. */
  function showDue() {
    const label = dueLabel(task, dueContext());
    const key = label && `${label.text}|${label.words}|${label.full}|${label.overdue}`;
    if (key === shownDue) return;
    shownDue = key;
    due.hidden = !label;
    if (!label) return;
    dueShown.textContent = label.text;
    dueWords.textContent = `${label.words}.`;
    due.title = label.full;
    due.classList.toggle("is-overdue", label.overdue);
    repeatMark.hidden = !label.repeats;
  }

  text.addEventListener("click", (event) => editor.open(caretOffsetAt(event, text)));
  element.addEventListener("dragstart", (event) => {
    event.dataTransfer.setData(DRAG_TYPE, key);
    event.dataTransfer.effectAllowed = "move";
    element.classList.add("is-dragging");
  });
  element.addEventListener("dragend", () => element.classList.remove("is-dragging"));

  // The text, with a search's matches marked (ranges [start, end) of it): set as text only.
  let marks = [];
  let drawnText = null;
  function drawText() {
    const key = `${task.description}|${marks.join(";")}`;
    if (key === drawnText) return;
    drawnText = key;
    if (!marks.length) {
      text.textContent = task.description;
      return;
    }
    const pieces = [];
    let at = 0;
    for (const [start, end] of marks) {
      if (start > at) pieces.push(task.description.slice(at, start));
      const mark = document.createElement("mark");
      mark.textContent = task.description.slice(start, end);
      pieces.push(mark);
      at = end;
    }
    if (at < task.description.length) pieces.push(task.description.slice(at));
    text.replaceChildren(...pieces);
  }

  function update(next) {
    task = next;
    drawText();
    statusText.textContent = STATUS_LABELS[task.status];
    statusButton.setAttribute("aria-label", `Status: ${STATUS_LABELS[task.status]}. Move to…`);
    element.dataset.status = task.status;
    const done = task.status === "done";
    check.setAttribute("aria-checked", String(done));
    check.title = done ? "Not done yet: back to Todo" : "Done";
    // A done task is reminded of no more (the server keeps the switches for a reopen).
    const running = remindersRunning(task);
    reminderBadge.hidden = !running;
    reminderBadge.title = `Reminders on: ${channelsInWords(task)}`;
    remindersButton.classList.toggle("is-on", running);
    dueButton.classList.toggle("is-on", Boolean(task.due_date));
    showDue();
    editor.taskChanged();
  }

  update(task);
  return {
    element,
    update,
    /** What the person typed and has not saved, unless they are deleting the card. */
    unsavedText: () => (removing ? null : editor.unsavedText()),
    /** The keyboard shortcuts' verbs, for the card that has focus. */
    edit: () => editor.open(),
    remove: () => remove(true),
    reminders: () => actions.reminders(task),
    due: () => openDue(),
    complete: () => actions.complete(task),
    /** Shows whether the task has a change made offline, waiting to be sent. */
    markWaiting(waiting) {
      if (waitingMark.hidden !== waiting) return;
      waitingMark.hidden = !waiting;
      element.classList.toggle("is-waiting", waiting);
    },
    /** Marks where a search matched the text (search-text.js's ranges; [] for none). */
    showMarks(ranges) {
      marks = ranges;
      drawText();
    },
    /** Writes the due date's label anew (the day or the time zone changed). */
    refreshDue: showDue,
    move: (status) => status !== task.status && actions.move(task, status),
    dispose: () => closeStatusMenuOf(statusButton),
  };
}

/** Where in `element`'s text a click landed, as a character offset (null if unknown). */
function caretOffsetAt(event, element) {
  let node;
  let offset;
  const position = document.caretPositionFromPoint?.(event.clientX, event.clientY);
  if (position) {
    ({ offsetNode: node, offset } = position);
  } else {
    const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
    if (!range) return null;
    ({ startContainer: node, startOffset: offset } = range);
  }
  if (!element.contains(node)) return null;
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}
