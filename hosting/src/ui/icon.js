/** A decorative icon drawn by CSS from /img/<name>.svg (see .icon in base.css). */
export function icon(name) {
  const span = document.createElement("span");
  span.className = `icon icon-${name}`;
  span.setAttribute("aria-hidden", "true");
  return span;
}
