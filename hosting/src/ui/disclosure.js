/**
 * A button that shows and hides a panel (menu, notifications). Escape closes it and returns
 * focus to the button; a click or Tab elsewhere closes it too. `onToggle(open)` hears each.
 */
export function bindDisclosure(button, panel, { onToggle } = {}) {
  const isOpen = () => button.getAttribute("aria-expanded") === "true";
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    onToggle?.(open);
  };
  const close = ({ returnFocus }) => {
    if (!isOpen()) return;
    setOpen(false);
    if (returnFocus) button.focus();
  };

  button.addEventListener("click", () => setOpen(!isOpen()));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close({ returnFocus: true });
  });
  button.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close({ returnFocus: false });
  });
  const isOutside = (node) => !button.contains(node) && !panel.contains(node);
  document.addEventListener("click", (event) => {
    if (isOutside(event.target)) close({ returnFocus: false });
  });
  // Tabbing out of the panel leaves it open behind the focus otherwise.
  panel.addEventListener("focusout", (event) => {
    if (event.relatedTarget && isOutside(event.relatedTarget)) close({ returnFocus: false });
  });
}
