import { showAvatar } from "./avatar.js";
import { bindDisclosure } from "./disclosure.js";

/** Header menu (Account, Log out) behind the avatar button. */
export function initUserMenu({ onLogOut }) {
  bindDisclosure(
    document.getElementById("user-menu-button"),
    document.getElementById("user-menu-panel"),
  );
  document.getElementById("log-out").addEventListener("click", onLogOut);
}

/** A profile-shaped stand-in from the Auth user, until (or unless) the API answers. */
export function profileFromUser(user) {
  const [firstName = "", ...rest] = (user.displayName ?? "").split(" ");
  return { first_name: firstName, last_name: rest.join(" "), email: user.email, avatar_url: null };
}

export function showIdentity(profile) {
  const fullName = [profile.first_name, profile.last_name].filter(Boolean).join(" ");
  document.getElementById("user-name").textContent = profile.first_name || profile.email;
  document.getElementById("menu-full-name").textContent = fullName;
  document.getElementById("menu-email").textContent = profile.email;
  showAvatar(document.getElementById("avatar"), profile);
}
