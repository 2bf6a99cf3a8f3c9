/**
 * The Done column's pages, and with them all of "Show older".
 *
 * The most recently finished tasks come from a live listener: the recent page. Older ones are
 * read on request, a page at a time and once, each from where the last page ended (a cursor
 * only the reader understands). Until an older page is read, the recent page says where the
 * next one starts and whether there is one; after, the last older page does. A task pushed off
 * the recent page by newer ones (the page is full, and it finished before the page's last)
 * stays on the board among the older ones; one that left the page otherwise (reopened or
 * deleted) does not.
 *
 * A plain value, { older: Map(id -> task), cursor, hasMore, loading, olderRead }, changed by
 * pure functions that each return a new one.
 */
export const noDonePages = () => ({
  older: new Map(),
  cursor: null,
  hasMore: false,
  loading: false,
  olderRead: false,
});

/**
 * The recent page's new rows (`page`: { rows: Map(id -> task) in the query's order, cursor,
 * full }), after `before` (its rows until now, or null).
 */
export function recentPageArrived(pages, before, page) {
  if (!pages.olderRead) return { ...pages, cursor: page.cursor, hasMore: page.full };
  if (!page.full || !before) return pages;
  const last = [...page.rows.values()].at(-1);
  const pushedOff = [...before.values()].filter(
    (task) => !page.rows.has(task.id) && (task.done_at ?? "") <= last.done_at,
  );
  if (!pushedOff.length) return pages;
  const older = new Map(pages.older);
  for (const task of pushedOff) older.set(task.id, task);
  return { ...pages, older };
}

export const olderPageLoading = (pages) => ({ ...pages, loading: true });

/** An older page read (`page`: { rows: list of tasks, cursor, full }). */
export function olderPageArrived(pages, page) {
  const older = new Map(pages.older);
  for (const task of page.rows) older.set(task.id, task);
  return {
    older,
    cursor: page.cursor ?? pages.cursor,
    hasMore: page.full,
    loading: false,
    olderRead: true,
  };
}

export const olderPageFailed = (pages) => ({ ...pages, loading: false });

/** Without the task `id` (its delete was confirmed: an older page never hears of it). */
export function withoutOlder(pages, id) {
  if (!pages.older.has(id)) return pages;
  const older = new Map(pages.older);
  older.delete(id);
  return { ...pages, older };
}
