import { api } from "../lib/api.js";
import { checkFields, clearErrors, reportError } from "../ui/form-fields.js";
import { showToast, toastError } from "../ui/toasts.js";

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];
const MAX_MB = 5;

/** Profile picture: a chosen file shows at once while uploading; Remove brings initials back. */
export function bindAvatarForm(form, profile, { onChange }) {
  const input = form.elements.picture;
  const removeButton = document.getElementById("avatar-remove");
  let avatarUrl = profile.avatar_url;
  const render = () => {
    removeButton.hidden = !avatarUrl;
  };
  render();
  input.disabled = false; // enabled only once a change can be handled

  async function replace(previewUrl, send, doneMessage) {
    const before = avatarUrl;
    onChange({ avatar_url: previewUrl });
    try {
      const saved = await send();
      avatarUrl = saved.avatar_url;
      onChange(saved);
      showToast(doneMessage);
    } catch (error) {
      onChange({ avatar_url: before });
      reportError(form, { field: "picture", message: error.message });
      toastError(`Your picture wasn't changed: ${error.message}`);
    }
    render();
  }

  input.addEventListener("change", async () => {
    clearErrors(form);
    const [file] = input.files;
    if (!file) return;
    const problem =
      (!IMAGE_TYPES.includes(file.type) && "Choose a JPEG, PNG or WebP image.") ||
      (file.size > MAX_MB * 1024 * 1024 && `Choose an image of ${MAX_MB} MB or less.`);
    if (!checkFields([[input, problem]])) return;
    const preview = URL.createObjectURL(file);
    await replace(preview, () => api.upload("/api/me/avatar", file), "Picture saved.");
    input.value = "";
  });

  removeButton.addEventListener("click", () => {
    clearErrors(form);
    replace(null, () => api.delete("/api/me/avatar"), "Picture removed.");
  });
}
