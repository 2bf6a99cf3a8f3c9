import { api } from "../lib/api.js";
import { showToast, toastError } from "../ui/toasts.js";

const NEW_LINK_WARNING =
  "Make a new calendar link? The old link stops working at once: calendars subscribed to it stop updating.";

function dateText(timestamp) {
  return new Date(timestamp).toLocaleDateString(undefined, { dateStyle: "medium" });
}

/** "Calendar feed": the person's private iCalendar link; making a new one ends the old. */
export function bindCalendarFeed(section) {
  const stateText = section.querySelector("#calendar-state");
  const limitText = section.querySelector("#calendar-limit");
  const linkField = section.querySelector("#calendar-link-field");
  const urlInput = section.querySelector("#calendar-url");
  const copyButton = section.querySelector("#calendar-copy");
  const makeButton = section.querySelector("#calendar-make");
  let active = false;

  const show = (feed) => {
    active = feed.active;
    makeButton.textContent = active ? "Make a new link…" : "Create calendar link";
    makeButton.disabled = false;
    linkField.hidden = !feed.url;
    copyButton.hidden = !feed.url;
    if (feed.url) {
      urlInput.value = feed.url;
      stateText.textContent = `Your calendar link, working since ${dateText(feed.created_at)}.`;
    } else {
      stateText.textContent = "You have no calendar link yet.";
    }
  };

  makeButton.addEventListener("click", async () => {
    if (active && !confirm(NEW_LINK_WARNING)) return;
    makeButton.disabled = true;
    try {
      const link = await api.post("/api/calendar");
      show({ active: true, url: link.url, created_at: link.created_at });
      urlInput.focus();
      urlInput.select();
    } catch (error) {
      makeButton.disabled = false;
      toastError(`The calendar link couldn't be made: ${error.message}`);
    }
  });

  copyButton.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(urlInput.value);
      showToast("Calendar link copied.");
    } catch {
      urlInput.focus();
      urlInput.select();
      showToast("Copy the selected link with Ctrl+C (⌘C on a Mac).");
    }
  });

  api
    .get("/api/calendar")
    .then((feed) => {
      limitText.textContent = `It lists up to ${feed.tasks_max.toLocaleString()} tasks, those due soonest, and your calendar app fetches it again every 15 minutes or so.`;
      show(feed);
    })
    .catch((error) => {
      stateText.textContent = `Couldn't load your calendar link: ${error.message} Reload to try again.`;
    });
}
