import { offsetLabel } from "../lib/dates.js";
import {
  describeZone,
  detectedTimeZone,
  timeZones,
  unlistedZone,
  zoneOf,
} from "../lib/time-zones.js";

/**
 * The time zone field: a searchable list (an ARIA combobox) of current IANA zones with their
 * offsets now, the one this device is in first. Typing filters by city, country, zone name,
 * abbreviation or offset; arrow keys and Enter (or a click) choose. `value()` is the chosen
 * IANA name.
 */
export function bindTimeZonePicker(input, list, current) {
  const detected = zoneOf(detectedTimeZone());
  const stored = zoneOf(current) ?? (current ? unlistedZone(current) : null);
  const first = [detected, stored].filter((zone, index, all) => zone && all.indexOf(zone) === index);
  const zones = [...first, ...timeZones().filter((zone) => !first.includes(zone))];
  const haystacks = new Map(zones.map((zone) => [zone, searchText(zone)]));
  let chosen = stored ?? detected ?? zones[0];
  let shown = [];
  let active = -1;

  input.value = describeZone(chosen);

  function open() {
    if (input.getAttribute("aria-expanded") === "true") return;
    input.setAttribute("aria-expanded", "true");
    list.hidden = false;
    filter("");
    activate(shown.indexOf(chosen));
  }

  function close() {
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    list.hidden = true;
    active = -1;
  }

  function filter(query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    shown = zones.filter((zone) => words.every((word) => haystacks.get(zone).includes(word)));
    list.replaceChildren(...shown.map(option));
    if (!shown.length) {
      const empty = document.createElement("li");
      empty.className = "combobox-empty";
      empty.textContent = "No time zone matches. Try a city or a country.";
      list.append(empty);
    }
    activate(shown.length ? 0 : -1);
  }

  function option(zone, index) {
    const item = document.createElement("li");
    item.id = `${list.id}-${index}`;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", String(zone === chosen));
    const places = document.createElement("span");
    places.className = "combobox-main";
    places.textContent = zone.mainCities.join(", ") || zone.name;
    const about = document.createElement("span");
    about.className = "combobox-detail";
    about.textContent = [
      offsetLabel(zone.currentTimeOffsetInMinutes),
      zone.alternativeName,
      zone.countryName,
      zone.name,
    ]
      .filter(Boolean)
      .join(" · ");
    item.append(places, about);
    if (zone === detected) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = "This device";
      places.append(" ", tag);
    }
    // Keep focus in the field: the click still chooses.
    item.addEventListener("pointerdown", (event) => event.preventDefault());
    item.addEventListener("click", () => choose(zone));
    return item;
  }

  function activate(index) {
    list.querySelector("[data-active]")?.removeAttribute("data-active");
    active = index;
    const item = index >= 0 ? list.children[index] : null;
    if (!item) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    item.dataset.active = "";
    input.setAttribute("aria-activedescendant", item.id);
    item.scrollIntoView({ block: "nearest" });
  }

  function choose(zone) {
    chosen = zone;
    input.value = describeZone(zone);
    close();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  input.addEventListener("focus", () => input.select());
  input.addEventListener("click", open);
  input.addEventListener("input", () => {
    open();
    filter(input.value);
  });
  input.addEventListener("keydown", (event) => {
    const isOpen = input.getAttribute("aria-expanded") === "true";
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
    if (step) {
      event.preventDefault();
      if (!isOpen) open();
      else if (shown.length) activate(Math.max(0, Math.min(shown.length - 1, active + step)));
    } else if (event.key === "Enter" && isOpen) {
      event.preventDefault(); // choosing is not saving the form
      if (active >= 0) choose(shown[active]);
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      close();
      input.value = describeZone(chosen);
      input.select();
    }
  });
  // Leaving the field keeps the last choice, whatever was typed into the search.
  input.addEventListener("blur", () => {
    close();
    input.value = describeZone(chosen);
  });

  return {
    value: () => chosen.name,
    /** Back to a saved value (a refused save). */
    set(name) {
      chosen = zones.find((zone) => zone.group.includes(name)) ?? chosen;
      input.value = describeZone(chosen);
    },
  };
}

function searchText(zone) {
  return [
    zone.currentTimeFormat,
    offsetLabel(zone.currentTimeOffsetInMinutes),
    zone.countryName,
    zone.alternativeName,
    zone.abbreviation,
    zone.currentAbbreviation,
    ...zone.group.map((name) => name.replaceAll("_", " ")),
    ...zone.mainCities,
  ]
    .join(" ")
    .toLowerCase();
}
