import { collection, limit, orderBy, query, where } from "firebase/firestore";
import { api } from "../lib/api.js";
import { watchRows } from "../lib/firestore.js";
import { bindDisclosure } from "../ui/disclosure.js";
import { toastError } from "../ui/toasts.js";

const RECENT_COUNT = 8;
const ALL_COUNT = 50;
const UNREAD_CAP = 100;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * The bell: unread count (also in the tab title) and a panel of recent notifications, both
 * live from Firestore. "See all" lists more and marks everything read.
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
  // Marked read here but maybe not yet on the server: everything created up to this time.
  let readUpTo = null;
  const isUnread = (row) => !row.read && !(readUpTo && row.created_at <= readUpTo);

  const stopUnread = watchRows(
    query(notifications, where("read", "==", false), limit(UNREAD_CAP)),
    (rows) => {
      unread = rows;
      renderCount();
    },
    () => {
      status.textContent = "Couldn't load notifications.";
      status.hidden = false;
      renderCount();
    },
  );
  let stopRecent = watchRecent(RECENT_COUNT);

  function watchRecent(count) {
    return watchRows(
      query(notifications, orderBy("created_at", "desc"), limit(count)),
      (rows) => {
        recent = rows;
        renderList();
      },
      () => {
        status.textContent = "Couldn't load notifications.";
        status.hidden = false;
      },
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
  }

  function renderItem(row) {
    const item = document.createElement("li");
    item.className = "notification";
    const text = document.createElement("p");
    text.textContent = row.text;
    const meta = document.createElement("p");
    meta.className = "notification-meta";
    meta.textContent = row.created_at ? timeFormat.format(new Date(row.created_at)) : "";
    if (isUnread(row)) {
      item.classList.add("is-unread");
      const label = document.createElement("span");
      label.className = "tag";
      label.textContent = "New";
      meta.prepend(label, " ");
    }
    item.append(text, meta);
    return item;
  }

  async function showAllAndMarkRead() {
    seeAll.hidden = true;
    heading.focus(); // the button it was on is gone
    stopRecent();
    stopRecent = watchRecent(ALL_COUNT);
    const previous = readUpTo;
    readUpTo = new Date().toISOString();
    renderCount();
    renderList();
    try {
      await api.post("/api/notifications/read", {});
      // The server's read flags decide from here: a fast device clock must not hide new items.
      readUpTo = null;
      renderCount();
      renderList();
    } catch (error) {
      readUpTo = previous;
      renderCount();
      renderList();
      toastError(`Couldn't mark notifications as read: ${error.message}`);
    }
  }

  bindDisclosure(button, panel);
  seeAll.addEventListener("click", showAllAndMarkRead);

  return {
    stop() {
      stopUnread();
      stopRecent();
      unread = [];
      recent = null;
      list.replaceChildren();
    },
  };
}
