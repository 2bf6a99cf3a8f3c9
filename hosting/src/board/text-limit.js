/**
 * A task's text near its length limit: a counter from COUNT_FROM of the limit on ("478 / 500"),
 * and a paste longer than the room left is cut to fit and said to be cut, where the browser's
 * maxlength would cut it without a word.
 */

// The counter shows from this share of the limit: from 450 of 500.
const COUNT_FROM = 0.9;

/** "478 / 500" once `length` is near `max`, else "". */
export function countText(length, max) {
  return length >= Math.ceil(max * COUNT_FROM) ? `${length} / ${max}` : "";
}

/** The start of `text` that fits in `room` characters (a surrogate pair is never split). */
export function cutToFit(text, room) {
  if (text.length <= room) return text;
  const end = Math.max(0, room);
  const splitsPair = end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]);
  return text.slice(0, splitsPair ? end - 1 : end);
}

/**
 * Counts `field`'s text against `max` and cuts pastes to fit. Returns { element } (the counter
 * and the message, for the caller to place), update() (the text was set by code) and
 * insert(text) (pastes `text` at the caret, cut to fit). A paste listener of the caller's
 * added before this one may take the paste first (preventDefault).
 */
export function bindTextLimit(field, max) {
  const element = document.createElement("p");
  element.className = "text-limit";
  const said = document.createElement("span");
  said.setAttribute("aria-live", "polite");
  const count = document.createElement("span");
  count.className = "text-limit-count";
  element.append(said, count);

  const singleLine = field.tagName === "INPUT";
  const asTyped = (text) =>
    singleLine ? text.replace(/\s*[\r\n]+\s*/g, " ") : text.replace(/\r\n?/g, "\n");
  const room = () => max - field.value.length + (field.selectionEnd - field.selectionStart);

  function update() {
    count.textContent = countText(field.value.length, max);
    said.textContent = "";
  }

  function insert(pasted) {
    const text = asTyped(pasted);
    const fitting = cutToFit(text, room());
    field.setRangeText(fitting, field.selectionStart, field.selectionEnd, "end");
    field.dispatchEvent(new Event("input", { bubbles: true }));
    if (fitting.length < text.length) {
      said.textContent = `Cut to ${max} characters, the most a task holds.`;
    }
  }

  field.addEventListener("input", update);
  field.addEventListener("paste", (event) => {
    const text = event.clipboardData?.getData("text/plain") ?? "";
    if (event.defaultPrevented || asTyped(text).length <= room()) return; // the browser pastes it
    event.preventDefault();
    insert(text);
  });
  update();
  return { element, update, insert };
}
