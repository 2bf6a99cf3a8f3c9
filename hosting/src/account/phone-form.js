import { api } from "../lib/api.js";
import { checkFields, clearErrors, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import { showToast } from "../ui/toasts.js";

import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** The region a national number is read in: the browser's own (e.g. "en-GB" -> "GB"). */
function homeRegion() {
  try {
    return new Intl.Locale(navigator.language).maximize().region;
  } catch {
    return undefined;
  }
}

/** The number typed, as the E.164 Taskly will text, or null when it is not a valid number. */
export function toE164(typed, region = homeRegion()) {
  const number = parsePhoneNumberFromString(typed, region);
  return number?.isValid() ? number.number : null;
}

/**
 * The phone number for SMS reminders: save it, then prove it with a 6-digit code sent by SMS.
 * A changed number needs verifying again.
 */
export function bindPhoneForms(numberForm, codeForm, profile) {
  const phoneInput = numberForm.elements.phone;
  const codeInput = codeForm.elements.code;
  const sendButton = document.getElementById("phone-send-code");
  const state = document.getElementById("phone-state");
  let saved = profile;

  function render() {
    if (!saved.phone) {
      state.textContent = "No number saved. SMS reminders are off until you add one.";
    } else if (saved.phone_verified) {
      state.textContent = `${saved.phone} is verified for SMS reminders.`;
    } else {
      state.textContent = `${saved.phone} is not verified yet. Send yourself a code to verify it.`;
    }
    codeForm.hidden = !saved.phone || saved.phone_verified;
  }

  const preview = document.getElementById("phone-number-hint");
  const hint = preview.textContent;
  phoneInput.addEventListener("input", () => {
    const e164 = toE164(phoneInput.value);
    preview.textContent = e164 ? `Taskly will text ${e164}.` : hint;
  });

  phoneInput.value = profile.phone ?? "";
  render();

  onSubmit(numberForm, async () => {
    const typed = phoneInput.value.trim();
    const phone = typed ? toE164(typed) : null;
    const invalid = typed && !phone && "That is not a phone number we can text. Check the digits.";
    if (!checkFields([[phoneInput, invalid]])) {
      return;
    }
    await whileBusy(numberForm, async () => {
      try {
        saved = await api.put("/api/me", { phone });
        showToast(phone ? "Number saved. Now verify it with a code." : "Number removed.");
      } catch (error) {
        reportError(numberForm, error);
      }
    });
    render();
  });

  sendButton.addEventListener("click", async () => {
    clearErrors(codeForm);
    sendButton.disabled = true;
    try {
      await api.post("/api/me/phone/verify", {});
      showToast(`Code sent to ${saved.phone}.`);
      codeInput.focus();
    } catch (error) {
      reportError(codeForm, error);
    } finally {
      sendButton.disabled = false;
    }
  });

  onSubmit(codeForm, async () => {
    const code = codeInput.value.trim();
    if (!checkFields([[codeInput, !/^\d{6}$/.test(code) && "Enter the 6 digits from the SMS."]])) {
      return;
    }
    await whileBusy(codeForm, async () => {
      try {
        await api.post("/api/me/phone/verify", { code });
        saved = { ...saved, phone_verified: true };
        codeInput.value = "";
        showToast("Phone number verified.");
        render();
      } catch (error) {
        reportError(codeForm, error);
      }
    });
  });
}
