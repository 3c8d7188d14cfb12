// The claims map: every geocoded claim from GET /v1/claims.geojson, one marker per place,
// coloured by what is claimed there (asserted, denied, or both). A marker opens its claims.

import { getAll } from "./api.js";
import { claimItem } from "./claims.js";
import { h, link } from "./dom.js";
import { worldMap } from "./map.js";

const STANCES = ["", "asserted", "denied"];

/** Features grouped by place (or by position where the claim names no known place). */
function byPlace(features) {
  const groups = new Map();
  for (const feature of features) {
    if (!feature.geometry) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const claim = feature.properties;
    const key = claim.place?.id ?? `${lon},${lat}`;
    if (!groups.has(key)) groups.set(key, { key, lon, lat, place: claim.place, name: claim.place?.name ?? claim.place_text, claims: [] });
    groups.get(key).claims.push(claim);
  }
  return [...groups.values()];
}

function toneOf(group) {
  const stances = new Set(group.claims.map((claim) => claim.stance));
  return stances.size > 1 ? "contested" : [...stances][0];
}

function details(group) {
  const count = group.claims.length;
  return [
    h("h2", {}, group.place ? link("places", group.place.id, group.name) : group.name, h("span", { class: "count" }, ` ${count} claim${count === 1 ? "" : "s"}`)),
    h("ol", { class: "claims" }, group.claims.map((claim) => claimItem(claim, { place: false }))),
  ];
}

function stanceFilter(stance) {
  const select = h(
    "select",
    { "aria-label": "Stance" },
    STANCES.map((value) => h("option", { value, selected: value === stance }, value || "all stances")),
  );
  select.addEventListener("change", () => {
    location.hash = select.value ? `#/map?stance=${select.value}` : "#/map";
  });
  return h("label", { class: "filter" }, "Show ", select);
}

export async function claimMapView({ stance = "" }) {
  const { items, complete } = await getAll(
    "v1/claims.geojson",
    { limit: 200, stance: STANCES.includes(stance) ? stance : "" },
    { accept: "application/geo+json", items: "features" },
  );
  const groups = byPlace(items);
  const panel = h("aside", { class: "map-side panel", "aria-live": "polite" }, h("p", { class: "empty" }, groups.length ? "Choose a marker to see its claims." : "No geocoded claims yet."));
  const map = worldMap({
    label: "Map of claims",
    minSpan: 24,
    markers: groups.map((group) => ({
      lon: group.lon,
      lat: group.lat,
      tone: toneOf(group),
      size: Math.min(5 + 2 * Math.sqrt(group.claims.length), 16),
      title: `${group.name}: ${group.claims.length} claim${group.claims.length === 1 ? "" : "s"}`,
      label: group.name,
      onSelect: () => panel.replaceChildren(...details(group)),
    })),
  });
  return h(
    "section",
    { class: "view view-map" },
    h(
      "div",
      { class: "map-head" },
      h("h1", {}, "Claims map"),
      stanceFilter(stance),
      h(
        "ul",
        { class: "map-legend" },
        ["asserted", "denied", "contested"].map((tone) => h("li", {}, h("span", { class: `dot dot-${tone}`, "aria-hidden": "true" }), tone === "contested" ? "both" : tone)),
      ),
    ),
    complete ? null : h("p", { class: "meta" }, `Showing the latest ${items.length} claims.`),
    h("div", { class: "map-layout" }, map, panel),
  );
}
