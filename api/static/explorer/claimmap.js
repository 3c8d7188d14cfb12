// The claims map: every geocoded claim, from one GET /v1/claims.geojson?all=true, one marker
// per place (asserted, denied or both), contested places outlined (GET /v1/places.geojson), and
// a time slider over the claims' dates that filters the markers in the page, with a play
// button that steps through the days. A marker opens its claims; a cluster zooms in.

import { get } from "./api.js";
import { claimItem } from "./claims.js";
import { date, h, link, s } from "./dom.js";
import { createMap } from "./map.js";
import { discPath } from "./mapshapes.js";

const STANCES = ["", "asserted", "denied"];
const DAY = 86_400_000;
// how far back from the slider's day the map looks: everything up to it, or a window
const WINDOWS = [
  ["0", "everything up to then"],
  ["30", "the 30 days before"],
  ["7", "the 7 days before"],
  ["1", "that day"],
];
const STEP_MS = 700; // one day per step while playing
// settlement names show once a pixel is under this many degrees (a view of ~15° on 1,000 px)
const LABELS_FROM = 0.015;

/** Features grouped by place (or by position where the claim names no known place). */
function byPlace(claims) {
  const groups = new Map();
  for (const { lon, lat, claim } of claims) {
    const key = claim.place?.id ?? `${lon},${lat}`;
    if (!groups.has(key)) groups.set(key, { key, lon, lat, place: claim.place, name: claim.place?.name ?? claim.place_text, claims: [] });
    groups.get(key).claims.push(claim);
  }
  return [...groups.values()];
}

function toneOf(group) {
  const stances = new Set(group.claims.map((claim) => claim.stance));
  return stances.size > 1 ? "mixed" : [...stances][0];
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function details(group, contested) {
  const count = group.claims.length;
  return [
    h(
      "h2",
      {},
      group.place ? link("places", group.place.id, group.name) : group.name,
      h("span", { class: "count" }, ` ${plural(count, "claim")}`),
      contested ? [" ", h("span", { class: "badge badge-contested" }, "contested")] : null,
    ),
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

/** A small SVG of a legend entry, drawn like the markers (shape as well as colour). */
function legendIcon(kind) {
  const shapes = {
    asserted: [s("circle", { cx: 9, cy: 9, r: 6 })],
    denied: [s("circle", { cx: 9, cy: 9, r: 6 })],
    mixed: [s("circle", { cx: 9, cy: 9, r: 6 }), s("path", { class: "inner-dot", d: discPath(9, 9, 2.3) })],
    contested: [s("path", { class: "contested-outline", d: "M9 0L18 9L9 18L0 9Z" }), s("circle", { cx: 9, cy: 9, r: 4 })],
    cluster: [s("circle", { cx: 9, cy: 9, r: 8 }), s("text", { x: 9, y: 12.5, class: "cluster-count", "text-anchor": "middle", "font-size": 9 }, "12")],
  };
  const tone = { asserted: "marker-asserted", denied: "marker-denied", mixed: "marker-mixed", contested: "marker-default marker-contested-place", cluster: "cluster" }[kind];
  return s("svg", { class: "legend-icon", viewBox: "-1 -1 20 20", width: 20, height: 20, "aria-hidden": "true" }, s("g", { class: `marker ${tone}` }, shapes[kind]));
}

function legend() {
  const entries = [
    ["asserted", "asserted (filled)"],
    ["denied", "denied (ring)"],
    ["mixed", "both (dot inside)"],
    ["contested", "contested place (dashed diamond)"],
    ["cluster", "cluster: claims in it, choose to zoom in"],
  ];
  return h("ul", { class: "map-legend", "aria-label": "Legend" }, entries.map(([kind, text]) => h("li", { dataset: { legend: kind } }, legendIcon(kind), text)));
}

function dayOf(time) {
  return Math.floor(time / DAY);
}

/** The time slider: a day on a range over the claims' dates, a window, a play button. */
function timeControls(firstDay, lastDay, onChange) {
  const days = lastDay - firstDay;
  const slider = h("input", {
    type: "range",
    min: 0,
    max: days,
    step: 1,
    value: days,
    class: "time-slider",
    "aria-label": "Claims up to this day",
    disabled: days === 0,
  });
  const windowSelect = h(
    "select",
    { "aria-label": "Time window" },
    WINDOWS.map(([value, text]) => h("option", { value }, text)),
  );
  const play = h("button", { type: "button", class: "play", "aria-pressed": "false", disabled: days === 0 }, "▶ Play");
  const shown = h("output", { class: "time-shown", "aria-live": "polite" });
  let timer = null;

  const dayText = (offset) => date(new Date((firstDay + offset) * DAY).toISOString());
  function update() {
    const offset = Number(slider.value);
    const width = Number(windowSelect.value);
    slider.setAttribute("aria-valuetext", dayText(offset));
    const from = width ? firstDay + offset - width + 1 : -Infinity;
    const count = onChange({ from, to: firstDay + offset });
    const span = width === 1 ? dayText(offset) : width ? `${dayText(Math.max(offset - width + 1, 0))} – ${dayText(offset)}` : `up to ${dayText(offset)}`;
    shown.value = `${span}: ${plural(count.claims, "claim")} at ${plural(count.places, "place")}`;
  }

  function stop() {
    clearInterval(timer);
    timer = null;
    play.textContent = "▶ Play";
    play.setAttribute("aria-pressed", "false");
  }
  function step() {
    // the end of the range, or the view was left (the slider is no longer in the page)
    if (Number(slider.value) >= days || !slider.isConnected) return stop();
    slider.value = String(Number(slider.value) + 1);
    update();
  }
  play.addEventListener("click", () => {
    if (timer) return stop();
    // from the start, in a month's window, unless the editor chose a place to start from
    if (Number(slider.value) >= days) {
      slider.value = "0";
      if (windowSelect.value === "0") windowSelect.value = "30";
      update();
    }
    play.textContent = "❚❚ Pause";
    play.setAttribute("aria-pressed", "true");
    timer = setInterval(step, STEP_MS);
  });
  slider.addEventListener("input", update);
  windowSelect.addEventListener("change", update);

  const element = h(
    "div",
    { class: "time-controls" },
    play,
    h("label", { class: "time-range" }, h("span", { class: "time-edge" }, dayText(0)), slider, h("span", { class: "time-edge" }, dayText(days))),
    h("label", { class: "filter" }, "Show ", windowSelect),
    shown,
  );
  return { element, update };
}

export async function claimMapView({ stance = "" }) {
  const [claimsBody, placesBody] = await Promise.all([
    // claims an editor marked wrong stay off the map, as they stay out of who holds a place
    get("v1/claims.geojson", { all: true, wrong: false, stance: STANCES.includes(stance) ? stance : "" }, "application/geo+json"),
    get("v1/places.geojson", { all: true }, "application/geo+json").catch(() => ({ features: [] })),
  ]);
  const contested = new Set(placesBody.features.filter((f) => f.properties.latest_controller?.status === "contested").map((f) => f.properties.id));
  const claims = claimsBody.features
    .filter((feature) => feature.geometry)
    .map((feature) => {
      const [lon, lat] = feature.geometry.coordinates;
      return { lon, lat, claim: feature.properties, day: dayOf(Date.parse(feature.properties.claimed_at)) };
    });
  const panel = h("aside", { class: "map-side panel", "aria-live": "polite" }, h("p", { class: "empty" }, claims.length ? "Choose a marker to see its claims." : "No geocoded claims yet."));

  function markersOf(shown) {
    return byPlace(shown).map((group) => {
      const isContested = Boolean(group.place && contested.has(group.place.id));
      const stances = ["asserted", "denied"].map((st) => [st, group.claims.filter((c) => c.stance === st).length]).filter(([, n]) => n);
      return {
        lon: group.lon,
        lat: group.lat,
        tone: toneOf(group),
        contested: isContested,
        weight: group.claims.length,
        size: Math.min(5 + 2 * Math.sqrt(group.claims.length), 14),
        title: `${group.name}: ${plural(group.claims.length, "claim")} (${stances.map(([st, n]) => `${n} ${st}`).join(", ")})${isContested ? ", contested" : ""}`,
        label: group.name,
        onSelect: () => panel.replaceChildren(...details(group, isContested)),
      };
    });
  }

  const all = markersOf(claims);
  const map = createMap({ label: "Map of claims", minSpan: 4, cluster: true, regions: true, labelsFrom: LABELS_FROM, markers: all });
  // a loop, not Math.min(...days): a spread of 100,000 claims overflows the call stack
  const first = claims.reduce((day, c) => Math.min(day, c.day), Infinity);
  const last = claims.reduce((day, c) => Math.max(day, c.day), -Infinity);
  const time = claims.length
    ? timeControls(first, last, ({ from, to }) => {
        const shown = claims.filter((c) => c.day >= from && c.day <= to);
        const markers = markersOf(shown);
        map.setMarkers(markers);
        return { claims: shown.length, places: markers.length };
      })
    : null;
  time?.update();

  return h(
    "section",
    { class: "view view-map" },
    h("div", { class: "map-head" }, h("h1", {}, "Claims map"), stanceFilter(stance)),
    time?.element,
    legend(),
    h("div", { class: "map-layout" }, map.element, panel),
  );
}
