"""Lists, filters and keyset paging on every collection."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article


async def ingest_both(client: httpx.AsyncClient) -> tuple[dict[str, Any], dict[str, Any]]:
    wire = await client.post("/v1/articles", json=WIRE_REPORT)
    market = await client.post("/v1/articles", json=MARKET_REPORT)
    assert wire.status_code == market.status_code == 201
    return wire.json(), market.json()


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["data"]]


async def test_article_filters(client: httpx.AsyncClient) -> None:
    wire, market = await ingest_both(client)
    assert ids(await client.get("/v1/articles")) == [market["id"], wire["id"]]
    assert ids(await client.get("/v1/articles", params={"q": "grain corridor"})) == [market["id"]]
    assert ids(await client.get("/v1/articles", params={"source": "Test Wire"})) == [wire["id"]]
    after = {"published_after": "2025-12-01T00:00:00Z"}
    assert ids(await client.get("/v1/articles", params=after)) == [wire["id"]]
    before = {"published_before": "2025-12-01T00:00:00Z"}
    assert ids(await client.get("/v1/articles", params=before)) == [market["id"]]
    sorokin = next(a for a in wire["actors"] if a["name"] == "Ivan Sorokin")
    assert ids(await client.get("/v1/articles", params={"actor": sorokin["id"]})) == [wire["id"]]
    odesa = next(p for p in market["places"] if p["name"] == "Odesa")
    assert ids(await client.get("/v1/articles", params={"place": odesa["id"]})) == [market["id"]]


async def test_paging_walks_every_article_once(client: httpx.AsyncClient) -> None:
    stored = []
    for n in range(5):
        body = article(MARKET_REPORT, body=f"Report number {n}: exports rose.", url=None)
        stored.append((await client.post("/v1/articles", json=body)).json()["id"])
    seen: list[str] = []
    url: str | None = "/v1/articles?limit=2"
    pages = 0
    while url is not None:
        response = await client.get(url)
        page = response.json()
        seen += [item["id"] for item in page["data"]]
        pages += 1
        if page["next_cursor"] is None:
            assert "link" not in response.headers
            url = None
        else:
            link = response.headers["link"]
            assert link.endswith('>; rel="next"') and "cursor=" in link
            url = link[1 : link.index(">")]
    assert pages == 3
    assert seen == list(reversed(stored))


async def test_actor_search_and_detail(client: httpx.AsyncClient) -> None:
    wire, _ = await ingest_both(client)
    found = (await client.get("/v1/actors", params={"q": "Kovalenco"})).json()["data"]
    assert "Oleh Kovalenko" in [a["name"] for a in found]
    people = (await client.get("/v1/actors", params={"kind": "person"})).json()["data"]
    assert people and all(a["kind"] == "person" for a in people)
    sorokin = next(a for a in wire["actors"] if a["name"] == "Ivan Sorokin")
    detail = (await client.get(f"/v1/actors/{sorokin['id']}")).json()
    assert detail["quotes"] >= 1 and detail["mentions"] >= 2
    assert detail["first_seen"] == detail["last_seen"] == "2025-12-03T10:00:00Z"


async def test_quote_filters(client: httpx.AsyncClient) -> None:
    wire, market = await ingest_both(client)
    sorokin = next(a for a in wire["actors"] if a["name"] == "Ivan Sorokin")
    by_sorokin = (await client.get("/v1/quotes", params={"speaker": sorokin["id"]})).json()["data"]
    assert by_sorokin and all(q["speaker"]["id"] == sorokin["id"] for q in by_sorokin)
    in_market = ids(await client.get("/v1/quotes", params={"article": market["id"]}))
    assert in_market and set(in_market) == {q["id"] for q in market["quotes"]}
    searched = (await client.get("/v1/quotes", params={"q": "corridor"})).json()["data"]
    assert [q["article_id"] for q in searched] == [market["id"]]
    direct = (await client.get("/v1/quotes", params={"kind": "direct"})).json()["data"]
    assert direct and all(q["kind"] == "direct" for q in direct)
    one = by_sorokin[0]
    assert (await client.get(f"/v1/quotes/{one['id']}")).json() == one


async def test_claim_filters(client: httpx.AsyncClient) -> None:
    wire, _ = await ingest_both(client)
    claims = (await client.get("/v1/claims")).json()["data"]
    assert claims
    assert {c["stance"] for c in claims} >= {"asserted", "denied"}
    siversk = next(p for p in wire["places"] if p["name"] == "Siversk")
    about = ids(await client.get("/v1/claims", params={"place": siversk["id"]}))
    assert about
    denied = (await client.get("/v1/claims", params={"stance": "denied"})).json()["data"]
    assert denied and all(c["stance"] == "denied" for c in denied)
    donbas = {"bbox": "36.0,47.5,38.5,49.5"}
    assert set(ids(await client.get("/v1/claims", params=donbas))) >= set(about)
    elsewhere = {"bbox": "0,0,1,1"}
    assert ids(await client.get("/v1/claims", params=elsewhere)) == []
    one = claims[0]
    assert (await client.get(f"/v1/claims/{one['id']}")).json() == one


async def test_claims_as_geojson(client: httpx.AsyncClient) -> None:
    await ingest_both(client)
    collection = await client.get("/v1/claims.geojson", params={"stance": "asserted"})
    assert collection.status_code == 200
    assert collection.headers["content-type"] == "application/geo+json"
    body = collection.json()
    assert body["type"] == "FeatureCollection" and body["features"]
    as_json = (await client.get("/v1/claims", params={"stance": "asserted"})).json()["data"]
    assert [f["properties"] for f in body["features"]] == as_json
    located = [f for f in body["features"] if f["properties"]["place"]]
    assert located
    for feature in located:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point"
        assert (lat, lon) == (feature["properties"]["lat"], feature["properties"]["lon"])
    negotiated = await client.get(
        "/v1/claims", params={"stance": "asserted"}, headers={"Accept": "application/geo+json"}
    )
    assert negotiated.headers["content-type"] == "application/geo+json"
    assert negotiated.headers["vary"] == "Accept"
    assert negotiated.json() == body


async def test_place_filters(client: httpx.AsyncClient) -> None:
    await ingest_both(client)
    found = (await client.get("/v1/places", params={"q": "Odessa"})).json()["data"]
    assert "Odesa" in [p["name"] for p in found]
    ukraine = (await client.get("/v1/places", params={"country": "UA"})).json()["data"]
    assert ukraine and all(p["country_code"] == "UA" for p in ukraine)
    box = (await client.get("/v1/places", params={"bbox": "30.0,46.0,31.5,47.0"})).json()["data"]
    assert [p["name"] for p in box] == ["Odesa"]
    detail = (await client.get(f"/v1/places/{box[0]['id']}")).json()
    assert detail["mentions"] >= 1 and detail["country_code"] == "UA"


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        ("/v1/articles", {"limit": "0"}, "limit"),
        ("/v1/articles", {"limit": "201"}, "limit"),
        ("/v1/articles", {"cursor": "garbage"}, "cursor"),
        ("/v1/articles", {"published_after": "not a date"}, "published_after"),
        ("/v1/quotes", {"published_before": "2025-12-01"}, "published_before"),
        ("/v1/articles", {"q": "a\x00b"}, "q"),
        ("/v1/articles", {"actor": "art_00000000000000000000000000"}, "actor"),
        ("/v1/actors", {"kind": "alien"}, "kind"),
        ("/v1/quotes", {"kind": "shouted"}, "kind"),
        ("/v1/claims", {"bbox": "1,2,3"}, "bbox"),
        ("/v1/claims", {"bbox": "190,0,5,1"}, "bbox"),
        ("/v1/claims", {"stance": "maybe"}, "stance"),
        ("/v1/places", {"country": "ukraine"}, "country"),
    ],
)
async def test_bad_parameters_are_400_naming_the_parameter(
    client: httpx.AsyncClient, path: str, params: dict[str, str], name: str
) -> None:
    response = await client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400
    assert name in [e["name"] for e in problem["errors"]]


async def test_health(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ready", "database": "ok"}


async def test_an_enumeration_filter_takes_several_values(client: httpx.AsyncClient) -> None:
    await client.post("/v1/articles", json=WIRE_REPORT)
    every = (await client.get("/v1/quotes", params={"limit": 200})).json()["data"]
    kinds = sorted({q["kind"] for q in every})
    assert len(kinds) >= 2, kinds
    one = (await client.get("/v1/quotes", params={"kind": kinds[0]})).json()["data"]
    both = (await client.get("/v1/quotes", params=[("kind", k) for k in kinds[:2]])).json()
    assert {q["kind"] for q in one} == {kinds[0]}
    assert {q["kind"] for q in both["data"]} == set(kinds[:2])
    assert len(both["data"]) == sum(q["kind"] in kinds[:2] for q in every)
    claims = await client.get("/v1/claims", params=[("stance", "asserted"), ("stance", "denied")])
    assert claims.status_code == 200 and len(claims.json()["data"]) >= 1
    comma = await client.get("/v1/quotes", params={"kind": "direct,partial"})  # not the form
    assert comma.status_code == 400 and comma.json()["errors"][0]["name"] == "kind"


async def test_the_source_filter_ignores_case(client: httpx.AsyncClient) -> None:
    stored = (await client.post("/v1/articles", json=WIRE_REPORT)).json()
    source = stored["source"]
    for asked in (source, source.lower(), source.upper()):
        found = (await client.get("/v1/articles", params={"source": asked})).json()["data"]
        assert [a["id"] for a in found] == [stored["id"]], asked
    assert (await client.get("/v1/articles", params={"source": "Other"})).json()["data"] == []
