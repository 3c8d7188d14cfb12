"""Build the explorer's offline world map (development-time script, not run by tests).

    npm install --prefix /tmp/atlas world-atlas@2.0.2
    .venv/bin/python -m bench.build_world_map \
        /tmp/atlas/node_modules/world-atlas/countries-110m.json

Reads the TopoJSON of `world-atlas` (ISC, Mike Bostock; its shapes are Natural Earth's 1:110m
admin-0 countries, public domain) and writes ``api/static/explorer/world.json``: a GeoJSON
FeatureCollection (RFC 7946) with one MultiPolygon per country, its bbox, its name and a point
for the name (`label`: the centroid of its largest polygon), coordinates rounded to 0.01°.
Antarctica is left out (no claims there; it would take a third of the map). The explorer draws
it as SVG in the browser, so the map works without any network.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "api" / "static" / "explorer" / "world.json"
ANTARCTICA = "010"  # ISO 3166-1 numeric
Position = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Position]]:
    """Absolute [lon, lat] positions of every arc (TopoJSON stores quantised deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[Position]]) -> list[list[float]]:
    """A closed ring from arc indexes; ~i means arc i walked backwards. Each arc after the
    first starts where the previous one ended, so its first position is dropped."""
    points: list[Position] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    deduped = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return unwrap([list(p) for p in deduped])


def unwrap(ring: list[list[float]]) -> list[list[float]]:
    """Longitudes made continuous: a ring that crosses the antimeridian (Russia's Chukotka)
    jumps from 180 to -180, which a flat drawing shows as a line across the world; it
    continues past 180 instead."""
    for previous, point in itertools.pairwise(ring):
        while point[0] - previous[0] > 180:
            point[0] = round(point[0] - 360, 2)
        while point[0] - previous[0] < -180:
            point[0] = round(point[0] + 360, 2)
    if min(x for x, _ in ring) < -180:  # started on the far side: bring it back
        ring = [[round(x + 360, 2), y] for x, y in ring]
    return ring


def country(geometry: dict[str, Any], arcs: list[list[Position]]) -> dict[str, Any] | None:
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:  # a country too small for this scale has no shape
        return None
    coordinates = [[ring(r, arcs) for r in polygon] for polygon in polygons]
    coordinates = [p for p in coordinates if len(p[0]) >= 4]  # rings that survive rounding
    if not coordinates:
        return None
    lons = [x for polygon in coordinates for x, _ in polygon[0]]
    lats = [y for polygon in coordinates for _, y in polygon[0]]
    main_ring = max((polygon[0] for polygon in coordinates), key=lambda r: abs(area(r)))
    return {
        "type": "Feature",
        "id": geometry.get("id"),
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "properties": {"name": geometry["properties"]["name"], "label": centroid(main_ring)},
        "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
    }


def area(ring: list[list[float]]) -> float:
    """Signed area in square degrees (shoelace formula)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def centroid(ring: list[list[float]]) -> list[float]:
    """Where the country's name goes: the centroid of its largest polygon's outer ring."""
    a = area(ring)
    pairs = list(itertools.pairwise(ring))
    cx = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * a)
    cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * a)
    return [round(cx, 2), round(cy, 2)]


def main(source: Path) -> None:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = [
        feature
        for geometry in topology["objects"]["countries"]["geometries"]
        if geometry.get("id") != ANTARCTICA and (feature := country(geometry, arcs)) is not None
    ]
    collection = {"type": "FeatureCollection", "features": features}
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(features)} countries, {OUT.stat().st_size:,} bytes to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
