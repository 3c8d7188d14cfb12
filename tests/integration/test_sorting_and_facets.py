"""`sort` on the lists (with keyset paging in each order), `count=true`, `group_by`, and
claims and places as GeoJSON, page by page or whole (`all=true`, streamed)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article
from tests.integration.conftest import ingest

# Publication times out of the order of ingest, one before 1970, one article undated.
PUBLISHED = [
    "2025-11-02T10:00:00+02:00",
    None,
    "2025-12-24T23:30:00-05:00",
    "1969-07-20T20:17:00Z",
    "2025-11-02T08:00:00Z",  # the same instant as the first: the id decides
]


async def store_dated(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    stored = []
    for n, published in enumerate(PUBLISHED):
        body = article(
            MARKET_REPORT, title=f"Report {n}", body=f"Report number {n}: grain exports rose.",
            source=["Harbour Daily", "harbour daily", "Test Wire"][n % 3], url=None,
        )  # fmt: skip
        if published is None:
            del body["published_at"]
        else:
            body["published_at"] = published
        stored.append(await ingest(client, body))
    return stored


async def walk(client: httpx.AsyncClient, path: str, **params: Any) -> list[str]:
    """Every id of a list, following next_cursor a small page at a time."""
    seen: list[str] = []
    query: dict[str, Any] = {"limit": 2, **params}
    while True:
        response = await client.get(path, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        seen += [row["id"] for row in page["data"]]
        if page["next_cursor"] is None:
            return seen
        query["cursor"] = page["next_cursor"]


async def test_each_order_pages_through_every_row_once(client: httpx.AsyncClient) -> None:
    stored = await store_dated(client)
    ids = [a["id"] for a in stored]
    # by publication: oldest first with the undated before every dated one; the two at the
    # same instant by id; newest first is exactly the reverse
    oldest_first = [ids[1], ids[3], ids[0], ids[4], ids[2]]
    assert await walk(client, "/v1/articles", sort="published_at") == oldest_first
    assert await walk(client, "/v1/articles", sort="-published_at") == oldest_first[::-1]
    assert await walk(client, "/v1/articles", sort="created") == ids
    assert await walk(client, "/v1/articles") == ids[::-1]
    # quotes and claims follow their articles' times
    quotes = await walk(client, "/v1/quotes", sort="published_at")
    by_article = {q["id"]: q["article_id"] for a in stored for q in a["quotes"]}
    assert [by_article[q] for q in quotes] == [a for a in oldest_first if a in by_article.values()]


async def test_claims_sort_by_their_time(client: httpx.AsyncClient) -> None:
    first = await ingest(client, WIRE_REPORT)
    later = await ingest(client, article(WIRE_REPORT, url=None, title="Again", body=WIRE_REPORT[
        "body"] + " Later.", published_at="2025-12-10T00:00:00Z"))  # fmt: skip
    earlier = await ingest(client, article(WIRE_REPORT, url=None, title="Before", body=WIRE_REPORT[
        "body"] + " Earlier.", published_at="2025-12-01T00:00:00Z"))  # fmt: skip
    order = [earlier, first, later]
    expected = [c["id"] for a in order for c in sorted(a["claims"], key=lambda c: c["id"])]
    walked = await walk(client, "/v1/claims", sort="published_at")
    claimed = {c["id"]: a["id"] for a in order for c in a["claims"]}
    assert [claimed[c] for c in walked] == [claimed[c] for c in expected]
    assert sorted(walked) == sorted(expected)


async def test_relevance_ranks_the_matches_of_a_search(client: httpx.AsyncClient) -> None:
    def written(title: str, body: str) -> dict[str, Any]:
        return article(MARKET_REPORT, url=None, title=title, body=body)

    plain = await ingest(client, written("Ports", "Exports rose. Ports were busy, grain moved."))
    rich = await ingest(client, written("Grain", "Grain prices fell as grain filled grain silos."))
    await ingest(client, written("Elsewhere", "Nothing about the harvest here at all."))
    ranked = await walk(client, "/v1/articles", q="grain", sort="relevance")
    # without a search every row is as relevant: the default order, its cursors and all
    everything = await walk(client, "/v1/articles", sort="relevance")
    assert everything == await walk(client, "/v1/articles")
    assert ranked == [rich["id"], plain["id"]]  # best first, each once, the third no match
    page = (await client.get("/v1/articles", params={"q": "grain", "sort": "relevance",
                                                     "limit": 1})).json()  # fmt: skip
    assert page["next_cursor"].count(".") == 1  # the rank travels in the cursor
    # each list that searches ranks its matches
    await ingest(client, MARKET_REPORT)
    for path, q in (("/v1/quotes", "corridor"), ("/v1/actors", "Hnatiuk"), ("/v1/places", "Odesa")):
        response = await client.get(path, params={"q": q, "sort": "relevance"})
        assert response.status_code == 200 and response.json()["data"], (path, response.text)


async def test_a_sort_that_cannot_apply_is_a_400(client: httpx.AsyncClient) -> None:
    await store_dated(client)
    cases = [
        ("/v1/claims", {"sort": "relevance"}, "sort"),  # claims are not searched
        ("/v1/actors", {"sort": "published_at"}, "sort"),
        ("/v1/articles", {"sort": "newest"}, "sort"),
    ]
    for path, params, name in cases:
        response = await client.get(path, params=params)
        assert response.status_code == 400, (path, params, response.text)
        assert response.json()["errors"][0]["name"] == name


async def test_count_and_facets_come_only_when_asked(client: httpx.AsyncClient) -> None:
    stored = await store_dated(client)
    plain = (await client.get("/v1/articles")).json()
    assert set(plain) == {"data", "next_cursor"}  # the same bytes as before these existed
    counted = (await client.get("/v1/articles", params={"count": "true", "limit": 1})).json()
    assert counted["meta"] == {"count": 5, "count_exact": True} and len(counted["data"]) == 1
    filtered = (await client.get("/v1/articles", params={"count": "true", "q": "number"})).json()
    assert filtered["meta"]["count"] == 5
    grouped = (await client.get("/v1/articles", params={"group_by": "source"})).json()
    assert grouped["meta"] == {"group_by": "source", "grouped": 5}
    # the source filter ignores case, and so does its facet: the key is what to filter on
    assert grouped["groups"] == [
        {"key": "harbour daily", "label": "Harbour Daily", "count": 4},
        {"key": "test wire", "label": "Test Wire", "count": 1},
    ]
    months = (await client.get("/v1/articles", params={"group_by": "published_month"})).json()
    assert [(g["key"], g["count"]) for g in months["groups"]] == [
        ("2025-12", 1), ("2025-11", 2), ("1969-07", 1), (None, 1)
    ]  # fmt: skip
    both = (await client.get("/v1/quotes", params={"group_by": "speaker", "count": "1"})).json()
    speakers = {g["label"]: g["count"] for g in both["groups"]}
    quotes = [q for a in stored for q in a["quotes"]]
    assert sum(speakers.values()) == both["meta"]["count"] == len(quotes)
    assert both["meta"]["grouped"] == len(quotes)


async def test_facets_of_claims_places_and_actors(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    await ingest(client, MARKET_REPORT)
    stances = (await client.get("/v1/claims", params={"group_by": "stance"})).json()["groups"]
    expected: dict[str, int] = {}
    for claim in wire["claims"]:
        expected[claim["stance"]] = expected.get(claim["stance"], 0) + 1
    assert {g["key"]: g["count"] for g in stances} == expected
    places = (await client.get("/v1/claims", params={"group_by": "place"})).json()["groups"]
    assert places[0]["label"] == "Siversk"
    countries = (await client.get("/v1/places", params={"group_by": "country"})).json()
    assert {g["key"] for g in countries["groups"]} >= {"UA"}
    kinds = (await client.get("/v1/actors", params={"group_by": "kind"})).json()
    assert sum(g["count"] for g in kinds["groups"]) == kinds["meta"]["grouped"]
    by_place = (await client.get("/v1/articles", params={"group_by": "place"})).json()
    assert {g["label"] for g in by_place["groups"]} >= {"Siversk", "Odesa"}
    assert by_place["meta"]["grouped"] == 2  # articles, though each names several places
    wrong = await client.get("/v1/claims", params={"group_by": "speaker"})
    assert wrong.status_code == 400


async def test_places_and_claims_as_geojson_pages_and_whole(client: httpx.AsyncClient) -> None:
    await ingest(client, WIRE_REPORT)
    await ingest(client, MARKET_REPORT)
    places = (await client.get("/v1/places", params={"limit": 200})).json()["data"]
    assert len(places) >= 3
    page = await client.get("/v1/places.geojson", params={"limit": 1})
    assert page.headers["content-type"].startswith("application/geo+json")
    collection = page.json()
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [places[0]["lon"],
                                                                   places[0]["lat"]]}  # fmt: skip
    assert feature["properties"] == places[0] and collection["next_cursor"]
    negotiated = await client.get(
        "/v1/places", params={"limit": 1}, headers={"accept": "application/geo+json"}
    )
    assert negotiated.json() == collection and negotiated.headers["vary"] == "Accept"
    for path, rows in (("/v1/places.geojson", places), ("/v1/claims.geojson", None)):
        whole = await client.get(path, params={"all": "true", "limit": 1})
        assert whole.status_code == 200 and whole.headers["content-type"].startswith(
            "application/geo+json")  # fmt: skip
        streamed = json.loads(whole.content)  # one document, well formed
        assert streamed["type"] == "FeatureCollection" and streamed["next_cursor"] is None
        listed = rows or (await client.get("/v1/claims", params={"limit": 200})).json()["data"]
        assert [f["id"] for f in streamed["features"]] == [r["id"] for r in listed]
    empty = await client.get("/v1/claims.geojson", params={"all": "true", "stance": "denied",
                                                           "place": "plc_" + "0" * 26})  # fmt: skip
    assert json.loads(empty.content) == {"type": "FeatureCollection", "features": [],
                                         "next_cursor": None}  # fmt: skip
