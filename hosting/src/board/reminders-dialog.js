import { openModal } from "../ui/dialog.js";

/**
 * Asks which reminders a task should have; resolves with { email, sms }, or null if cancelled.
 * Opens at once: SMS stays off limits until `phoneVerified` (a promise) says otherwise; an
 * unconfirmed email address (`emailVerified` false) is explained next to the Email switch.
 */
export async function askReminders(task, phoneVerified, emailVerified) {
  const dialog = document.getElementById("reminders-dialog");
  const form = dialog.querySelector("form");
  const { email, sms } = form.elements;
  const smsNote = document.getElementById("reminder-sms-note");
  document.getElementById("reminders-task").textContent = task.description;
  email.checked = task.notify_email;
  sms.checked = task.notify_sms;
  const allowSms = (verified) => {
    sms.disabled = !verified;
    smsNote.hidden = verified;
  };
  allowSms(false);
  document.getElementById("reminder-email-note").hidden = emailVerified;
  phoneVerified.then((verified) => dialog.open && allowSms(verified));

  const answer = await openModal(dialog);
  if (answer !== "save") return null;
  return { email: email.checked, sms: sms.checked };
}
