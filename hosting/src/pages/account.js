import { bindAvatarForm } from "../account/avatar-form.js";
import { bindCalendarFeed } from "../account/calendar-feed.js";
import { bindDataExport } from "../account/data-export.js";
import { bindDeleteAccount } from "../account/delete-account.js";
import { bindDevices } from "../account/devices.js";
import { bindEmailForm } from "../account/email-form.js";
import { bindPasswordForm } from "../account/password-form.js";
import { bindPhoneForms } from "../account/phone-form.js";
import { bindProfileForm } from "../account/profile-form.js";
import { api } from "../lib/api.js";
import { applyLimits } from "../lib/limits.js";
import { logOut, requireUser } from "../lib/session.js";
import { showAvatar } from "../ui/avatar.js";
import { enablePasswordToggles } from "../ui/form-fields.js";
import "../ui/register-sw.js";
import { sayWhenSlowedDown } from "../ui/slowed-down.js";
import { askBeforeLeaving } from "../ui/unsaved-profile.js";
import { initUserMenu, profileFromUser, showIdentity } from "../ui/user-menu.js";

const forget = () => document.body.replaceChildren();

async function main() {
  applyLimits();
  sayWhenSlowedDown();
  const user = await requireUser(forget);
  if (!user) return;

  // The forms with something typed and not saved, asked before the page is left.
  const forms = [];
  const leave = askBeforeLeaving(() => forms.some((form) => form.unsaved()));
  const logOutHere = () => leave.mayLeave() && logOut(forget);
  showIdentity(profileFromUser(user));
  initUserMenu({ onLogOut: logOutHere });
  document.getElementById("account-log-out").addEventListener("click", logOutHere);
  enablePasswordToggles();
  forms.push(
    bindPasswordForm(document.getElementById("password-form"), user),
    bindEmailForm(document.getElementById("email-form"), user),
  );
  bindDataExport(document.getElementById("export-data"));
  bindDeleteAccount(
    document.getElementById("delete-account"),
    document.getElementById("delete-dialog"),
    { onDeleted: () => logOut(forget) },
  );

  const status = document.getElementById("account-status");
  let profile;
  try {
    profile = await api.get("/api/me");
  } catch (error) {
    status.textContent = `Couldn't load your profile: ${error.message} Reload to try again.`;
    status.classList.add("is-error");
    return;
  }
  status.hidden = true;

  const preview = document.getElementById("avatar-preview");
  const update = (changes) => {
    profile = { ...profile, ...changes };
    showIdentity(profile);
    showAvatar(preview, profile);
  };
  update({});
  forms.push(
    bindProfileForm(document.getElementById("profile-form"), profile, { onChange: update }),
  );
  bindAvatarForm(document.getElementById("avatar-form"), profile, { onChange: update });
  forms.push(
    bindPhoneForms(
      document.getElementById("phone-form"),
      document.getElementById("phone-code-form"),
      profile,
    ),
  );
  bindDevices(document.getElementById("devices"));
  bindCalendarFeed(document.getElementById("calendar"));
  for (const section of document.querySelectorAll("[data-needs-profile]")) section.hidden = false;
  // The header avatar and the welcome invitation link here to pick a picture; the reminders
  // dialog to the reminder time and to the devices for notifications.
  const target = {
    "#picture": "avatar-choose",
    "#reminder-time": "profile-remind-time",
    "#devices": "devices-heading",
  }[location.hash];
  if (target) document.getElementById(target).focus();
}

main().catch((error) => {
  document.getElementById("account-status").textContent = `Taskly couldn't start: ${error.message}`;
});
