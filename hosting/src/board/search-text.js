/**
 * Searching task texts as a person expects: every word typed must be in the text, anywhere,
 * whatever its case or accents ("cafe" finds "Café", "ÉTÉ" finds "été"). Pure.
 */

// Case and accents folded away, one character at a time, so a match in the folded text maps
// back to the characters it came from.
const foldChar = (char) =>
  char
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase();

/** The words of a query, folded; none for a blank one. */
export function searchTerms(query) {
  return [...new Set((query ?? "").trim().split(/\s+/u).map(fold).filter(Boolean))];
}

function fold(text) {
  let folded = "";
  for (const char of text) folded += foldChar(char);
  return folded;
}

/** `text` folded, with the index in `text` each folded code unit came from. */
function foldWithOrigins(text) {
  let folded = "";
  const origins = [];
  let at = 0;
  for (const char of text) {
    const piece = foldChar(char);
    folded += piece;
    for (let unit = 0; unit < piece.length; unit += 1) origins.push(at);
    at += char.length;
  }
  origins.push(at);
  return { folded, origins };
}

/**
 * Where `terms` (searchTerms') are in `text`: the ranges [start, end) of `text` to mark, in
 * order and merged where they touch; null when any term is missing (the text does not match).
 * No terms: every text matches, with nothing marked.
 */
export function matchRanges(text, terms) {
  if (!terms.length) return [];
  const { folded, origins } = foldWithOrigins(text);
  const ranges = [];
  for (const term of terms) {
    let from = folded.indexOf(term);
    if (from === -1) return null;
    while (from !== -1) {
      const end = from + term.length;
      ranges.push([origins[from], origins[end] > origins[end - 1] ? origins[end] : origins[end - 1] + 1]);
      from = folded.indexOf(term, end);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
