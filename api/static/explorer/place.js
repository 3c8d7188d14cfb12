// A place: what it is, a locator map, and the timeline of claims about who holds it.

import { get, getAll } from "./api.js";
import { claimItem, STANCE_TONES } from "./claims.js";
import { badge, date, h, link } from "./dom.js";
import { worldMap } from "./map.js";

function facts(place) {
  const rows = [
    ["Kind", place.kind],
    ["Country", place.country_code],
    ["Region code", place.admin1],
    ["Population", place.population ? place.population.toLocaleString("en-GB") : null],
    ["Coordinates", `${place.lat.toFixed(4)}, ${place.lon.toFixed(4)}`],
    ["Also called", place.aliases.join(", ")],
    ["Mentions", place.mentions],
    ["Claims", place.claims],
    [
      "Held by (latest claim)",
      place.latest_controller
        ? [
            link("actors", place.latest_controller.actor.id, place.latest_controller.actor.name),
            ` since ${date(place.latest_controller.claimed_at)}`,
            // the latest claims disagree: another holder, a denial or fighting within a week
            place.latest_controller.status === "contested" ? [" ", badge("contested", "contested")] : null,
          ]
        : null,
    ],
  ].filter(([, value]) => value !== null && value !== "" && value !== undefined);
  return h("dl", { class: "facts" }, rows.map(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]));
}

export async function placeView({ id }) {
  const place = await get(`v1/places/${encodeURIComponent(id)}`);
  // oldest first: the API pages the timeline in claimed_at order
  const { items: claims, complete } = await getAll(`v1/places/${encodeURIComponent(place.id)}/claims`, { limit: 200 });
  const map = worldMap({
    markers: [{ lon: place.lon, lat: place.lat, tone: "place", size: 7, title: place.name, label: place.name }],
    minSpan: place.kind === "country" ? 30 : 14,
    label: `Map around ${place.name}`,
  });
  const timeline = claims.length
    ? h(
        "ol",
        { class: "timeline" },
        claims.map((claim) => {
          const item = claimItem(claim, { place: false });
          item.prepend(h("span", { class: `dot dot-${STANCE_TONES[claim.stance]}`, "aria-hidden": "true" }));
          return item;
        }),
      )
    : h("p", { class: "empty" }, "No claims about this place.");
  return h(
    "section",
    { class: "view view-place" },
    h("h1", {}, place.name, " ", badge(`${place.kind}, ${place.country_code}`, "muted")),
    h(
      "div",
      { class: "two-columns" },
      h(
        "div",
        {},
        h("section", { class: "panel" }, h("h2", {}, "Claims timeline"), timeline, complete ? null : h("p", { class: "meta" }, "Only the first 1,000 claims are shown.")),
      ),
      h("div", {}, facts(place), map),
    ),
  );
}
