import { icon } from "./icon.js";

/**
 * Says "A new version is ready" with a Reload button, in the layout's #update-prompt region (a
 * polite status, so it is announced once and takes no focus). It stays until it is used or
 * dismissed (its close button, or Escape inside it).
 * @param {() => void} onReload
 * @returns {void}
 */
export function showUpdatePrompt(onReload) {
  const region = document.getElementById("update-prompt");
  // Absent when the page was wiped (logged out); already showing when a second worker arrives.
  if (!region || region.childElementCount > 0) return;

  const text = document.createElement("p");
  text.textContent = "A new version is ready";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.className = "update-prompt-reload";
  reload.textContent = "Reload";
  reload.addEventListener("click", () => {
    reload.disabled = true;
    onReload();
  });
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "icon-button";
  dismiss.setAttribute("aria-label", "Dismiss");
  dismiss.append(icon("close"));

  const close = () => {
    // Focus inside the prompt would be lost with it; hand it back to the page.
    if (region.contains(document.activeElement)) document.getElementById("main")?.focus();
    region.replaceChildren();
    region.removeEventListener("keydown", onKey);
  };
  /** @param {KeyboardEvent} event */
  const onKey = (event) => {
    if (event.key !== "Escape") return;
    event.stopPropagation(); // the board's own Escape handling must not see it too
    close();
  };
  dismiss.addEventListener("click", close);
  region.addEventListener("keydown", onKey);
  region.replaceChildren(text, reload, dismiss);
}
