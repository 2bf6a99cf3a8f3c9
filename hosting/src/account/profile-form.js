import { api } from "../lib/api.js";
import { syncDisplayName } from "../lib/display-name.js";
import { checkFields, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import { showToast, toastError } from "../ui/toasts.js";
import { bindTimeZonePicker } from "./time-zone-picker.js";

/**
 * Name, time zone and reminder time. `onChange` gets the changed fields at once (the header
 * shows a new name); if the API refuses, it gets the old ones back and the error shows.
 * Returns { unsaved() }: whether a field differs from what was last saved (or is being saved).
 */
export function bindProfileForm(form, profile, { onChange }) {
  const fields = form.elements;
  fields.first_name.value = profile.first_name ?? "";
  fields.last_name.value = profile.last_name ?? "";
  const timeZone = bindTimeZonePicker(
    fields.timezone,
    document.getElementById("profile-timezone-list"),
    profile.timezone,
  );
  fields.remind_time.value = profile.remind_time ?? "09:00";
  // An account made before Auth was given the name gets it here.
  syncDisplayName(profile);
  let saved = profile;
  const shown = () => ({
    first_name: fields.first_name.value.trim(),
    last_name: fields.last_name.value.trim(),
    timezone: timeZone.value(),
    remind_time: fields.remind_time.value,
  });
  let unchanged = shown(); // the fields as loaded, or as last sent to be saved

  onSubmit(form, async () => {
    const changes = shown();
    const valid = checkFields([
      [fields.first_name, !changes.first_name && "Enter your first name."],
      [fields.remind_time, !changes.remind_time && "Choose a time of day."],
    ]);
    if (!valid) return;

    // One save at a time: an older failure must not roll back a newer success.
    await whileBusy(form, async () => {
      const before = Object.fromEntries(Object.keys(changes).map((key) => [key, saved[key]]));
      const unchangedBefore = unchanged;
      saved = { ...saved, ...changes };
      unchanged = changes;
      onChange(changes);
      try {
        saved = await api.put("/api/me", changes);
        syncDisplayName(saved);
        onChange(saved);
        showToast("Profile saved.");
      } catch (error) {
        saved = { ...saved, ...before };
        unchanged = unchangedBefore;
        timeZone.set(before.timezone);
        onChange(before);
        reportError(form, error);
        toastError(`Your profile wasn't saved: ${error.message}`);
      }
    });
  });

  // Once the page is wiped (logged out, account deleted) nothing is left to lose.
  const unsaved = () =>
    form.isConnected && Object.entries(shown()).some(([key, value]) => unchanged[key] !== value);
  return { unsaved };
}
