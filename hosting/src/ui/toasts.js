import { icon } from "./icon.js";

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Shows a short message at the bottom of the page. `action` adds a button (e.g. Undo);
 * `onClose` runs once, whether the toast timed out, was dismissed or its action was used.
 */
export function showToast(message, options = {}) {
  const { kind = "info", action, focusAction = false, timeout = DEFAULT_TIMEOUT_MS, onClose } =
    options;
  const region = document.getElementById(kind === "error" ? "alerts" : "toasts");
  if (!region) return () => {}; // the page was wiped (logged out)
  const toast = document.createElement("div");
  toast.className = `toast toast-${kind}`;
  const text = document.createElement("p");
  text.textContent = message;
  toast.append(text);

  let timer;
  const close = () => {
    if (!toast.isConnected) return;
    clearTimeout(timer);
    // Focus inside the toast would be lost with it; hand it back to the page.
    if (toast.contains(document.activeElement)) document.getElementById("main")?.focus();
    toast.remove();
    onClose?.();
  };

  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "toast-action";
    button.textContent = action.label;
    button.addEventListener("click", () => {
      action.onClick();
      close();
    });
    toast.append(button);
  }
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "icon-button toast-dismiss";
  dismiss.setAttribute("aria-label", "Dismiss");
  dismiss.append(icon("close"));
  dismiss.addEventListener("click", close);
  toast.append(dismiss);

  region.append(toast);
  // Keep the toast while the pointer or focus is on it: nobody should have to race a timer.
  const pause = () => clearTimeout(timer);
  const resume = () => {
    clearTimeout(timer);
    timer = setTimeout(close, timeout);
  };
  toast.addEventListener("pointerenter", pause);
  toast.addEventListener("pointerleave", resume);
  toast.addEventListener("focusin", pause);
  toast.addEventListener("focusout", resume);
  resume();
  if (focusAction) toast.querySelector(".toast-action")?.focus();
  return close;
}

export const toastError = (message) => showToast(message, { kind: "error", timeout: 8000 });
