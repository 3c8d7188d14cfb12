"""Every filter, every list's paging, every detail's 404, and the errors in between."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest

from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article
from tests.integration.conftest import ingest

LISTS = ["/v1/articles", "/v1/actors", "/v1/quotes", "/v1/claims", "/v1/places"]
DETAILS = {
    "/v1/articles/art_": "article",
    "/v1/actors/act_": "actor",
    "/v1/quotes/quo_": "quote",
    "/v1/claims/clm_": "claim",
    "/v1/places/plc_": "place",
}


def data(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["data"]
    return rows


@pytest.mark.parametrize("path", LISTS)
async def test_every_list_pages_without_gaps_or_repeats(
    client: httpx.AsyncClient, path: str
) -> None:
    await ingest(client, WIRE_REPORT)
    await ingest(client, MARKET_REPORT)
    everything = [row["id"] for row in data(await client.get(path, params={"limit": 200}))]
    assert len(everything) >= 2
    walked: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1} | ({"cursor": cursor} if cursor else {})
        page = (await client.get(path, params=params)).json()
        walked += [row["id"] for row in page["data"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert walked == everything


@pytest.mark.parametrize("path", LISTS)
async def test_lists_answer_304_to_their_etag(client: httpx.AsyncClient, path: str) -> None:
    await ingest(client, MARKET_REPORT)
    first = await client.get(path)
    again = await client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    await ingest(client, WIRE_REPORT)  # the list changes, so its ETag does
    changed = await client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert changed.status_code == 200


@pytest.mark.parametrize(("prefix", "kind"), DETAILS.items())
async def test_every_detail_answers_404_for_an_unknown_id(
    client: httpx.AsyncClient, prefix: str, kind: str
) -> None:
    response = await client.get(prefix + "0" * 26)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert kind in response.json()["detail"]


async def test_claim_filters_by_actor_type_modality_and_date(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    claims = wire["claims"]
    russia = next(a for a in wire["actors"] if a["name"] == "Russia")
    controlled = data(await client.get("/v1/claims", params={"controller": russia["id"]}))
    assert controlled and all(c["controller"]["id"] == russia["id"] for c in controlled)
    ukraine = next(a for a in wire["actors"] if a["name"] == "Ukraine")
    by_ukraine = data(await client.get("/v1/claims", params={"claimant": ukraine["id"]}))
    assert [c["stance"] for c in by_ukraine] == ["denied"]
    captures = data(await client.get("/v1/claims", params={"type": "capture"}))
    assert {c["id"] for c in captures} == {c["id"] for c in claims if c["type"] == "capture"}
    factual = data(await client.get("/v1/claims", params={"modality": "factual"}))
    assert {c["id"] for c in factual} == {c["id"] for c in claims if c["modality"] == "factual"}
    assert data(await client.get("/v1/claims", params={"modality": "hypothetical"})) == []
    on_day = {"published_after": "2025-12-03T00:00:00Z", "published_before": "2025-12-04T00:00:00Z"}
    assert len(data(await client.get("/v1/claims", params=on_day))) == len(claims)
    later = {"published_after": "2025-12-04T00:00:00Z"}
    assert data(await client.get("/v1/claims", params=later)) == []


async def test_quote_date_range(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    market = await ingest(client, MARKET_REPORT)
    december = data(
        await client.get("/v1/quotes", params={"published_after": "2025-12-01T00:00:00Z"})
    )
    assert {q["article_id"] for q in december} == {wire["id"]}
    november = data(
        await client.get("/v1/quotes", params={"published_before": "2025-12-01T00:00:00+00:00"})
    )
    assert {q["article_id"] for q in november} == {market["id"]}


async def test_an_actor_shared_by_two_articles_survives_deleting_one(
    client: httpx.AsyncClient,
) -> None:
    first = await ingest(client, WIRE_REPORT)
    second = await ingest(
        client,
        article(
            WIRE_REPORT,
            url="https://news.example/follow-up",
            body="Ivan Sorokin said on Friday that the next round of talks would follow soon.",
        ),
    )
    shared = next(a for a in second["actors"] if a["name"] == "Ivan Sorokin")
    assert shared["id"] in {a["id"] for a in first["actors"]}
    before = (await client.get(f"/v1/actors/{shared['id']}")).json()
    assert (await client.delete(f"/v1/articles/{first['id']}")).status_code == 204
    after = (await client.get(f"/v1/actors/{shared['id']}")).json()
    assert after["mentions"] == before["mentions"] - len(
        next(a for a in first["actors"] if a["id"] == shared["id"])["mentions"]
    )
    his_quotes = [q for q in second["quotes"] if (q["speaker"] or {}).get("id") == shared["id"]]
    assert after["quotes"] == len(his_quotes)  # the deleted article's quotes no longer count


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+01:00"])
async def test_times_outside_the_representable_range_are_400(
    client: httpx.AsyncClient, value: str
) -> None:
    listed = await client.get("/v1/articles", params={"published_after": value})
    assert listed.status_code == 400
    assert listed.json()["errors"][0]["name"] == "published_after"
    posted = await client.post("/v1/articles", json=article(MARKET_REPORT, published_at=value))
    assert posted.status_code == 400
    assert posted.json()["errors"][0]["name"] == "published_at"


async def test_a_very_long_url_is_stored(client: httpx.AsyncClient) -> None:
    url = "https://news.example/" + "新闻" * 1000  # 6 kB of UTF-8: larger than a b-tree entry
    first = await client.post("/v1/articles", json=article(MARKET_REPORT, url=url))
    again = await client.post("/v1/articles", json=article(MARKET_REPORT, url=url, body="Other."))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]


async def test_a_body_that_is_not_json_is_415(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/articles", content=b"title=x", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"


async def test_lost_connections_answer_503_and_the_pool_recovers(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], database_url: str
) -> None:
    """Every connection of the app is killed by the server. The next request either finds out
    (a 503 problem, not a 500, not a hang) or was lucky enough to get a fresh connection; the
    one after it works either way."""
    await ingest(client, MARKET_REPORT)
    async with pool.acquire():  # make sure the pool holds at least one open connection
        pass
    admin = await asyncpg.connect(database_url)
    try:
        killed = await admin.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name = 'gazette'"
        )
    finally:
        await admin.close()
    assert killed >= 1
    first = await client.get("/v1/articles")
    assert first.status_code in (200, 503)
    if first.status_code == 503:
        assert first.headers["content-type"] == "application/problem+json"
        assert first.headers["retry-after"]
    recovered = await client.get("/v1/articles")
    assert recovered.status_code == 200, recovered.text
    assert len(recovered.json()["data"]) == 1
