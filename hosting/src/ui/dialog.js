const FOCUSABLE = [
  "a[href]",
  "button:not([disabled])",
  "input:not([disabled])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "[tabindex]:not([tabindex='-1'])",
].join(", ");

const prepared = new WeakSet();

/**
 * Opens a modal <dialog> and resolves with its returnValue once it closes ("" for Escape or a
 * [data-close] button). Tab stays inside the dialog, and focus goes back to where it came from.
 */
export function openModal(dialog) {
  prepare(dialog);
  const opener = document.activeElement;
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        if (opener?.isConnected) opener.focus();
        resolve(dialog.returnValue);
      },
      { once: true },
    );
  });
}

function prepare(dialog) {
  if (prepared.has(dialog)) return;
  prepared.add(dialog);
  dialog.addEventListener("click", (event) => {
    if (event.target.closest("[data-close]")) dialog.close("");
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Tab") return;
    const focusable = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => el.checkVisibility());
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
}
