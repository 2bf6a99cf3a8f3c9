import { api } from "../lib/api.js";
import { checkFields, clearErrors, reportError } from "../ui/form-fields.js";
import { resizedPicture } from "./picture-resize.js";

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];

/**
 * Profile picture: a button opens the file picker (the bare file input stays hidden); the
 * chosen picture shows in the preview at once while a copy scaled down here uploads (the file
 * itself if the browser cannot read it); Remove brings initials back.
 */
export function bindAvatarForm(form, profile, { onChange }) {
  const input = form.elements.picture;
  const choose = document.getElementById("avatar-choose");
  const removeButton = document.getElementById("avatar-remove");
  const state = document.getElementById("avatar-state");
  let avatarUrl = profile.avatar_url;
  let busy = false;

  function render(message) {
    removeButton.hidden = !avatarUrl || busy;
    choose.disabled = busy;
    choose.textContent = busy ? "Uploading…" : avatarUrl ? "Change picture…" : "Choose a picture…";
    state.textContent =
      message ?? (avatarUrl ? "This is your picture." : "No picture yet: your initials show instead.");
  }
  render();

  async function replace(previewUrl, send, doneMessage) {
    const before = avatarUrl;
    busy = true;
    onChange({ avatar_url: previewUrl });
    render(previewUrl ? "Uploading your picture…" : "Removing your picture…");
    try {
      const saved = await send();
      avatarUrl = saved.avatar_url;
      onChange(saved);
      busy = false;
      render(doneMessage);
    } catch (error) {
      onChange({ avatar_url: before });
      busy = false;
      render();
      reportError(form, { field: "picture", message: `Your picture wasn't changed: ${error.message}` });
    }
    choose.focus();
  }

  choose.addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    clearErrors(form);
    const [file] = input.files;
    if (!file) return;
    input.value = ""; // the same file can be chosen again later
    const problem = !IMAGE_TYPES.includes(file.type) && "Choose a JPEG, PNG or WebP image.";
    if (!checkFields([[input, problem]])) return;
    const preview = URL.createObjectURL(file);
    const send = async () => api.upload("/api/me/avatar", (await resizedPicture(file)) ?? file);
    await replace(preview, send, "Picture saved.");
    URL.revokeObjectURL(preview); // shown until the stored picture replaced it
  });

  removeButton.addEventListener("click", () => {
    clearErrors(form);
    replace(null, () => api.delete("/api/me/avatar"), "Picture removed.");
  });
}
