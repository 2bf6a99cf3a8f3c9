import { api } from "../lib/api.js";
import { toastError } from "../ui/toasts.js";

/** "Download my data": everything Taskly holds about the person, as one JSON file. */
export function bindDataExport(button) {
  const label = button.textContent;
  button.disabled = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    button.textContent = "Preparing…";
    try {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(await api.download("/api/me/export"));
      link.download = "taskly-export.json";
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      toastError(`Your data couldn't be exported: ${error.message}`);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
}
