import { bindTextLimit } from "./text-limit.js";

/**
 * The in-place editor of a card's text.
 *
 * It saves only when the person says so (Enter or Save); Escape or Cancel drops the draft.
 * Focus leaving it closes an editor with nothing changed and keeps one with a draft open,
 * so neither a click elsewhere nor the card moving (a change from another tab) can save
 * half-typed text or lose it. The edit remembers the text it started from: when the task's
 * text changes underneath (seen live, or refused by the server as changed meanwhile), the
 * editor says so and lets the person keep theirs or take the new one. A save that fails
 * brings the draft back.
 *
 * `hooks`: currentText() -> the task's text now; save(text, previousText) -> promise;
 * onOpen(); onClose({ hadFocus }); openDue() opens the task's due date dialog (its "Due…"
 * button; an edit with nothing typed closes as focus goes to the dialog, one with a draft stays).
 * Near `maxLength` a counter shows beside the buttons, and a paste cut to fit says so.
 */
const CHOOSE_FIRST = "This task was changed elsewhere. Choose which text to keep first.";

export function createCardEditor(key, maxLength, hooks) {
  const element = document.createElement("div");
  element.className = "card-edit";
  element.hidden = true;

  const input = document.createElement("textarea");
  input.className = "card-editor";
  input.rows = 1;
  input.dir = "auto";
  input.maxLength = maxLength;
  input.setAttribute("aria-label", "Task text (Enter saves, Escape cancels)");
  const error = document.createElement("p");
  error.className = "field-error";
  error.id = `card-editor-error-${key}`;
  input.setAttribute("aria-describedby", error.id);

  const conflict = document.createElement("div");
  conflict.className = "card-conflict";
  conflict.setAttribute("role", "status");
  conflict.hidden = true;
  const conflictText = document.createElement("p");
  const keepMine = smallButton("Keep mine", () => resolve("mine"));
  const useTheirs = smallButton("Use the new text", () => resolve("theirs"));
  const conflictActions = document.createElement("div");
  conflictActions.className = "card-edit-actions";
  conflictActions.append(keepMine, useTheirs);
  conflict.append(conflictText, conflictActions);

  const limit = bindTextLimit(input, maxLength);
  const actions = document.createElement("div");
  actions.className = "card-edit-actions";
  actions.append(
    limit.element,
    smallButton("Due…", () => hooks.openDue()),
    smallButton("Cancel", () => close()),
    smallButton("Save", () => submit(), "primary"),
  );
  element.append(input, error, conflict, actions);

  let editing = false;
  let base = ""; // the task's text this edit started from (or was last reconciled with)

  const draft = () => input.value.trim();

  function open(caret = null) {
    if (!editing) {
      editing = true;
      base = hooks.currentText();
      input.value = base;
      showEditor();
    }
    input.focus();
    const at = caret ?? input.value.length;
    input.setSelectionRange(at, at);
  }

  function showEditor() {
    element.hidden = false;
    hooks.onOpen();
    fitHeight();
    refreshConflict();
  }

  function close() {
    if (!editing) return;
    const hadFocus = element.contains(document.activeElement);
    editing = false;
    element.hidden = true;
    conflict.hidden = true;
    setError("");
    hooks.onClose({ hadFocus });
  }

  function submit() {
    if (!conflict.hidden) {
      setError(CHOOSE_FIRST);
      keepMine.focus();
      return;
    }
    const text = draft();
    if (!text) {
      setError("A task needs some text. Escape keeps the old text.");
      return;
    }
    const previous = base;
    close();
    if (text === hooks.currentText()) return;
    // Not saved (refused because the text changed meanwhile, or any other failure): the draft
    // comes back, beside the new text when there is one.
    hooks.save(text, previous).catch(() => reopen(text, previous));
  }

  function reopen(text, previous) {
    if (editing || !element.isConnected) return;
    const focused = document.activeElement;
    editing = true;
    base = previous;
    input.value = text;
    showEditor();
    // Focus comes back only if it is not at work elsewhere by now.
    if (!focused || focused === document.body || element.parentElement?.contains(focused)) {
      input.focus();
    }
  }

  function refreshConflict() {
    const theirs = hooks.currentText();
    if (theirs !== base && draft() === base) {
      // Nothing typed here yet: the editor simply shows the new text.
      const caret = Math.min(input.selectionStart, theirs.length);
      input.value = theirs;
      input.setSelectionRange(caret, caret);
      fitHeight();
    }
    if (theirs !== base && theirs === draft()) base = theirs; // the same edit, made elsewhere
    conflict.hidden = theirs === base;
    if (!conflict.hidden) conflictText.textContent = `Changed elsewhere to: “${theirs}”`;
    else if (error.textContent === CHOOSE_FIRST) setError("");
    limit.update();
  }

  function resolve(choice) {
    const theirs = hooks.currentText();
    if (choice === "theirs") {
      input.value = theirs;
      fitHeight();
    }
    base = theirs;
    refreshConflict();
    input.focus();
  }

  function setError(message) {
    error.textContent = message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  // Grows with its text: a long task wraps instead of scrolling sideways in one line.
  function fitHeight() {
    input.style.height = "auto";
    const borders = input.offsetHeight - input.clientHeight;
    input.style.height = `${input.scrollHeight + borders}px`;
  }

  input.addEventListener("input", () => {
    fitHeight();
    if (error.textContent && error.textContent !== CHOOSE_FIRST) setError("");
  });
  input.addEventListener("keydown", (event) => {
    // keyCode 229: the Enter that ends an IME composition (Safari reports isComposing false).
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  // Decided after the event: a card moved by a change from elsewhere blurs its editor for a
  // moment, and the board puts focus straight back.
  element.addEventListener("focusout", () =>
    setTimeout(() => {
      if (!editing || element.contains(document.activeElement)) return;
      if (draft() === hooks.currentText() && conflict.hidden) close();
    }),
  );

  return {
    element,
    open,
    /** The task changed (here or elsewhere): an open editor checks it against its start. */
    taskChanged: () => editing && refreshConflict(),
    /** What was typed and not saved, or null. */
    unsavedText: () => (editing && draft() && draft() !== hooks.currentText() ? draft() : null),
  };
}

function smallButton(label, onClick, kind = "") {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `button small ${kind}`.trim();
  button.textContent = label;
  button.addEventListener("click", onClick);
  return button;
}
