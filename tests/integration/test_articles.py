"""POST/GET/DELETE /v1/articles against real Postgres."""

from __future__ import annotations

import asyncio
import re

import asyncpg
import httpx

from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article

PROBLEM = "application/problem+json"


async def post(client: httpx.AsyncClient, body: dict[str, object]) -> httpx.Response:
    return await client.post("/v1/articles", json=body)


async def test_ingest_returns_the_annotated_article(client: httpx.AsyncClient) -> None:
    response = await post(client, WIRE_REPORT)
    assert response.status_code == 201, response.text
    created = response.json()
    assert response.headers["location"] == f"/v1/articles/{created['id']}"
    assert created["id"].startswith("art_")
    assert created["body"] == WIRE_REPORT["body"]
    assert created["published_at"] == "2025-12-03T10:00:00Z"
    for field in ("actors", "quotes", "claims", "places"):
        assert created[field], f"no {field} extracted"

    # what the 201 adds about the ingest itself (test_near_duplicates.py)
    assert (created.pop("warnings"), created.pop("near_duplicates")) == ([], [])
    fetched = (await client.get(f"/v1/articles/{created['id']}")).json()
    assert fetched == created


async def test_every_span_points_into_the_body(client: httpx.AsyncClient) -> None:
    created = (await post(client, WIRE_REPORT)).json()
    body = created["body"]
    for quote in created["quotes"]:
        assert body[quote["start"] : quote["end"]] == quote["text"]
    for entity in created["actors"] + created["places"]:
        for span in entity["mentions"]:
            assert body[span["start"] : span["end"]] == span["text"]
    for claim in created["claims"]:
        evidence = claim["evidence"]
        assert body[evidence["start"] : evidence["end"]] == evidence["text"]


async def test_the_quote_has_its_speaker(client: httpx.AsyncClient) -> None:
    created = (await post(client, WIRE_REPORT)).json()
    quote = next(q for q in created["quotes"] if q["text"].startswith("We had a long and frank"))
    assert quote["kind"] == "direct"
    assert quote["speaker"]["name"] == "Ivan Sorokin"


async def test_same_url_or_same_body_returns_the_stored_article(client: httpx.AsyncClient) -> None:
    first = await post(client, WIRE_REPORT)
    again = await post(client, WIRE_REPORT)
    same_url = await post(client, article(WIRE_REPORT, body="Another text entirely."))
    same_body = await post(client, article(WIRE_REPORT, url="https://mirror.example/copy"))
    assert first.status_code == 201
    assert [r.status_code for r in (again, same_url, same_body)] == [200, 200, 200]
    assert {r.json()["id"] for r in (first, again, same_url, same_body)} == {first.json()["id"]}


async def test_concurrent_posts_of_one_article_store_it_once(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    responses = await asyncio.gather(*(post(client, MARKET_REPORT) for _ in range(8)))
    assert sorted(r.status_code for r in responses) == [200] * 7 + [201]
    assert len({r.json()["id"] for r in responses}) == 1
    assert await pool.fetchval("SELECT count(*) FROM articles") == 1


async def test_unknown_and_malformed_ids(client: httpx.AsyncClient) -> None:
    missing = await client.get("/v1/articles/art_00000000000000000000000000")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == PROBLEM
    assert missing.json()["status"] == 404
    malformed = await client.get("/v1/articles/not-an-id")
    assert malformed.status_code == 400
    assert malformed.json()["errors"][0]["name"] == "article_id"


async def test_delete_removes_the_article_and_what_came_from_it(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    kept = (await post(client, MARKET_REPORT)).json()
    gone = (await post(client, WIRE_REPORT)).json()
    assert (await client.delete(f"/v1/articles/{gone['id']}")).status_code == 204
    assert (await client.get(f"/v1/articles/{gone['id']}")).status_code == 404
    assert (await client.delete(f"/v1/articles/{gone['id']}")).status_code == 404
    for table in ("quotes", "claims", "mentions", "place_mentions", "article_actors"):
        left = await pool.fetchval(
            f"SELECT count(*) FROM {table} WHERE article_id = $1", gone["id"]
        )
        assert left == 0, table
    # actors only the deleted article involved are gone; the other article's remain
    actor_ids = {a["id"] for a in kept["actors"]}
    stored = {r["id"] for r in await pool.fetch("SELECT id FROM actors")}
    assert stored == actor_ids


async def test_validation_errors_name_the_field(client: httpx.AsyncClient) -> None:
    missing_title = await post(client, {"body": "Text."})
    assert missing_title.status_code == 400
    assert missing_title.headers["content-type"] == PROBLEM
    assert "title" in missing_title.json()["detail"]

    bad_date = await post(client, article(WIRE_REPORT, published_at="yesterday"))
    assert bad_date.status_code == 400
    assert "published_at" in bad_date.json()["detail"]

    naive_date = await post(client, article(WIRE_REPORT, published_at="2025-12-03T10:00:00"))
    assert naive_date.status_code == 400

    bad_url = await post(client, article(WIRE_REPORT, url="ftp://x"))
    assert bad_url.status_code == 400

    not_json = await client.post(
        "/v1/articles", content=b"{", headers={"content-type": "application/json"}
    )
    assert not_json.status_code == 400


async def test_unstorable_text_is_a_4xx_not_a_500(client: httpx.AsyncClient) -> None:
    nul = await post(client, article(WIRE_REPORT, body="A\x00B", url=None))
    assert nul.status_code == 400
    assert "body" in nul.json()["detail"]
    blank = await post(client, article(WIRE_REPORT, title="   ", url=None))
    assert blank.status_code == 400
    assert "title" in blank.json()["detail"]
    surrogate = await client.post(
        "/v1/articles",
        content=b'{"title": "x", "body": "lone \\ud800 surrogate"}',
        headers={"content-type": "application/json"},
    )
    assert surrogate.status_code == 400
    assert "malformed" in surrogate.json()["detail"]


async def test_body_limits(client: httpx.AsyncClient) -> None:
    too_long = await post(client, article(WIRE_REPORT, body="word " * 40_001, url=None))
    assert too_long.status_code == 400
    assert "body" in too_long.json()["detail"]
    too_large = await client.post(
        "/v1/articles",
        content=b'{"title": "x", "body": "' + b"a" * 2_100_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert too_large.status_code == 413
    assert too_large.headers["content-type"] == PROBLEM


async def test_etag_and_304(client: httpx.AsyncClient) -> None:
    created = (await post(client, WIRE_REPORT)).json()
    first = await client.get(f"/v1/articles/{created['id']}")
    etag = first.headers["etag"]
    cached = await client.get(f"/v1/articles/{created['id']}", headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert cached.content == b""
    other = await client.get(f"/v1/articles/{created['id']}", headers={"If-None-Match": '"nope"'})
    assert other.status_code == 200


async def test_confidences_read_as_written_without_float_noise(client: httpx.AsyncClient) -> None:
    response = await post(client, WIRE_REPORT)
    scores = [e["confidence"] for e in response.json()["quotes"] + response.json()["claims"]]
    assert scores and all(s == round(s, 3) for s in scores)
    # the bytes too: no 0.8999999761581421 from a single-precision column
    assert not re.search(r'"confidence":\d\.\d{4,}', response.text)
    listed = await client.get("/v1/quotes")
    assert not re.search(r'"confidence":\d\.\d{4,}', listed.text)


async def test_an_article_in_another_language_is_refused_naming_it(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    body = (
        "Der Bundeskanzler sagte am Montag in Berlin, die Regierung werde neue Maßnahmen "
        "gegen die steigenden Energiepreise ergreifen. Die Opposition kritisierte den Plan."
    )
    response = await post(client, article(WIRE_REPORT, body=body, url="https://de.example/1"))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"] == "/problems/unprocessable-article"
    assert problem["errors"][0]["name"] == "body"
    assert "reads as German (de" in problem["errors"][0]["message"]
    assert await pool.fetchval("SELECT count(*) FROM articles") == 0
