/**
 * The board's search box: as the person types, `onSearch(text)` shows the matching tasks;
 * Escape empties it (a second Escape leaves it). The "/" key comes here from anywhere on the
 * board (shortcuts.js).
 */
export function bindSearchBox(input, onSearch) {
  input.addEventListener("input", () => onSearch(input.value));
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    if (input.value) {
      input.value = "";
      onSearch("");
    } else {
      input.blur();
    }
  });
  return {
    focus() {
      input.focus();
      input.select();
    },
  };
}
