import { showProgress, redrawChart } from "../progress/progress-view.js";
import { api } from "../lib/api.js";
import { logOut, requireUser } from "../lib/session.js";
import { showToast, toastError } from "../ui/toasts.js";
import { initUserMenu, profileFromUser, showIdentity } from "../ui/user-menu.js";

const forget = () => document.body.replaceChildren();

/** The numbers after one more task done today (the server's statistics catch up shortly). */
function withOneMoreDone(progress, task) {
  const weeks = progress.weeks.map((week, index) =>
    index === progress.weeks.length - 1 ? { ...week, done: week.done + 1 } : week,
  );
  return {
    ...progress,
    done_today: progress.done_today + 1,
    done_this_week: progress.done_this_week + 1,
    streak_days: progress.done_today > 0 ? progress.streak_days : progress.streak_days + 1,
    weeks,
    oldest_open: progress.oldest_open.filter((open) => open.id !== task.id),
  };
}

async function main() {
  const user = await requireUser(forget);
  if (!user) return;
  showIdentity(profileFromUser(user));
  initUserMenu({ onLogOut: () => logOut(forget) });
  api.get("/api/me").then(showIdentity, () => {});

  const status = document.getElementById("progress-status");
  let progress;
  try {
    progress = await api.get("/api/progress");
  } catch (error) {
    status.textContent = `Couldn't load your progress: ${error.message} Reload to try again.`;
    status.classList.add("is-error");
    return;
  }
  status.hidden = true;
  document.getElementById("progress-content").hidden = false;

  const markDone = async (task, item, button) => {
    button.disabled = true;
    try {
      await api.patch(`/api/tasks/${task.id}`, { status: "done" });
    } catch (error) {
      button.disabled = false;
      toastError(`The task wasn't moved: ${error.message}`);
      return;
    }
    progress = withOneMoreDone(progress, task);
    showProgress(progress, markDone);
    showToast(`Done: “${task.description}”. Nice work!`);
    document.getElementById("oldest-heading").focus?.();
  };
  showProgress(progress, markDone);
  new ResizeObserver(() => redrawChart(progress)).observe(document.getElementById("weeks-chart"));
}

main().catch((error) => {
  document.getElementById("progress-status").textContent =
    `Taskly couldn't start: ${error.message}`;
});
