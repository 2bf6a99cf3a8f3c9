import { checkFields, clearErrors, onSubmit } from "../ui/form-fields.js";

/**
 * The one-line add form. The line empties at once so the next task can be typed; if the
 * add fails, `add` rejects and the text comes back (unless something new was typed).
 */
export function bindQuickAdd(form, add) {
  const input = form.elements.description;
  input.addEventListener("input", () => clearErrors(form));
  onSubmit(form, () => {
    const description = input.value.trim();
    if (!checkFields([[input, !description && "Type a task first, then press Enter."]])) return;
    input.value = "";
    add(description).catch(() => {
      if (!input.value) input.value = description;
    });
  });
}
