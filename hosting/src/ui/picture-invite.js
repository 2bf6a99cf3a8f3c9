// Set by sign-up, read once by the board: the invitation shows after the first sign-up only.
const NEW_ACCOUNT = "taskly.newAccount";

export function rememberNewAccount() {
  sessionStorage.setItem(NEW_ACCOUNT, "1");
}

/** After the first sign-up, invite the person to add a picture; dismissable, never shown again. */
export async function invitePictureOnce(profile) {
  if (sessionStorage.getItem(NEW_ACCOUNT) !== "1") return;
  sessionStorage.removeItem(NEW_ACCOUNT);
  const me = await profile;
  if (me?.avatar_url) return;
  const invite = document.getElementById("picture-invite");
  invite.hidden = false;
  document.getElementById("picture-invite-dismiss").addEventListener("click", () => {
    invite.hidden = true;
    document.getElementById("quick-add-input").focus();
  });
}
