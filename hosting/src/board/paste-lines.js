/**
 * A paste of several lines into quick add, offered as one task per line.
 */

// The most tasks one paste adds: the API takes 60 changes a minute from a person, and one paste
// must leave room for the rest of the board's changes.
export const PASTE_LINES_MAX = 50;

// A list's marks before a line: "- ", "* ", "• ", "1. ", "2) ", "[ ] ", "- [x] ".
const LIST_MARK = /^(?:(?:[-*+•◦▪–—]|\d{1,3}[.)]|\[[ xX]?\])(?:\s+|$))+/;

/** The lines of a paste with text in them, each on one line without its list mark. */
export function pastedLines(text) {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.replace(/\s+/g, " ").trim().replace(LIST_MARK, "").trim())
    .filter(Boolean);
}

/** What the offer says and its button, for a paste of `count` lines. */
export function offerWords(count) {
  const adds = Math.min(count, PASTE_LINES_MAX);
  const over =
    count > PASTE_LINES_MAX ? ` One paste adds at most ${PASTE_LINES_MAX}: the first ones.` : "";
  return {
    text: `You pasted ${count} lines.${over} Add each as a task, or keep them as one (Esc).`,
    button: `Add ${adds} tasks`,
  };
}

/** What became of adding `total` tasks, `added` of them taken; `reason` why the rest were not. */
export function addedInWords(added, total, reason = "") {
  if (added === total) return `Added ${total} tasks.`;
  const rest = total - added;
  const others = rest === 1 ? "1 wasn't" : `${rest} weren't`;
  if (added === 0) return `None of the ${total} tasks was added: ${reason}`;
  return `Added ${added} of ${total} tasks; ${others} added: ${reason}`;
}
