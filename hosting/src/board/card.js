import { LIMITS } from "../lib/limits.js";
import { icon } from "../ui/icon.js";

const STATUS_LABELS = { todo: "Todo", doing: "Doing", done: "Done" };
export const DRAG_TYPE = "application/x-taskly-task";

/**
 * One task card. `actions` receive the card's current task: edit(task, text), move(task,
 * status), remove(task), reminders(task). The description is only ever set as text.
 */
export function createCard(task, actions) {
  const key = task.id;
  const element = document.createElement("li");
  element.className = "card";
  element.draggable = true;
  element.dataset.key = key;

  const text = document.createElement("p");
  text.className = "card-text";
  text.id = `card-text-${key}`;
  text.title = "Click to edit";

  const editor = document.createElement("input");
  editor.className = "card-editor";
  editor.maxLength = LIMITS.descriptionMax;
  editor.hidden = true;
  editor.setAttribute("aria-label", "Task text (Enter saves, Escape cancels)");
  const editorError = document.createElement("p");
  editorError.className = "field-error";
  editorError.id = `card-editor-error-${key}`;
  editor.setAttribute("aria-describedby", editorError.id);

  const reminderBadge = document.createElement("span");
  reminderBadge.className = "card-reminder";
  reminderBadge.setAttribute("role", "img");
  reminderBadge.setAttribute("aria-label", "Reminders on");
  reminderBadge.append(icon("bell"));

  const statusLabel = document.createElement("label");
  statusLabel.className = "visually-hidden";
  statusLabel.htmlFor = `card-status-${key}`;
  statusLabel.textContent = "Status";
  const statusSelect = document.createElement("select");
  statusSelect.className = "card-status";
  statusSelect.id = `card-status-${key}`;
  statusSelect.setAttribute("aria-describedby", text.id);
  for (const [status, label] of Object.entries(STATUS_LABELS)) {
    statusSelect.append(new Option(label, status));
  }

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
  const editButton = button("Edit", "edit", () => startEditing());
  const remindersButton = button("Reminders", "bell", () => actions.reminders(task));
  // A click with detail 0 came from the keyboard (Enter or Space on the button).
  const deleteButton = button("Delete", "trash", (event) =>
    actions.remove(task, { fromKeyboard: event.detail === 0 }),
  );

  const footer = document.createElement("div");
  footer.className = "card-footer";
  const buttons = document.createElement("div");
  buttons.className = "card-actions";
  buttons.append(editButton, remindersButton, deleteButton);
  footer.append(statusLabel, statusSelect, reminderBadge, buttons);
  element.append(text, editor, editorError, footer);

  let editing = false;

  function startEditing() {
    editing = true;
    element.draggable = false;
    editor.value = task.description;
    text.hidden = true;
    editor.hidden = false;
    editor.focus();
    editor.select();
  }

  function stopEditing(save) {
    if (!editing) return;
    const description = editor.value.trim();
    if (save && !description) {
      editorError.textContent = "A task needs some text. Escape keeps the old text.";
      editor.setAttribute("aria-invalid", "true");
      return;
    }
    editing = false;
    const hadFocus = element.contains(document.activeElement);
    editor.hidden = true;
    text.hidden = false;
    element.draggable = true;
    editorError.textContent = "";
    editor.removeAttribute("aria-invalid");
    if (hadFocus) editButton.focus();
    if (save && description !== task.description) actions.edit(task, description);
  }

  text.addEventListener("click", startEditing);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      stopEditing(true);
    } else if (event.key === "Escape") {
      event.preventDefault();
      stopEditing(false);
    }
  });
  // Clicking elsewhere keeps what was typed, unless it is empty.
  editor.addEventListener("blur", () => stopEditing(Boolean(editor.value.trim())));
  statusSelect.addEventListener("change", () => actions.move(task, statusSelect.value));
  element.addEventListener("dragstart", (event) => {
    event.dataTransfer.setData(DRAG_TYPE, key);
    event.dataTransfer.effectAllowed = "move";
    element.classList.add("is-dragging");
  });
  element.addEventListener("dragend", () => element.classList.remove("is-dragging"));

  function update(next) {
    task = next;
    text.textContent = task.description;
    statusSelect.value = task.status;
    element.dataset.status = task.status;
    const remindersOn = task.notify_email || task.notify_sms;
    reminderBadge.hidden = !remindersOn;
    const channels = [task.notify_email && "email", task.notify_sms && "SMS"].filter(Boolean);
    reminderBadge.title = `Reminders on: ${channels.join(" and ")}`;
    remindersButton.classList.toggle("is-on", remindersOn);
  }

  update(task);
  return { element, update };
}
