import { api } from "../lib/api.js";
import { showToast, toastError } from "../ui/toasts.js";
import { deviceLabel } from "./device-label.js";
import {
  currentSubscription,
  endpointId,
  missingPushReason,
  PushSetupError,
  subscribeThisBrowser,
} from "./push-subscription.js";

/**
 * A device as GET /api/devices lists it.
 * @typedef {{ id: string, label: string, created_at: string }} Device
 */

const UNSUPPORTED = {
  "home-screen":
    "On iPhone and iPad, Taskly can send notifications once it is on your Home Screen (iOS 16.4 or later): in Safari, tap Share, then Add to Home Screen, then open Taskly from there and turn them on.",
  browser:
    "This browser can't show notifications from websites. A recent Chrome, Edge, Firefox or Safari can.",
};

const SETUP_FAILURES = {
  denied:
    "Notifications are blocked for Taskly in this browser. To allow them, open the site's settings (the icon at the left of the address bar), set Notifications to Allow, then try again.",
  dismissed: "Notifications weren't allowed. Try again, and choose Allow when your browser asks.",
  unreachable:
    "Your browser couldn't reach its push service, which delivers the notifications. Check your connection and try again (in a private or incognito window, use a normal one).",
  "no-worker":
    "Taskly's background worker isn't running in this browser yet. Reload the page and try again.",
};

const dateText = (timestamp) =>
  new Date(timestamp).toLocaleDateString(undefined, { dateStyle: "medium" });

/**
 * "Notifications on this device": the person's devices (this one marked), each with a test and
 * a remove button, and turning notifications on here. Removing this device unsubscribes the
 * browser too.
 * @param {HTMLElement} section
 */
export function bindDevices(section) {
  const heading = section.querySelector("#devices-heading");
  const stateText = section.querySelector("#devices-state");
  const limitText = section.querySelector("#devices-limit");
  const list = section.querySelector("#devices-list");
  const help = section.querySelector("#devices-help");
  const error = section.querySelector("#devices-error");
  const turnOn = /** @type {HTMLButtonElement} */ (section.querySelector("#devices-turn-on"));
  const missing = missingPushReason(window);
  let publicKey = "";

  /**
   * @param {{ devices: Device[], max: number, public_key: string }} answer
   * @param {string | null} thisId
   */
  const show = (answer, thisId) => {
    publicKey = answer.public_key;
    const { devices, max } = answer;
    const here = devices.some((device) => device.id === thisId);
    limitText.textContent = `${devices.length} of ${max} devices.`;
    stateText.textContent = here
      ? "Notifications are on for this device."
      : devices.length > 0
        ? "Notifications are off on this device."
        : "Notifications are off: no device has them yet.";
    list.replaceChildren(...devices.map((device) => row(device, device.id === thisId)));
    list.hidden = devices.length === 0;
    turnOn.hidden = here || missing !== null;
    turnOn.disabled = false;
  };

  const load = () =>
    Promise.all([api.get("/api/devices"), thisDeviceId()])
      .then(([answer, thisId]) => show(answer, thisId))
      .catch((failure) => {
        stateText.textContent = `Couldn't load your devices: ${failure.message} Reload to try again.`;
      });

  /** @param {Device} device @param {boolean} isThis */
  function row(device, isThis) {
    const item = document.createElement("li");
    item.className = "device";
    const name = document.createElement("p");
    name.className = "device-name";
    name.id = `device-${device.id}`;
    name.textContent = device.label;
    if (isThis) {
      const mark = document.createElement("span");
      mark.className = "tag";
      mark.textContent = "This device";
      name.append(" ", mark);
    }
    const meta = document.createElement("p");
    meta.className = "device-meta";
    meta.textContent = `Added ${dateText(device.created_at)}`;
    const test = button("Send a test", name.id, () => sendTest(device, test));
    const remove = button("Remove", name.id, () => removeDevice(device, isThis, remove));
    const actions = document.createElement("div");
    actions.className = "device-actions";
    actions.append(test, remove);
    const text = document.createElement("div");
    text.append(name, meta);
    item.append(text, actions);
    return item;
  }

  /** @param {Device} device @param {HTMLButtonElement} control */
  async function sendTest(device, control) {
    control.disabled = true;
    try {
      await api.post(`/api/devices/${device.id}/test`);
      showToast(`Test notification sent to ${device.label}. It should show in a few seconds.`);
    } catch (failure) {
      toastError(`The test couldn't be sent: ${failure.message}`);
      if (failure.status === 409) await load(); // the push service had forgotten the device
    } finally {
      control.disabled = false;
    }
  }

  /** @param {Device} device @param {boolean} isThis @param {HTMLButtonElement} control */
  async function removeDevice(device, isThis, control) {
    control.disabled = true;
    try {
      await api.delete(`/api/devices/${device.id}`);
    } catch (failure) {
      if (failure.status !== 404) {
        control.disabled = false;
        toastError(`${device.label} couldn't be removed: ${failure.message}`);
        return;
      }
    }
    if (isThis) await (await currentSubscription())?.unsubscribe().catch(() => false);
    showToast(`${device.label} gets no more notifications.`);
    await load();
    // Its row is gone: focus goes to where the person can carry on.
    (turnOn.hidden ? heading : turnOn).focus();
  }

  turnOn.addEventListener("click", async () => {
    turnOn.disabled = true;
    error.textContent = "";
    help.textContent = "";
    try {
      const subscription = await subscribeThisBrowser(publicKey);
      await api.post("/api/devices", {
        subscription: subscription.toJSON(),
        label: deviceLabel(navigator),
      });
    } catch (failure) {
      if (failure instanceof PushSetupError && failure.reason === "denied") {
        help.textContent = SETUP_FAILURES.denied;
      } else if (failure instanceof PushSetupError) {
        error.textContent = SETUP_FAILURES[failure.reason];
      } else {
        error.textContent = `Notifications couldn't be turned on: ${failure.message}`;
      }
      turnOn.disabled = false;
      return;
    }
    showToast("Notifications are on for this device.");
    await load();
  });

  if (missing) {
    help.textContent = UNSUPPORTED[missing];
  } else if (Notification.permission === "denied") {
    help.textContent = SETUP_FAILURES.denied;
  }
  load();
}

/** The id of this browser's subscription, as the API names devices, or null if it has none. */
async function thisDeviceId() {
  if (missingPushReason(window)) return null;
  const subscription = await currentSubscription();
  return subscription ? endpointId(subscription.endpoint) : null;
}

/**
 * A row's button, described by the device's name ("Send a test", "Chrome on Android").
 * @param {string} label
 * @param {string} describedBy
 * @param {() => void} onClick
 */
function button(label, describedBy, onClick) {
  const control = document.createElement("button");
  control.type = "button";
  control.className = "button";
  control.textContent = label;
  control.setAttribute("aria-describedby", describedBy);
  control.addEventListener("click", onClick);
  return control;
}
