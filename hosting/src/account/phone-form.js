import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { api } from "../lib/api.js";
import { checkFields, clearErrors, onSubmit, reportError, whileBusy } from "../ui/form-fields.js";
import { showToast } from "../ui/toasts.js";

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

/** An E.164 number as people read it: "+1 415 555 0100". */
const readable = (e164) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;

// The code sent last from this tab, so a reload (or a step back) can still take it.
const PENDING = "taskly.pendingPhoneCode";

/** Keeps the answer to a sent code: { phone, resend_after_seconds, expires_in_seconds }. */
function rememberPending(answer) {
  const now = Date.now();
  const pending = {
    phone: answer.phone,
    resendAt: now + answer.resend_after_seconds * 1000,
    expiresAt: now + answer.expires_in_seconds * 1000,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
}

/** The pending code's { phone, resendAt, expiresAt } if one is still valid for `phone`. */
function pendingFor(phone) {
  try {
    const pending = JSON.parse(sessionStorage.getItem(PENDING));
    return pending?.phone === phone && pending.expiresAt > Date.now() ? pending : null;
  } catch {
    return null;
  }
}

const secondsUntil = (time) => Math.max(0, Math.ceil((time - Date.now()) / 1000));

/**
 * The phone for SMS reminders, in one flow: type the number, "Send code" (which saves it and
 * texts a 6-digit code), then enter the code. The wait before another code comes from the
 * server's answer. A changed number needs verifying again. A verified number is shown as it
 * is, with "Change number" to type another. Returns { unsaved() }: whether a number other
 * than the saved one is typed and not sent.
 */
export function bindPhoneForms(numberForm, codeForm, profile) {
  const phoneInput = numberForm.elements.phone;
  const codeInput = codeForm.elements.code;
  const state = document.getElementById("phone-state");
  const sent = document.getElementById("phone-code-sent");
  const resend = document.getElementById("phone-resend");
  const remove = document.getElementById("phone-remove");
  const send = document.getElementById("phone-send");
  const change = document.getElementById("phone-change-number");
  const preview = document.getElementById("phone-number-hint");
  const hint = preview.textContent;
  let saved = profile;
  let countdown = null;
  let changing = false; // "Change number" was chosen for a verified number

  function showNumberStep() {
    stopCountdown();
    codeForm.hidden = true;
    numberForm.hidden = false;
    remove.hidden = !saved.phone;
    showVerified(Boolean(saved.phone_verified) && !changing);
    if (!saved.phone) {
      state.textContent = "No number yet. Add one to get reminders by SMS.";
    } else if (saved.phone_verified) {
      state.textContent = `${readable(saved.phone)} is verified for SMS reminders.`;
    } else {
      state.textContent = `${readable(saved.phone)} isn't verified yet. Send a code to verify it.`;
    }
  }

  /** A verified number reads as such: no code to send until "Change number". */
  function showVerified(verified) {
    phoneInput.readOnly = verified;
    send.hidden = verified;
    change.hidden = !verified;
  }

  function showCodeStep({ phone, resendAt, expiresAt }) {
    numberForm.hidden = true;
    codeForm.hidden = false;
    clearErrors(codeForm);
    state.textContent = `${readable(phone)} isn't verified yet.`;
    const minutes = Math.max(1, Math.round(secondsUntil(expiresAt) / 60));
    sent.textContent =
      `Code sent to ${readable(phone)}. It is valid for ` +
      `${minutes === 1 ? "1 more minute" : `${minutes} minutes`}.`;
    codeInput.value = "";
    codeInput.focus();
    waitToResend(secondsUntil(resendAt));
  }

  function waitToResend(seconds) {
    stopCountdown();
    let left = seconds;
    const tick = () => {
      resend.disabled = left > 0;
      resend.textContent = left > 0 ? `Resend code (in ${left} s)` : "Resend code";
      if (left <= 0) stopCountdown();
      left -= 1;
    };
    tick();
    if (seconds > 0) countdown = setInterval(tick, 1000);
  }

  function stopCountdown() {
    clearInterval(countdown);
    countdown = null;
  }

  async function sendCode() {
    const answer = await api.post("/api/me/phone/verify", {});
    rememberPending(answer);
    showToast(`Code sent to ${readable(answer.phone)}.`);
    showCodeStep(pendingFor(answer.phone));
  }

  phoneInput.addEventListener("input", () => {
    const e164 = toE164(phoneInput.value);
    preview.textContent = e164 ? `Taskly will text ${readable(e164)}.` : hint;
  });
  phoneInput.value = profile.phone ? readable(profile.phone) : "";
  const pending = !profile.phone_verified && profile.phone && pendingFor(profile.phone);
  if (pending) showCodeStep(pending);
  else showNumberStep();

  onSubmit(numberForm, async () => {
    const typed = phoneInput.value.trim();
    const phone = typed ? toE164(typed) : null;
    const problem =
      (!typed && "Enter your phone number.") ||
      (!phone && "That is not a phone number we can text. Check the digits.") ||
      (phone === saved.phone && saved.phone_verified && "This number is already verified.");
    if (!checkFields([[phoneInput, problem]])) return;
    await whileBusy(numberForm, async () => {
      try {
        if (phone !== saved.phone) saved = await api.put("/api/me", { phone });
        await sendCode();
      } catch (error) {
        // Asked again too soon for the code this tab sent: that code is still the one to type.
        const pending = error.status === 429 && pendingFor(phone);
        if (pending) {
          showCodeStep(pending);
          return;
        }
        reportError(numberForm, { field: "phone", message: error.message });
        showNumberStep();
      }
    });
  });

  resend.addEventListener("click", async () => {
    clearErrors(codeForm);
    resend.disabled = true;
    try {
      await sendCode();
    } catch (error) {
      reportError(codeForm, { field: null, message: error.message });
      // A refusal for asking too soon says when to ask again.
      waitToResend(error.retryAfterSeconds ?? 0);
    }
  });

  change.addEventListener("click", () => {
    changing = true;
    showVerified(false);
    phoneInput.focus();
    phoneInput.select();
  });

  document.getElementById("phone-change").addEventListener("click", () => {
    showNumberStep();
    phoneInput.focus();
    phoneInput.select();
  });

  remove.addEventListener("click", async () => {
    remove.disabled = true;
    try {
      saved = await api.put("/api/me", { phone: null });
      sessionStorage.removeItem(PENDING);
      phoneInput.value = "";
      preview.textContent = hint;
      showToast("Number removed. SMS reminders are off.");
    } catch (error) {
      reportError(numberForm, { field: null, message: error.message });
    } finally {
      remove.disabled = false;
      showNumberStep();
    }
  });

  onSubmit(codeForm, async () => {
    const code = codeInput.value.trim();
    if (!checkFields([[codeInput, !/^\d{6}$/.test(code) && "Enter the 6 digits from the SMS."]])) {
      return;
    }
    await whileBusy(codeForm, async () => {
      try {
        saved = await api.post("/api/me/phone/verify", { code });
      } catch (error) {
        reportError(codeForm, error);
        return;
      }
      sessionStorage.removeItem(PENDING);
      changing = false;
      showToast("Phone number verified. You can turn on SMS reminders for your tasks now.");
      showNumberStep();
    });
  });
  return {
    unsaved: () => {
      const typed = phoneInput.value.trim();
      return !numberForm.hidden && typed !== "" && (toE164(typed) ?? typed) !== saved.phone;
    },
  };
}
