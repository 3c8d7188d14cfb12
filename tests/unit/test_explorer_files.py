"""The explorer's static files hold together: what the page loads exists, modules import only
modules that ship, API text never becomes markup, and the bundled map is valid GeoJSON."""

from __future__ import annotations

import json
import re

from api.http.routes.explorer import STATIC

SCRIPTS = sorted(STATIC.glob("*.js"))
# Ways to turn a string into markup; the explorer builds nodes and sets text instead.
MARKUP_SINKS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")


def test_the_page_loads_only_files_that_ship() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'(?:src|href)="explorer/([^"]+)"', html)
    assert {"app.js", "style.css"} <= set(loaded)
    assert all((STATIC / name).is_file() for name in loaded)
    assert "<script>" not in html and "style=" not in html  # nothing inline (the CSP forbids it)


def test_modules_import_only_modules_that_ship() -> None:
    assert SCRIPTS
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        for target in re.findall(r'from "\./([^"]+)"', text):
            assert (STATIC / target).is_file(), f"{script.name} imports missing {target}"
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in text  # nothing from another origin


def test_no_script_turns_text_into_markup() -> None:
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        found = [sink for sink in MARKUP_SINKS if sink in text]
        assert not found, f"{script.name} uses {found}"
        assert 'setAttribute("style"' not in text  # inline style is blocked by the CSP


def test_the_world_map_is_geojson_with_names_and_boxes() -> None:
    world = json.loads((STATIC / "world.json").read_text(encoding="utf-8"))
    assert world["type"] == "FeatureCollection"
    names = {feature["properties"]["name"] for feature in world["features"]}
    assert {"Ukraine", "Russia", "France", "Brazil"} <= names and len(names) > 150
    for feature in world["features"]:
        assert feature["geometry"]["type"] == "MultiPolygon"
        west, south, east, north = feature["bbox"]  # east of 180: Chukotka continued
        assert -180 <= west <= east <= 200 and -90 <= south <= north <= 90
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4  # closed rings


def test_every_script_is_described_in_the_files_table() -> None:
    table = (STATIC / "README.md").read_text(encoding="utf-8")
    missing = [script.name for script in SCRIPTS if f"`{script.name}`" not in table]
    assert not missing, f"api/static/explorer/README.md does not describe {missing}"
