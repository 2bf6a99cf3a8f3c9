import { api } from "../lib/api.js";
import { logOut, requireUser } from "../lib/session.js";
import { DONE } from "../lib/task.js";
import { createCatchUp } from "../progress/catch-up.js";
import { redrawChart, showProgress } from "../progress/progress-view.js";
import "../ui/register-sw.js";
import { sayWhenSlowedDown } from "../ui/slowed-down.js";
import { showToast, toastError } from "../ui/toasts.js";
import { initUserMenu, profileFromUser, showIdentity } from "../ui/user-menu.js";

const forget = () => document.body.replaceChildren();

async function main() {
  const user = await requireUser(forget);
  if (!user) return;
  sayWhenSlowedDown();
  showIdentity(profileFromUser(user));
  initUserMenu({ onLogOut: () => logOut(forget) });
  api.get("/api/me").then(showIdentity, () => {});

  const status = document.getElementById("progress-status");
  let progress; // the server's numbers, as last answered
  try {
    progress = await api.get("/api/progress");
  } catch (error) {
    status.textContent = `Couldn't load your progress: ${error.message} Reload to try again.`;
    status.classList.add("is-error");
    return;
  }
  status.hidden = true;
  document.getElementById("progress-content").hidden = false;

  // Marked done here: off the "waiting longest" list at once, whatever an answer still says.
  const markedDone = new Set();
  const draw = () =>
    showProgress(
      { ...progress, oldest_open: progress.oldest_open.filter((task) => !markedDone.has(task.id)) },
      markDone,
    );
  // The numbers stay the server's: they change when its statistics count the task.
  const catchUp = createCatchUp({
    load: () => api.get("/api/progress"),
    show(numbers) {
      progress = numbers;
      draw();
    },
  });

  async function markDone(task, button) {
    button.disabled = true;
    try {
      await api.patch(`/api/tasks/${task.id}`, { status: DONE });
    } catch (error) {
      button.disabled = false;
      toastError(`The task wasn't moved: ${error.message}`);
      return;
    }
    markedDone.add(task.id);
    draw();
    showToast(`Done: “${task.description}”. Nice work!`);
    document.getElementById("oldest-heading").focus?.();
    catchUp.doneMarked(progress);
  }
  draw();
  new ResizeObserver(() => redrawChart(progress)).observe(document.getElementById("weeks-chart"));
}

main().catch((error) => {
  document.getElementById("progress-status").textContent =
    `Taskly couldn't start: ${error.message}`;
});
