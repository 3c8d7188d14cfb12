"""The claims map (#/map) in a real browser: it fits its markers, clusters them and splits a
cluster when chosen, marks contested places, filters by the time slider, and fits a phone's
width. Same server, database and Chromium as test_explorer.py (its fixtures, imported);
screenshots land in test-output/map-*.png.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from tests.browser.test_explorer import (
    SCREENSHOTS,
    STORY,
    browser_page,
    explorer_database,  # noqa: F401 (a fixture, used by name)
    pytestmark,  # noqa: F401 (skips without Chromium)
    served,  # noqa: F401 (a fixture, used by name)
    sync_api,
)
from tests.browser.test_explorer import _admin_key as admin_key
from tests.fixtures import WIRE_REPORT, article

CAPTURE = (
    "Russian troops have captured the town of {town} in the {region} region, the Russian "
    "defence ministry said on {day}. The claim could not be verified.\n"
    "“The situation around the town remains difficult,” said Ukrainian army spokesman Oleh "
    "Kovalenko."
)
# Kherson far from the rest, a month earlier; Soledar and Bakhmut a few kilometres from Siversk
# (STORY, which asserts and denies its capture: a contested place), so that they cluster.
REPORTS = [
    ("Kherson", "Kherson", "Wednesday", "2025-10-01T09:00:00Z"),
    ("Soledar", "Donetsk", "Saturday", "2025-11-01T09:00:00Z"),
    ("Bakhmut", "Donetsk", "Saturday", "2025-11-15T09:00:00Z"),
]


@pytest.fixture(scope="module")
def claims(served: str, explorer_database: str) -> list[dict[str, Any]]:  # noqa: F811 (fixtures)
    """The story and three capture reports, ingested; every geocoded claim as GeoJSON."""
    key = asyncio.run(admin_key(explorer_database))
    stories = [STORY] + [
        article(
            WIRE_REPORT,
            title=f"Russia says it has taken {town}",
            url=f"https://news.example/map-{town.lower()}",
            published_at=published,
            body=CAPTURE.format(town=town, region=region, day=day),
        )
        for town, region, day, published in REPORTS
    ]
    for story in stories:
        response = httpx.post(
            f"{served}/v1/articles",
            json=story,
            headers={"Authorization": f"Bearer {key}"},
            timeout=60,
        )
        assert response.status_code in (200, 201), response.text
    collection = httpx.get(f"{served}/v1/claims.geojson", params={"all": "true"}, timeout=30)
    features: list[dict[str, Any]] = [f for f in collection.json()["features"] if f["geometry"]]
    return features


def places_of(features: list[dict[str, Any]]) -> set[str]:
    return {f["properties"]["place"]["id"] for f in features if f["properties"]["place"]}


@pytest.fixture
def page(served: str) -> Iterator[Any]:  # noqa: F811 (a fixture)
    """A Chromium page that fails the test on a script error, a CSP violation or a request to
    another origin."""
    SCREENSHOTS.mkdir(exist_ok=True)
    with browser_page(served, width=1280) as tab:
        yield tab


def view_box(page: Any) -> list[float]:
    box: str = page.locator(".view-map svg.map-canvas").get_attribute("viewBox")
    return [float(v) for v in box.split()]


def markers_inside_view(page: Any) -> bool:
    """Every marker's centre lies within the map's viewBox."""
    inside: bool = page.evaluate(
        """() => {
          const svg = document.querySelector('.view-map svg.map-canvas');
          const [x, y, w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
          const circles = [...svg.querySelectorAll('.markers > .marker > circle')];
          return circles.length > 0 && circles.every((c) => {
            const cx = Number(c.getAttribute('cx')), cy = Number(c.getAttribute('cy'));
            return cx > x && cx < x + w && cy > y && cy < y + h;
          });
        }"""
    )
    return inside


def test_map_fits_clusters_marks_contested_and_has_a_legend(
    served: str,  # noqa: F811 (a fixture)
    claims: list[dict[str, Any]],
    page: Any,
) -> None:
    expect = sync_api.expect
    contested = {
        f["properties"]["id"]
        for f in httpx.get(f"{served}/v1/places.geojson", params={"all": "true"}).json()["features"]
        if (f["properties"]["latest_controller"] or {}).get("status") == "contested"
    }
    assert contested & places_of(claims), "the fixture should make a contested place"

    page.goto(f"{served}/#/map")
    expect(page.get_by_role("heading", name="Claims map")).to_be_visible()
    expect(page.locator(".view-map .countries path").first).to_be_attached()

    # fitted to the claims (a few degrees of Ukraine), not the world, every marker in view
    width = view_box(page)[2]
    assert width < 20, f"the view is {width}° wide: not fitted to the markers"
    assert markers_inside_view(page)

    # Siversk, Soledar (and perhaps Bakhmut) overlap at this scale: one numbered cluster
    cluster = page.locator(".view-map .markers .cluster").first
    expect(cluster).to_be_visible()
    members = int(cluster.get_attribute("data-count") or 0)
    assert members >= 2
    singles_before = page.locator(".view-map .markers .marker:not(.cluster)").count()
    assert "zoom in" in (cluster.get_attribute("aria-label") or "")

    # the legend names every kind of marker, each with its own drawing
    legend = page.get_by_role("list", name="Legend")
    for kind, text in [
        ("asserted", "asserted"),
        ("denied", "denied"),
        ("contested", "contested place"),
        ("cluster", "cluster"),
    ]:
        item = legend.locator(f'li[data-legend="{kind}"]')
        expect(item).to_contain_text(text)
        expect(item.locator("svg.legend-icon")).to_have_count(1)
    page.screenshot(path=str(SCREENSHOTS / "map-fitted.png"))

    # the contested place: a dashed diamond as well as its disc, and it says so in its name
    siversk = page.locator(".view-map .marker-contested-place", has_text="Siversk")
    expect(siversk).to_have_count(1)
    expect(siversk.locator(".contested-outline")).to_have_count(1)
    assert "contested" in (siversk.get_attribute("aria-label") or "")
    # a few degrees across: admin-1 outlines drawn, the region with claims marked, names shown
    expect(page.locator(".view-map .regions")).not_to_have_class("regions hidden")
    expect(page.locator(".view-map .regions path.has-claims").first).to_be_attached()
    expect(siversk.locator("text.marker-label")).to_have_text("Siversk")
    siversk.locator("circle").click()
    expect(page.locator(".map-side h2")).to_contain_text("Siversk")
    expect(page.locator(".map-side .badge-contested")).to_have_count(1)

    # choosing the cluster (by keyboard) zooms in until its members stand apart
    cluster.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".view-map .markers .cluster")).to_have_count(0)
    expect(page.locator(".view-map .markers .marker:not(.cluster)")).to_have_count(
        singles_before + members
    )
    assert view_box(page)[2] < width
    expect(page.locator(".view-map .markers .marker:focus")).to_have_count(1)  # focus kept

    # the map itself takes keys: arrows pan, + and - zoom
    canvas = page.get_by_role("group", name="Map of claims")
    canvas.focus()
    before = view_box(page)
    page.keyboard.press("ArrowRight")
    assert view_box(page)[0] > before[0]
    page.keyboard.press("-")
    assert view_box(page)[2] > before[2]
    page.screenshot(path=str(SCREENSHOTS / "map-zoomed.png"))


def test_the_time_slider_filters_markers_and_plays(
    served: str,  # noqa: F811 (a fixture)
    claims: list[dict[str, Any]],
    page: Any,
) -> None:
    expect = sync_api.expect
    day = {f["id"]: datetime.fromisoformat(f["properties"]["claimed_at"]).date() for f in claims}
    first = min(day.values())
    on_first_day = places_of([f for f in claims if day[f["id"]] == first])
    assert 0 < len(on_first_day) < len(places_of(claims))

    page.goto(f"{served}/#/map")
    slider = page.get_by_role("slider", name="Claims up to this day")
    expect(slider).to_be_visible()
    all_markers = page.locator(".view-map .markers > .marker")
    expect(slider).to_have_value(str((max(day.values()) - first).days))
    shown = page.locator(".view-map .time-shown")
    expect(shown).to_contain_text(f"{len(claims)} claims")

    # to the first day by keyboard: only what was claimed by then is left on the map
    slider.focus()
    page.keyboard.press("Home")
    expect(slider).to_have_value("0")
    expect(slider).to_have_attribute("aria-valuetext", re.compile(r"^\d{1,2} \w{3} \d{4}$"))
    expect(all_markers).to_have_count(len(on_first_day))
    expect(shown).to_contain_text(f"{len(on_first_day)} place")
    page.screenshot(path=str(SCREENSHOTS / "map-first-day.png"))

    # back to the end: every place again
    page.keyboard.press("End")
    cluster_members = page.locator(".view-map .markers > .cluster")
    singles = page.locator(".view-map .markers > .marker:not(.cluster)")
    expect(shown).to_contain_text(f"{len(claims)} claims")
    total = singles.count() + sum(
        int(c.get_attribute("data-count") or 0) for c in cluster_members.all()
    )
    assert total == len(places_of(claims))

    # play: from the first day in a month's window, a day per step, pressed state announced
    expect(page.get_by_role("button", name="Play")).to_be_visible()
    play = page.locator(".time-controls button.play")  # its name turns to "Pause"
    play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_label("Time window")).to_have_value("30")
    expect(slider).not_to_have_value("0")  # it has stepped on by itself
    expect(play).to_have_text("❚❚ Pause")
    play.click()
    expect(play).to_have_attribute("aria-pressed", "false")


def test_the_map_fits_a_phone(
    served: str,  # noqa: F811 (a fixture)
    claims: list[dict[str, Any]],
    page: Any,
) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{served}/#/map")
    expect = sync_api.expect
    expect(page.get_by_role("slider", name="Claims up to this day")).to_be_visible()
    expect(page.locator(".view-map .markers > .marker").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert markers_inside_view(page)
    page.screenshot(path=str(SCREENSHOTS / "map-375.png"), full_page=True)
