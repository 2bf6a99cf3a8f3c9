// The name a device gets in the person's list: "Chrome on Android", "Safari on iPhone".

const LABEL_MAX = 60;

// User-Agent Client Hints' brands, by the name people know; the generic "Chromium" only when
// no other brand is given.
const BRANDS = [
  ["Microsoft Edge", "Edge"],
  ["Opera", "Opera"],
  ["Brave", "Brave"],
  ["Google Chrome", "Chrome"],
  ["Chromium", "Chromium"],
];

// The User-Agent string's words for a browser, in the order to test them: Edge and Opera say
// "Chrome" too, and Chrome says "Safari".
const UA_BROWSERS = [
  ["Edg", "Edge"],
  ["OPR/", "Opera"],
  ["Firefox/", "Firefox"],
  ["FxiOS/", "Firefox"],
  ["CriOS/", "Chrome"],
  ["Chrome/", "Chrome"],
  ["Safari/", "Safari"],
];

const UA_SYSTEMS = [
  ["iPhone", "iPhone"],
  ["iPad", "iPad"],
  ["Android", "Android"],
  ["Windows", "Windows"],
  ["CrOS", "ChromeOS"],
  ["Mac OS X", "macOS"],
  ["Linux", "Linux"],
];

/**
 * "<browser> on <system>", from User-Agent Client Hints when the browser has them, else from
 * its User-Agent string; "This browser" for what is not recognised.
 * @param {{ userAgent: string, platform?: string, maxTouchPoints?: number,
 *   userAgentData?: { brands: { brand: string }[], platform: string } }} navigator
 * @returns {string}
 */
export function deviceLabel(navigator) {
  const ua = navigator.userAgent;
  const hints = navigator.userAgentData;
  const hinted = BRANDS.find(([name]) => hints?.brands.some(({ brand }) => brand === name))?.[1];
  const browser = hinted ?? UA_BROWSERS.find(([word]) => ua.includes(word))?.[1] ?? "This browser";
  // iPadOS asks for desktop pages: it says "Macintosh", with a touch screen.
  const iPad = navigator.platform === "MacIntel" && (navigator.maxTouchPoints ?? 0) > 1;
  const system =
    hints?.platform ||
    (iPad ? "iPad" : UA_SYSTEMS.find(([word]) => ua.includes(word))?.[1]) ||
    "an unknown system";
  return `${browser} on ${system}`.slice(0, LABEL_MAX);
}
