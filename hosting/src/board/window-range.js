/**
 * The maths of a windowed column: which of its cards to draw, and how tall the spacers that
 * stand for the others are. Pure: heights in, indices and pixels out.
 *
 * A list lays its items out one under the other with `gap` pixels between them (a CSS grid's
 * row gap). A spacer standing for items `from`..`to - 1` is their heights plus the gaps between
 * them: the grid puts a gap on either side of the spacer, as it would around the items.
 */

/** Columns with fewer cards than this are drawn whole: the common case stays as it was. */
export const WINDOW_MIN = 60;

/**
 * Where each item starts: `offsets[i]` is the top of item i, and `offsets[heights.length]` the
 * height of the whole list plus one gap.
 * @param {number[]} heights
 * @param {number} gap
 * @returns {number[]}
 */
export function offsetsOf(heights, gap) {
  const offsets = new Array(heights.length + 1);
  offsets[0] = 0;
  for (let index = 0; index < heights.length; index += 1) {
    offsets[index + 1] = offsets[index] + heights[index] + gap;
  }
  return offsets;
}

/**
 * The items that overlap the band [top, bottom) of the list (list coordinates), as
 * { start, end } with `end` excluded; an empty range (start === end) when none do.
 * @param {number[]} offsets from offsetsOf
 * @param {number} top
 * @param {number} bottom
 */
export function rangeIn(offsets, top, bottom) {
  const count = offsets.length - 1;
  if (count <= 0 || bottom <= top) return { start: 0, end: 0 };
  // The first item whose bottom (the next one's top, less the gap) is below `top`, and the
  // first that starts at or below `bottom`.
  const start = firstIndex(offsets, 1, (offset) => offset > top) - 1;
  const end = Math.min(firstIndex(offsets, 0, (offset) => offset >= bottom), count);
  return start >= end ? { start: 0, end: 0 } : { start, end };
}

// The first index from `low` whose offset is `past` (false up to some index, then true), or
// the length when there is none: a binary search.
function firstIndex(offsets, low, past) {
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (past(offsets[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The list as drawn: the items of `range` and those in `keep` (indices that must stay drawn
 * wherever they are: the focused card, the one being dragged), in order, with a spacer for
 * each run of items between them. Each part is an item's index (a number) or a spacer
 * { from, to, height }.
 * @param {number[]} offsets from offsetsOf
 * @param {number} gap
 * @param {{ start: number, end: number }} range
 * @param {Iterable<number>} [keep]
 * @returns {Array<number | { from: number, to: number, height: number }>}
 */
export function windowParts(offsets, gap, range, keep = []) {
  const count = offsets.length - 1;
  const drawn = new Set();
  for (let index = range.start; index < range.end; index += 1) drawn.add(index);
  for (const index of keep) if (index >= 0 && index < count) drawn.add(index);
  const parts = [];
  let next = 0; // the first item not yet in a part
  for (const index of [...drawn].sort((a, b) => a - b)) {
    if (index > next) parts.push(spacer(offsets, gap, next, index));
    parts.push(index);
    next = index + 1;
  }
  if (next < count) parts.push(spacer(offsets, gap, next, count));
  return parts;
}

const spacer = (offsets, gap, from, to) => ({
  from,
  to,
  height: offsets[to] - offsets[from] - gap,
});

/**
 * The band of a list to draw, in list coordinates: what the viewport shows of it, and
 * `margin` pixels more above and below, so a scroll of less than that shows drawn cards.
 * @param {number} listTop the list's top relative to the viewport's (getBoundingClientRect)
 * @param {number} viewportHeight
 * @param {number} margin
 */
export function drawnBand(listTop, viewportHeight, margin) {
  return { top: -listTop - margin, bottom: viewportHeight - listTop + margin };
}
