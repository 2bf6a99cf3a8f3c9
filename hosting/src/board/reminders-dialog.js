import { timeOfDay, zoneInWords } from "../lib/dates.js";
import { CHANNELS, DONE, remindersRunning } from "../lib/task.js";
import { openModal } from "../ui/dialog.js";

/**
 * Asks which reminders a task should have; resolves with the switches ({ email, sms, push },
 * named as in lib/task.js's CHANNELS, which the form's fields are), or null if cancelled.
 * Opens at once; `profile` (a promise of the person's profile, or null) then fills in when
 * reminders go out, lets SMS on once the phone is verified, and notifications once the person
 * has a device for them. A switch still off-limits is left out of the answer (the server keeps
 * that channel as it is). An unconfirmed email address (`emailVerified` false) is explained
 * next to the Email switch. A done task's reminders have stopped, as on the server: its
 * switches show off, and the dialog says how to start them.
 */
export async function askReminders(task, profile, emailVerified) {
  const dialog = document.getElementById("reminders-dialog");
  const form = dialog.querySelector("form");
  const { email, sms, push } = form.elements;
  const smsNote = document.getElementById("reminder-sms-note");
  const pushNote = document.getElementById("reminder-push-note");
  const schedule = document.getElementById("reminders-schedule");
  const done = task.status === DONE;
  document.getElementById("reminders-task").textContent = task.description;
  document.getElementById("reminders-done-note").hidden = !done;
  document.getElementById("reminders-confirmations").hidden = done;
  document.getElementById("reminders-save").hidden = done;
  document.getElementById("reminders-cancel").textContent = done ? "Close" : "Cancel";
  for (const channel of CHANNELS) {
    form.elements[channel.name].checked = remindersRunning(task) && task[channel.field];
  }
  email.disabled = done;
  const allowSms = (verified) => {
    sms.disabled = done || !verified;
    smsNote.hidden = done || verified;
  };
  allowSms(false);
  const allowPush = (devices) => {
    push.disabled = done || devices === 0;
    pushNote.hidden = done || devices !== 0;
  };
  allowPush(0);
  document.getElementById("reminder-email-note").hidden = done || emailVerified;
  schedule.textContent = "Taskly reminds you once a day, at your reminder time, until the task is done.";
  profile.then((me) => {
    if (!dialog.open) return;
    allowSms(Boolean(me?.phone_verified));
    allowPush(me?.push_devices ?? 0);
    if (me) {
      schedule.textContent =
        `Taskly reminds you once a day at ${timeOfDay(me.remind_time)} ` +
        `(${zoneInWords(me.timezone)}), until the task is done.`;
    }
  });

  const answer = await openModal(dialog);
  if (answer !== "save" || done) return null;
  return Object.fromEntries(
    CHANNELS.filter((channel) => channel.name !== "push" || !push.disabled).map((channel) => [
      channel.name,
      form.elements[channel.name].checked,
    ]),
  );
}
