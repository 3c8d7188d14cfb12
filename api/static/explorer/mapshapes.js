// The pieces a map is drawn from: Web Mercator, outlines loaded from the bundled files
// (world.json, admin1.json), points inside shapes, the box around markers, clusters of
// markers, a marker's shape. map.js puts them together; nothing here holds a map's state.

import { s } from "./dom.js";

export const MAX_LAT = 85;
export const DEGREES = 180 / Math.PI;
export const WORLD = { west: -180, south: -58, east: 180, north: 84 };

const cache = new Map();

/** [x, y] in SVG units: longitude in degrees, Mercator northing in degrees (y grows down). */
export function project(lon, lat) {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const northing = Math.log(Math.tan(Math.PI / 4 + clamped / DEGREES / 2)) * DEGREES;
  return [lon, -northing];
}

export function ringPath(ring) {
  return `M${ring.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(2)).join(" ")).join("L")}Z`;
}

/** Outlines as SVG path data, loaded once per file (world.json, admin1.json). */
export function loadShapes(file) {
  if (!cache.has(file)) {
    cache.set(
      file,
      fetch(new URL(`explorer/${file}`, document.baseURI))
        .then((response) => {
          if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
          return response.json();
        })
        .then((collection) =>
          collection.features.map((feature) => {
            const [west, , east] = feature.bbox;
            return {
              name: feature.properties.name,
              bbox: feature.bbox,
              polygons: feature.geometry.coordinates,
              d: feature.geometry.coordinates.map((polygon) => polygon.map(ringPath).join("")).join(""),
              label: project(...feature.properties.label),
              width: east - west,
            };
          }),
        ),
    );
  }
  return cache.get(file);
}

/** Is the point inside the ring (even-odd rule; [lon, lat] pairs)? */
export function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inShape(point, shape) {
  const [west, south, east, north] = shape.bbox;
  const [lon, lat] = point;
  if (lon < west || lon > east || lat < south || lat > north) return false;
  return shape.polygons.some(([outer, ...holes]) => inRing(point, outer) && !holes.some((hole) => inRing(point, hole)));
}

export function graticule() {
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
export function boxAround(points, minSpan) {
  if (!points.length) {
    const [west, north] = project(WORLD.west, WORLD.north);
    const [east, south] = project(WORLD.east, WORLD.south);
    return { x: west, y: north, w: east - west, h: south - north };
  }
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of points) {
    const [x, y] = project(lon, lat);
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  }
  const w = Math.max(maxX - minX, minSpan) * 1.3;
  const height = Math.max(maxY - minY, minSpan * 0.6) * 1.3;
  return { x: (minX + maxX) / 2 - w / 2, y: (minY + maxY) / 2 - height / 2, w, h: height };
}

/** Markers closer than `radius` (SVG units) to a heavier one join its cluster (greedy; a
 * grid of radius-sized cells keeps it near linear for thousands of places). */
export function clusterMarkers(markers, radius) {
  const order = [...markers].sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1));
  const cell = (v) => Math.floor(v / radius);
  const grid = new Map();
  for (const m of order) {
    const key = `${cell(m.x)},${cell(m.y)}`;
    if (!grid.has(key)) grid.set(key, []);
    grid.get(key).push(m);
  }
  const taken = new Set();
  const clusters = [];
  for (const seed of order) {
    if (taken.has(seed)) continue;
    const members = [];
    for (let i = -1; i <= 1; i += 1) {
      for (let j = -1; j <= 1; j += 1) {
        for (const m of grid.get(`${cell(seed.x) + i},${cell(seed.y) + j}`) ?? []) {
          if (!taken.has(m) && Math.hypot(m.x - seed.x, m.y - seed.y) < radius) members.push(m);
        }
      }
    }
    members.forEach((m) => taken.add(m));
    clusters.push(members);
  }
  return clusters;
}

/** A disc as path data (a path, so that a marker holds one circle element: its hit area). */
export function discPath(x, y, r) {
  return `M${(x - r).toFixed(4)} ${y}a${r.toFixed(4)} ${r.toFixed(4)} 0 1 0 ${(2 * r).toFixed(4)} 0a${r.toFixed(4)} ${r.toFixed(4)} 0 1 0 ${(-2 * r).toFixed(4)} 0Z`;
}

/** Add a marker's shape to `group`: a disc (asserted), a ring (denied), a disc with a dot
 * (both); a contested place also gets a dashed diamond around it. Returns the resizers. */
export function markerShape(group, marker, x, y) {
  const resizers = [];
  const size = marker.size ?? 6;
  if (marker.contested) {
    const diamond = s("path", { class: "contested-outline" });
    group.append(diamond);
    resizers.push((unit) => {
      const r = (size + 5) * unit;
      diamond.setAttribute("d", `M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`);
    });
  }
  const circle = s("circle", { cx: x, cy: y, r: 1 });
  group.append(circle);
  resizers.push((unit) => circle.setAttribute("r", (size * unit).toFixed(4)));
  if (marker.tone === "mixed") {
    const dot = s("path", { class: "inner-dot" });
    group.append(dot);
    resizers.push((unit) => dot.setAttribute("d", discPath(x, y, size * 0.38 * unit)));
  }
  return resizers;
}

export function activate(node, action) {
  node.addEventListener("click", action);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action();
    }
  });
}
