/**
 * Puts a column's cards in `order` (ids) in `list`, whose cards are now in `previous` order
 * (less those already taken out), touching only the stretch between the first and the last
 * place where the two differ: a card added is one DOM change, however long the column, and a
 * card moved no more than the cards it passed. Returns `order`, the column's order from now
 * on. Only the DOM's insertBefore, nextSibling and parentNode are used.
 */
export function placeCards(list, previous, order, elementOf) {
  let start = 0;
  while (start < order.length && order[start] === previous[start]) start += 1;
  if (start === order.length && order.length === previous.length) return order;
  let endNew = order.length;
  let endOld = previous.length;
  while (endNew > start && endOld > start && order[endNew - 1] === previous[endOld - 1]) {
    endNew -= 1;
    endOld -= 1;
  }
  // The first unchanged card after the stretch (or the end of the list) is the anchor.
  let anchor = endNew < order.length ? elementOf(order[endNew]) : null;
  for (let index = endNew - 1; index >= start; index -= 1) {
    const element = elementOf(order[index]);
    if (element.nextSibling !== anchor || element.parentNode !== list) {
      list.insertBefore(element, anchor);
    }
    anchor = element;
  }
  return order;
}
