"""A place's claims: its timeline, its latest controller, denials answering earlier articles,
GeoJSON that holds to RFC 7946, and bbox filters served by the GiST index."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx

from api.db.sql import shaped
from tests.fixtures import WIRE_REPORT, article
from tests.integration.conftest import ingest

CAPTURE = article(
    WIRE_REPORT,
    url="https://news.example/capture",
    published_at="2025-12-01T08:00:00Z",
    body="Russian troops have captured the town of Siversk, the Russian defence ministry said.",
)
DENIAL = article(
    WIRE_REPORT,
    url="https://news.example/denial",
    published_at="2025-12-02T08:00:00Z",
    body="Ukraine's army denied that the town of Siversk was under Russian control.",
)


def siversk(created: dict[str, Any]) -> str:
    place: str = next(p["id"] for p in created["places"] if p["name"] == "Siversk")
    return place


async def test_a_denial_answers_the_claim_of_an_earlier_article(client: httpx.AsyncClient) -> None:
    capture = await ingest(client, CAPTURE)
    denial = await ingest(client, DENIAL)
    asserted = next(c for c in capture["claims"] if c["stance"] == "asserted")
    denied = next(c for c in denial["claims"] if c["stance"] == "denied")
    assert denied["responds_to"] == asserted["id"]


async def test_place_timeline_oldest_first_with_paging(client: httpx.AsyncClient) -> None:
    # stored newest first, so id order and time order disagree
    denial = await ingest(client, DENIAL)
    capture = await ingest(client, CAPTURE)
    place = siversk(capture)
    assert siversk(denial) == place
    first = await client.get(f"/v1/places/{place}/claims", params={"limit": 1})
    assert first.status_code == 200
    page = first.json()
    assert page["data"][0]["article_id"] == capture["id"]
    assert page["next_cursor"] and first.headers["link"].endswith('rel="next"')
    second = (
        await client.get(
            f"/v1/places/{place}/claims", params={"limit": 1, "cursor": page["next_cursor"]}
        )
    ).json()
    assert [c["article_id"] for c in second["data"]] == [denial["id"]]
    assert [c["stance"] for c in page["data"] + second["data"]] == ["asserted", "denied"]
    assert second["next_cursor"] is None
    missing = await client.get("/v1/places/plc_00000000000000000000000000/claims")
    assert missing.status_code == 404


async def test_place_detail_has_claim_count_and_latest_controller(
    client: httpx.AsyncClient,
) -> None:
    capture = await ingest(client, CAPTURE)
    place = (await client.get(f"/v1/places/{siversk(capture)}")).json()
    assert place["latest_controller"]["status"] == "held"  # one claim, nobody disagrees
    await ingest(client, DENIAL)
    place = (await client.get(f"/v1/places/{siversk(capture)}")).json()
    assert place["claims"] == 2
    asserted = next(c for c in capture["claims"] if c["stance"] == "asserted")
    latest = place["latest_controller"]
    assert latest["actor"]["name"] == "Russia"  # a denial does not hand the place back
    assert latest["claim_id"] == asserted["id"]
    assert latest["claimed_at"] == "2025-12-01T08:00:00Z"
    # but the latest claims disagree: Ukraine denies the capture a day later
    assert latest["status"] == "contested"


def assert_rfc7946_feature_collection(body: dict[str, Any]) -> None:
    """The parts of RFC 7946 a map client relies on."""
    assert body["type"] == "FeatureCollection"
    assert isinstance(body["features"], list)
    for feature in body["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        assert isinstance(feature["id"], str | int)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]  # RFC 7946 section 3.1.1: [longitude, latitude]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lat, lon) == (feature["properties"]["lat"], feature["properties"]["lon"])
    assert "crs" not in body  # RFC 7946 section 4: no CRS member, WGS 84 only


async def test_geojson_is_rfc_7946(client: httpx.AsyncClient) -> None:
    await ingest(client, CAPTURE)
    await ingest(client, WIRE_REPORT)
    body = (await client.get("/v1/claims.geojson")).json()
    assert body["features"]
    assert_rfc7946_feature_collection(body)
    siversk_point = next(
        f["geometry"]["coordinates"]
        for f in body["features"]
        if (f["properties"]["place"] or {}).get("name") == "Siversk"
    )
    assert 38.0 < siversk_point[0] < 38.2 and 48.8 < siversk_point[1] < 48.9  # lon, then lat


async def test_bbox_filters_use_the_gist_index(pool: asyncpg.Pool[asyncpg.Record]) -> None:
    """With sequential scans priced out, the planner must be able to use places_location_idx
    for the bbox filter of places (on a near-empty table it would scan anyway). Claims by bbox
    may also walk claims newest first and test each one's place, whichever the statistics
    favour: tests/integration/test_query_plans.py holds that plan to no sequential scan."""
    box = ((36.0, 47.0), (39.0, 50.0))
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SET LOCAL enable_seqscan = off")
        shape = shaped("list_places", frozenset({"bbox", "limit", "@sort=-created", "@from=view"}))
        plan = await conn.fetch("EXPLAIN (GENERIC_PLAN) " + shape.text, box, 50)
        text = "\n".join(r[0] for r in plan)
        assert "places_location_idx" in text, text


async def test_an_old_denial_leaves_a_later_capture_held(client: httpx.AsyncClient) -> None:
    old_denial = {**DENIAL, "url": "https://news.example/old-denial"}
    old_denial["published_at"] = "2025-11-01T08:00:00Z"  # a month before the capture
    await ingest(client, old_denial)
    capture = await ingest(client, CAPTURE)
    place = (await client.get(f"/v1/places/{siversk(capture)}")).json()
    assert place["latest_controller"]["status"] == "held"
