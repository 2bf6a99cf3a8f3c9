import { offsetLabel } from "../lib/dates.js";
import {
  describeZone,
  detectedTimeZone,
  loadCities,
  timeZones,
  unlistedZone,
  zoneOf,
} from "../lib/time-zones.js";
import { searchZones, zoneNames } from "../lib/zone-search.js";

/**
 * The time zone field: a searchable list (an ARIA combobox) of current IANA zones with their
 * offsets now, the one this device is in first. Typing finds zones by city (any the city list
 * knows, fetched apart), country, zone name, abbreviation or offset, the best match first;
 * arrow keys and Enter (or a click) choose. When the field is too narrow for the chosen value,
 * the field's `.combobox-whole` line shows it whole. `value()` is the chosen IANA name.
 */
export function bindTimeZonePicker(input, list, current) {
  const whole = input.closest(".field").querySelector(".combobox-whole");
  const detected = zoneOf(detectedTimeZone());
  const stored = zoneOf(current) ?? (current ? unlistedZone(current) : null);
  const first = [detected, stored].filter((zone, index, all) => zone && all.indexOf(zone) === index);
  const zones = [...first, ...timeZones().filter((zone) => !first.includes(zone))];
  let names = zoneNames(zones);
  const citiesLoaded = loadCities()
    .then((cities) => {
      names = zoneNames(zones, cities);
      if (input.getAttribute("aria-expanded") === "true") filter(input.value);
    })
    // Offline before the list was ever fetched: the zones' own names and cities still find them.
    .catch(() => {});
  let chosen = stored ?? detected ?? zones[0];
  /** @type {import("../lib/zone-search.js").Found[]} */
  let shown = [];
  let active = -1;

  show(chosen);
  // The field narrows with the window: whether the value fits changes with it.
  new ResizeObserver(() => fitWhole()).observe(input);

  function open() {
    if (input.getAttribute("aria-expanded") === "true") return;
    input.setAttribute("aria-expanded", "true");
    list.hidden = false;
    filter("");
    activate(shown.findIndex((found) => found.zone === chosen));
  }

  function close() {
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    list.hidden = true;
    active = -1;
  }

  function filter(query) {
    shown = searchZones(zones, names, query);
    list.replaceChildren(...shown.map(option));
    if (!shown.length) {
      const empty = document.createElement("li");
      empty.className = "combobox-empty";
      empty.textContent = "No time zone matches. Try a city, a country or an offset like UTC+2.";
      list.append(empty);
    }
    activate(shown.length ? 0 : -1);
  }

  /** An entry: where (the city it was found by, or the zone's main cities), then its details. */
  function option({ zone, place }, index) {
    const item = document.createElement("li");
    item.id = `${list.id}-${index}`;
    item.setAttribute("role", "option");
    item.setAttribute("aria-selected", String(zone === chosen));
    const places = document.createElement("span");
    places.className = "combobox-main";
    places.textContent = place ?? (zone.mainCities.filter(Boolean).join(", ") || zone.name);
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
    show(zone);
    close();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function show(zone) {
    input.value = describeZone(zone);
    whole.textContent = input.value;
    fitWhole();
  }

  /** The line under the field shows the value only when the field cuts it. */
  function fitWhole() {
    if (input.value !== whole.textContent) return; // a search is being typed
    whole.hidden = input.scrollWidth <= input.clientWidth;
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
      // The best match may be a city still on its way: choose once the list has it.
      citiesLoaded.then(() => {
        const stillOpen = input.getAttribute("aria-expanded") === "true";
        if (stillOpen && active >= 0) choose(shown[active].zone);
      });
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      close();
      show(chosen);
      input.select();
    }
  });
  // Leaving the field keeps the last choice, whatever was typed into the search.
  input.addEventListener("blur", () => {
    close();
    show(chosen);
  });

  return {
    value: () => chosen.name,
    /** Back to a saved value (a refused save). */
    set(name) {
      chosen = zones.find((zone) => zone.group.includes(name)) ?? chosen;
      show(chosen);
    },
  };
}
