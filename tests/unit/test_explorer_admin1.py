"""The map's bundled admin-1 outlines (api/static/explorer/admin1.json, built by
bench/build_admin1.py): valid GeoJSON, the regions the claims are in, and small."""

from __future__ import annotations

import json
from collections import Counter

from api.http.routes.explorer import STATIC

ADMIN1 = STATIC / "admin1.json"
SIZE_LIMIT = 400_000  # bytes: the page loads it whole when the map opens


def test_admin1_is_geojson_with_named_regions_and_boxes() -> None:
    collection = json.loads(ADMIN1.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    by_country = Counter(f["properties"]["country"] for f in features)
    # Ukraine whole (24 oblasts, Crimea, Kyiv and Sevastopol cities), and its neighbours
    assert by_country["UA"] == 27
    assert {"RU", "BY", "MD", "PL", "RO"} <= set(by_country)
    names = {(f["properties"]["country"], f["properties"]["name"]) for f in features}
    assert {("UA", "Donets'k"), ("UA", "Kherson"), ("RU", "Belgorod"), ("BY", "Gomel")} <= names
    for feature in features:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "MultiPolygon"
        west, south, east, north = feature["bbox"]
        assert -180 <= west <= east <= 180 and -90 <= south <= north <= 90
        lon, lat = feature["properties"]["label"]
        assert west - 1 <= lon <= east + 1 and south - 1 <= lat <= north + 1
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4  # closed rings
                assert all(round(x, 2) == x and round(y, 2) == y for x, y in ring)


def test_admin1_is_small() -> None:
    assert ADMIN1.stat().st_size < SIZE_LIMIT
