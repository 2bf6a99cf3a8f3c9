import { api } from "../lib/api.js";

// avatar_url -> Promise of an object URL. The picture is behind the API's sign-in, so an <img>
// cannot load it by itself; the URL changes with every upload, so each is fetched once.
const pictures = new Map();

/**
 * Shows the profile picture in `element`, or the person's initials until there is one.
 * A blob: URL is a local file on its way up, shown as it is.
 */
export function showAvatar(element, profile) {
  const url = profile.avatar_url;
  const showInitials = () => element.replaceChildren(initials(profile) || "?");
  if (!url) {
    delete element.dataset.picture;
    showInitials();
    return;
  }
  if (element.dataset.picture === url) return;
  element.dataset.picture = url;
  if (!element.querySelector("img")) showInitials();
  if (!pictures.has(url)) {
    const local = url.startsWith("blob:");
    pictures.set(url, local ? Promise.resolve(url) : api.download(url).then(URL.createObjectURL));
  }
  pictures.get(url).then(
    (src) => {
      if (element.dataset.picture !== url) return;
      const picture = new Image();
      picture.alt = "";
      picture.src = src;
      element.replaceChildren(picture);
    },
    () => {
      pictures.delete(url);
      if (element.dataset.picture === url) showInitials();
    },
  );
}

function initials(profile) {
  const words = profile.first_name || profile.last_name
    ? [profile.first_name, profile.last_name]
    : [profile.email];
  return words
    .filter(Boolean)
    .map((word) => [...word][0].toUpperCase())
    .join("");
}
