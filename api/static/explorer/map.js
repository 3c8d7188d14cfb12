// An SVG map drawn in the browser: country outlines from the bundled world.json (Natural Earth
// 1:110m through world-atlas, see README.md here) in Web Mercator, markers on top, wheel or
// buttons to zoom, drag to pan. Needs no tiles and no network beyond this origin.

import { h, s } from "./dom.js";

const MAX_LAT = 85;
const DEGREES = 180 / Math.PI;
const WORLD = { west: -180, south: -58, east: 180, north: 84 };

let world = null;

/** [x, y] in SVG units: longitude in degrees, Mercator northing in degrees (y grows down). */
export function project(lon, lat) {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const northing = Math.log(Math.tan(Math.PI / 4 + clamped / DEGREES / 2)) * DEGREES;
  return [lon, -northing];
}

function ringPath(ring) {
  return `M${ring.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(2)).join(" ")).join("L")}Z`;
}

/** Country outlines as SVG path data, loaded once from world.json. */
function loadWorld() {
  world ??= fetch(new URL("explorer/world.json", document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`world.json: HTTP ${response.status}`);
      return response.json();
    })
    .then((collection) =>
      collection.features.map((feature) => {
        const [west, , east] = feature.bbox;
        return {
          name: feature.properties.name,
          d: feature.geometry.coordinates.map((polygon) => polygon.map(ringPath).join("")).join(""),
          label: project(...feature.properties.label),
          width: east - west,
        };
      }),
    );
  return world;
}

function graticule() {
  const lines = [];
  for (let lon = -180; lon <= 180; lon += 10) {
    const [x, top] = project(lon, MAX_LAT);
    const [, bottom] = project(lon, -MAX_LAT);
    lines.push(`M${x} ${top.toFixed(2)}V${bottom.toFixed(2)}`);
  }
  for (let lat = -80; lat <= 80; lat += 10) {
    const [, y] = project(0, lat);
    lines.push(`M-180 ${y.toFixed(2)}H180`);
  }
  return lines.join("");
}

/** The box (in SVG units) around these points, padded, at least `minSpan` degrees wide. */
function boxAround(points, minSpan) {
  if (!points.length) {
    const [west, north] = project(WORLD.west, WORLD.north);
    const [east, south] = project(WORLD.east, WORLD.south);
    return { x: west, y: north, w: east - west, h: south - north };
  }
  const xs = points.map(([lon, lat]) => project(lon, lat)[0]);
  const ys = points.map(([lon, lat]) => project(lon, lat)[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = Math.max(maxX - minX, minSpan) * 1.3;
  const height = Math.max(maxY - minY, minSpan * 0.6) * 1.3;
  return { x: (minX + maxX) / 2 - w / 2, y: (minY + maxY) / 2 - height / 2, w, h: height };
}

/**
 * A map element. `markers`: [{lon, lat, tone, size, title, label, onSelect}], tone a CSS class
 * suffix, size a radius in screen pixels. The view fits the markers (or the world).
 */
export function worldMap({ markers = [], minSpan = 8, label = "Map" } = {}) {
  const home = boxAround(
    markers.map((m) => [m.lon, m.lat]),
    minSpan,
  );
  let view = { ...home };
  const countries = s("g", { class: "countries" });
  const names = s("g", { class: "country-names", "aria-hidden": "true" });
  const layer = s("g", { class: "markers" });
  const svg = s(
    "svg",
    { class: "map-canvas", role: "img", "aria-label": label },
    s("path", { class: "graticule", d: graticule() }),
    countries,
    names,
    layer,
  );
  const scaled = [];
  let countryNames = []; // [{node, width, chars}] once world.json has loaded

  for (const marker of markers) {
    const [x, y] = project(marker.lon, marker.lat);
    const circle = s("circle", { cx: x, cy: y, r: 1 });
    const group = s(
      "g",
      { class: `marker marker-${marker.tone ?? "default"}`, tabindex: 0, role: "button", "aria-label": marker.title },
      s("title", {}, marker.title),
      circle,
    );
    scaled.push({ node: circle, attr: "r", px: marker.size ?? 6 });
    if (marker.label) {
      const text = s("text", { x, y, class: "marker-label" }, marker.label);
      group.append(text);
      scaled.push({ node: text, attr: "font-size", px: 12, dx: (marker.size ?? 6) + 3, x, y });
    }
    if (marker.onSelect) {
      group.addEventListener("click", () => marker.onSelect(marker));
      group.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          marker.onSelect(marker);
        }
      });
    }
    layer.append(group);
  }

  /** SVG units per screen pixel (the viewBox is fitted with "meet": the larger ratio). */
  function unitsPerPixel() {
    const { width, height } = svg.getBoundingClientRect();
    if (!width || !height) return view.w / 800;
    return Math.max(view.w / width, view.h / height);
  }

  function draw() {
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    const unit = unitsPerPixel();
    // a country's name shows when the country is drawn wide enough to hold it
    for (const name of countryNames) {
      const fits = name.width / unit > name.chars * 7;
      name.node.classList.toggle("hidden", !fits);
      if (fits) name.node.setAttribute("font-size", (11 * unit).toFixed(4));
    }
    for (const item of scaled) {
      item.node.setAttribute(item.attr, (item.px * unit).toFixed(4));
      if (item.dx !== undefined) {
        item.node.setAttribute("x", (item.x + item.dx * unit).toFixed(4));
        item.node.setAttribute("y", (item.y + 4 * unit).toFixed(4));
      }
    }
  }

  function zoom(factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) {
    const w = Math.min(Math.max(view.w * factor, 0.05), 720);
    const real = w / view.w;
    view = { x: cx - (cx - view.x) * real, y: cy - (cy - view.y) * real, w, h: view.h * real };
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

  new ResizeObserver(draw).observe(svg);
  draw();

  loadWorld()
    .then((shapes) => {
      countries.append(...shapes.map((shape) => s("path", { d: shape.d }, s("title", {}, shape.name))));
      countryNames = shapes.map((shape) => {
        const [x, y] = shape.label;
        const node = s("text", { x, y, "text-anchor": "middle" }, shape.name);
        names.append(node);
        return { node, width: shape.width, chars: shape.name.length };
      });
      draw();
    })
    .catch((error) => {
      svg.before(h("p", { class: "error" }, `The country outlines did not load: ${error.message}`));
    });

  const button = (text, title, action) => h("button", { type: "button", title, "aria-label": title, onclick: action }, text);
  return h(
    "div",
    { class: "map" },
    h(
      "div",
      { class: "map-controls" },
      button("+", "Zoom in", () => zoom(1 / 1.6)),
      button("−", "Zoom out", () => zoom(1.6)),
      button("⤢", "Fit", () => {
        view = { ...home };
        draw();
      }),
    ),
    svg,
  );
}
