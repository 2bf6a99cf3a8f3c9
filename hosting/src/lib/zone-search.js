/**
 * The time zone picker's search: which zones a query finds, the best first. An exact country or
 * city name comes first, then names that start with the query, then a word in them that does,
 * then any that hold it, then zones holding every word of it somewhere; among equals a country
 * before a city, a bigger city before a smaller one, then the zone with the bigger cities. An
 * offset ("UTC+2", "GMT-5", "+5:30", "UTC") finds the zones at that offset now.
 */

/** @typedef {import("@vvo/tzdb").TimeZone} TimeZone */
/** @typedef {{ zone: TimeZone, place: string | null }} Found */
/**
 * A name a zone is found by: `rank` orders equal matches (a country -1, a city by its size, 0
 * the biggest, anything else Infinity); `place` is what the list shows for a city that is not
 * one of the zone's main ones.
 * @typedef {{ text: string, zone: TimeZone, rank: number, place: string | null }} Name
 */

/** Lower case, no accents, words apart: "São_Paulo" and "sao paulo" are the same. */
export function fold(text) {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, " ")
    .trim();
}

/**
 * The offset a query spells, in minutes east of UTC: "UTC+2", "UTC+02:00", "GMT-5", "+5:30",
 * "-0800", "UTC", "GMT"; null for anything else.
 * @param {string} query
 * @returns {number | null}
 */
export function parseOffset(query) {
  const match = query
    .trim()
    .replace(/[\u2212\u2013]/g, "-")
    .match(/^(?:(?:utc|gmt)\s*)?(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?$/i);
  if (!match || query.trim() === "") return null;
  const [, sign, hours = "0", minutes = "0"] = match;
  if (!sign && !/^(utc|gmt)$/i.test(query.trim())) return null;
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * The names each zone is found by: its country, main cities, IANA names (old ones too) and
 * their cities, its time's names and abbreviations, and every city of `cities` in it.
 * @param {readonly TimeZone[]} zones
 * @param {readonly { name: string, province: string, zone: string, alias: string }[]} cities
 * @returns {Name[]}
 */
export function zoneNames(zones, cities = []) {
  const byName = new Map(zones.map((zone) => [zone.name, zone]));
  /** @type {Name[]} */
  const names = [];
  for (const zone of zones) {
    const add = (text, rank = Infinity) =>
      text && names.push({ text: fold(text), zone, rank, place: null });
    add(zone.countryName, -1);
    add(zone.alternativeName);
    add(zone.abbreviation);
    add(zone.currentAbbreviation);
    for (const text of zone.mainCities) add(text);
    for (const name of zone.group) {
      add(name);
      add(name.split("/").at(-1));
    }
  }
  cities.forEach((city, rank) => {
    const zone = byName.get(city.zone);
    if (!zone) return;
    const place = [city.name, city.province].filter(Boolean).join(", ");
    for (const text of [city.name, city.alias, place]) {
      if (text) names.push({ text: fold(text), zone, rank, place });
    }
  });
  return names;
}

/**
 * The zones `query` finds, the best first, each with the city it was found by when that city
 * is not one of the zone's main ones. An empty query finds every zone, in the list's order.
 * @param {readonly TimeZone[]} zones the list, in its order
 * @param {readonly Name[]} names from zoneNames(zones, …)
 * @param {string} query
 * @returns {Found[]}
 */
export function searchZones(zones, names, query) {
  const offset = parseOffset(query);
  const wanted = fold(query);
  if (offset === null && !wanted) return zones.map((zone) => ({ zone, place: null }));
  const order = new Map(zones.map((zone, index) => [zone, index]));
  /** @type {Map<TimeZone, { tier: number, rank: number, place: string | null, main: boolean }>} */
  const best = new Map();
  for (const name of names) {
    const tier = matchTier(name.text, wanted);
    if (tier === null) continue;
    const found = best.get(name.zone);
    // Found by one of its own names (a main city), the zone is shown as usual, not by a city.
    const main = (found?.main ?? false) || name.place === null;
    if (!found || tier < found.tier || (tier === found.tier && name.rank < found.rank)) {
      best.set(name.zone, { tier, rank: name.rank, place: name.place, main });
    } else {
      found.main = main;
    }
  }
  // Every word somewhere in the zone's own names: "india time", "new york eastern".
  const words = wanted.split(" ").filter(Boolean);
  const last = 4;
  if (words.length > 1) {
    const haystacks = new Map();
    for (const name of names) {
      if (!name.place) haystacks.set(name.zone, `${haystacks.get(name.zone) ?? ""} ${name.text}`);
    }
    for (const [zone, haystack] of haystacks) {
      if (!best.has(zone) && words.every((word) => haystack.includes(word))) {
        best.set(zone, { tier: last, rank: Infinity, place: null, main: true });
      }
    }
  }
  const size = zoneSizes(names);
  const bySize = (a, b) => compareRanks(size(a), size(b)) || order.get(a) - order.get(b);
  if (offset !== null) {
    // The zone the query names ("UTC") first.
    const exact = (zone) => (best.get(zone)?.tier === 0 ? 0 : 1);
    return zones
      .filter((zone) => zone.currentTimeOffsetInMinutes === offset)
      .sort((a, b) => exact(a) - exact(b) || bySize(a, b))
      .map((zone) => ({ zone, place: null }));
  }
  const score = (zone) => best.get(zone);
  return [...best.keys()]
    .sort((a, b) => {
      const [x, y] = [score(a), score(b)];
      return x.tier - y.tier || compareRanks(x.rank, y.rank) || bySize(a, b);
    })
    .map((zone) => {
      const { place, main } = score(zone);
      return { zone, place: main ? null : place };
    });
}

/** A zone's size: the rank of its biggest city (0 the world's biggest), Infinity if none. */
function zoneSizes(names) {
  const sizes = new Map();
  for (const name of names) {
    if (name.place && !sizes.has(name.zone)) sizes.set(name.zone, name.rank);
  }
  return (zone) => sizes.get(zone) ?? Infinity;
}

/** 0 the whole name, 1 its start, 2 a word's start, 3 anywhere in it; null not at all. */
function matchTier(text, wanted) {
  if (text === wanted) return 0;
  if (text.startsWith(wanted)) return 1;
  if (!text.includes(wanted)) return null;
  return text.includes(` ${wanted}`) || text.includes(`/${wanted}`) ? 2 : 3;
}

const compareRanks = (a, b) => (a === b ? 0 : a < b ? -1 : 1);
