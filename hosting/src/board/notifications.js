import { collection, limit, orderBy, query, where } from "firebase/firestore";
import { api } from "../lib/api.js";
import { watchRows } from "../lib/firestore.js";
import { LIMITS } from "../lib/limits.js";
import { bindDisclosure } from "../ui/disclosure.js";
import { toastError } from "../ui/toasts.js";

const RECENT_COUNT = 8;
const UNREAD_CAP = 100;
/** A copy of the feed size the server keeps (limits.py), firestore.rules' cap on a query. */
const NOTIFICATIONS_KEPT = 200;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * The bell: unread count (also in the tab title) and a panel of recent notifications, both
 * live from Firestore. Opening the panel marks what it shows as read (items stay tagged "New"
 * until it closes); "See all" lists everything the feed keeps, and shows only when there is
 * more than the panel holds.
 */
export function startNotifications(db, uid) {
  const button = document.getElementById("bell-button");
  const badge = document.getElementById("bell-count");
  const panel = document.getElementById("notifications-panel");
  const list = document.getElementById("notifications-list");
  const status = document.getElementById("notifications-status");
  const seeAll = document.getElementById("notifications-see-all");
  const heading = document.getElementById("notifications-heading");
  const notifications = collection(db, "users", uid, "notifications");

  let unread = [];
  let recent = null;
  let showingAll = false;
  let hasMore = false;
  const markedHere = new Set(); // read here; the server's flags follow
  let newWhenOpened = new Set(); // tagged "New" for as long as the panel stays open
  const isUnread = (row) => !row.read && !markedHere.has(row.id);
  // Shown means on screen: an open panel in a tab in the background shows nobody anything.
  const isShown = () => !panel.hidden && document.visibilityState === "visible";
  const failed = () => {
    status.textContent = "Couldn't load notifications.";
    status.hidden = false;
  };

  const stopUnread = watchRows(
    query(notifications, where("read", "==", false), limit(UNREAD_CAP)),
    (rows) => {
      unread = rows;
      renderCount();
    },
    () => {
      failed();
      renderCount();
    },
  );
  let stopRecent = watchRecent();

  // One more than shown: whether there is anything for "See all" to add.
  function watchRecent() {
    const shown = showingAll
      ? query(notifications, orderBy("created_at", "desc"), limit(NOTIFICATIONS_KEPT))
      : query(notifications, orderBy("created_at", "desc"), limit(RECENT_COUNT + 1));
    return watchRows(
      shown,
      (rows) => {
        hasMore = !showingAll && rows.length > RECENT_COUNT;
        recent = showingAll ? rows : rows.slice(0, RECENT_COUNT);
        renderList();
        if (isShown()) markShownRead();
      },
      failed,
    );
  }

  function renderCount() {
    const count = unread.filter(isUnread).length;
    const shown = count >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(count);
    badge.textContent = shown;
    badge.hidden = count === 0;
    button.setAttribute("aria-label", count ? `Notifications, ${shown} unread` : "Notifications");
    document.title = count ? `(${shown}) Taskly` : "Taskly";
  }

  function renderList() {
    if (!recent) return;
    status.hidden = recent.length > 0;
    status.textContent = "No notifications yet. They appear here when reminders go out.";
    list.replaceChildren(...recent.map(renderItem));
    seeAll.hidden = !hasMore;
  }

  function renderItem(row) {
    const item = document.createElement("li");
    item.className = "notification";
    const text = document.createElement("p");
    text.dir = "auto";
    text.textContent = row.text;
    const meta = document.createElement("p");
    meta.className = "notification-meta";
    meta.textContent = row.created_at ? timeFormat.format(new Date(row.created_at)) : "";
    if (newWhenOpened.has(row.id) || isUnread(row)) {
      item.classList.add("is-unread");
      const label = document.createElement("span");
      label.className = "tag";
      label.textContent = "New";
      meta.prepend(label, " ");
    }
    item.append(text, meta);
    return item;
  }

  async function markShownRead() {
    const ids = (recent ?? []).filter(isUnread).map((row) => row.id);
    if (!ids.length) return;
    for (const id of ids) {
      markedHere.add(id);
      newWhenOpened.add(id);
    }
    renderCount();
    try {
      for (let start = 0; start < ids.length; start += LIMITS.readIdsMax) {
        await api.post("/api/notifications/read", { ids: ids.slice(start, start + LIMITS.readIdsMax) });
      }
    } catch (error) {
      for (const id of ids) markedHere.delete(id);
      renderCount();
      renderList();
      toastError(`Couldn't mark notifications as read: ${error.message}`);
    }
  }

  function showAll() {
    seeAll.hidden = true;
    heading.focus(); // the button it was on is gone
    showingAll = true;
    stopRecent();
    stopRecent = watchRecent();
  }

  bindDisclosure(button, panel, {
    onToggle(open) {
      if (open) {
        markShownRead();
      } else {
        newWhenOpened = new Set();
        renderList();
      }
    },
  });
  seeAll.addEventListener("click", showAll);
  const onVisible = () => isShown() && markShownRead();
  document.addEventListener("visibilitychange", onVisible);

  return {
    stop() {
      document.removeEventListener("visibilitychange", onVisible);
      stopUnread();
      stopRecent();
      unread = [];
      recent = null;
      list.replaceChildren();
    },
  };
}
