"""Corrections by people: PATCH quotes and actors, merges with redirects, re-extraction that
keeps what people curated, and actors resolved across articles."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx

from api.extract import Extractor
from api.services.reextract import reextract_article
from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article
from tests.integration.conftest import ingest

EDITOR = "desk@news.example"


def actor_named(created: dict[str, Any], name: str) -> dict[str, Any]:
    return next(a for a in created["actors"] if a["name"] == name)


async def test_patch_quote_speaker_kind_and_span(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    quote = next(q for q in wire["quotes"] if q["kind"] == "direct")
    other = actor_named(wire, "Oleh Kovalenko")
    start = quote["start"] + 7  # drop the first words
    response = await client.patch(
        f"/v1/quotes/{quote['id']}",
        json={"curator": EDITOR, "speaker": other["id"], "kind": "partial",
              "start": start, "end": quote["end"]},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    patched = response.json()
    assert patched["speaker"] == {"id": other["id"], "name": "Oleh Kovalenko"}
    assert patched["kind"] == "partial"
    assert patched["text"] == wire["body"][start : quote["end"]]
    assert patched["curated"] is True and patched["curated_by"] == EDITOR
    assert patched["curated_at"] is not None
    assert (await client.get(f"/v1/quotes/{quote['id']}")).json() == patched

    cleared = await client.patch(
        f"/v1/quotes/{quote['id']}", json={"curator": EDITOR, "speaker": None}
    )
    assert cleared.json()["speaker"] is None and cleared.json()["kind"] == "partial"


async def test_patch_quote_rejects_what_cannot_apply(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    quote_id = wire["quotes"][0]["id"]
    path = f"/v1/quotes/{quote_id}"
    beyond = await client.patch(path, json={"curator": EDITOR, "start": 0, "end": 10**5})
    assert beyond.status_code == 422 and beyond.json()["errors"][0]["name"] == "end"
    half = await client.patch(path, json={"curator": EDITOR, "start": 3})
    assert half.status_code == 422
    nobody = await client.patch(
        path, json={"curator": EDITOR, "speaker": "act_00000000000000000000000000"}
    )
    assert nobody.status_code == 422 and nobody.json()["errors"][0]["name"] == "speaker"
    no_curator = await client.patch(path, json={"kind": "direct"})
    assert no_curator.status_code == 400
    missing = await client.patch(
        "/v1/quotes/quo_00000000000000000000000000", json={"curator": EDITOR}
    )
    assert missing.status_code == 404
    unchanged = (await client.get(path)).json()
    assert unchanged["curated"] is False


async def test_patch_actor_and_name_conflicts(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    sorokin = actor_named(wire, "Ivan Sorokin")
    response = await client.patch(
        f"/v1/actors/{sorokin['id']}",
        json={"curator": EDITOR, "name": "Ivan P. Sorokin", "aliases": ["Sorokin", "I. Sorokin"]},
    )
    assert response.status_code == 200, response.text
    patched = response.json()
    assert patched["name"] == "Ivan P. Sorokin"
    assert sorted(patched["aliases"]) == ["I. Sorokin", "Ivan Sorokin", "Sorokin"]
    assert patched["curated"] is True and patched["curated_by"] == EDITOR
    kovalenko = actor_named(wire, "Oleh Kovalenko")
    clash = await client.patch(
        f"/v1/actors/{kovalenko['id']}", json={"curator": EDITOR, "name": "Ivan P. Sorokin"}
    )
    assert clash.status_code == 409
    assert clash.headers["content-type"] == "application/problem+json"


async def test_merge_moves_everything_and_redirects(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    survivor = actor_named(wire, "Ivan Sorokin")
    absorbed = actor_named(wire, "Oleh Kovalenko")
    his_quotes = [
        q["id"] for q in wire["quotes"] if (q["speaker"] or {}).get("id") == absorbed["id"]
    ]
    assert his_quotes
    response = await client.post(
        f"/v1/actors/{survivor['id']}/merge", json={"curator": EDITOR, "absorb": absorbed["id"]}
    )
    assert response.status_code == 200, response.text
    merged = response.json()
    assert "Oleh Kovalenko" in merged["aliases"]
    for quote_id in his_quotes:
        quote = (await client.get(f"/v1/quotes/{quote_id}")).json()
        assert quote["speaker"]["id"] == survivor["id"]
    moved = await client.get(f"/v1/actors/{absorbed['id']}", follow_redirects=False)
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/v1/actors/{survivor['id']}"
    refreshed = (await client.get(f"/v1/articles/{wire['id']}")).json()
    assert absorbed["id"] not in {a["id"] for a in refreshed["actors"]}

    # a second merge carries the first redirect along
    third = actor_named(wire, "Ukraine")
    again = await client.post(
        f"/v1/actors/{third['id']}/merge", json={"curator": EDITOR, "absorb": survivor["id"]}
    )
    assert again.status_code == 200
    chained = await client.get(f"/v1/actors/{absorbed['id']}", follow_redirects=False)
    assert chained.headers["location"] == f"/v1/actors/{third['id']}"


async def test_merge_rejects_itself_and_unknown_actors(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    actor_id = actor_named(wire, "Ivan Sorokin")["id"]
    itself = await client.post(
        f"/v1/actors/{actor_id}/merge", json={"curator": EDITOR, "absorb": actor_id}
    )
    assert itself.status_code == 422
    unknown = await client.post(
        f"/v1/actors/{actor_id}/merge",
        json={"curator": EDITOR, "absorb": "act_00000000000000000000000000"},
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["name"] == "absorb"
    no_survivor = await client.post(
        "/v1/actors/act_00000000000000000000000000/merge",
        json={"curator": EDITOR, "absorb": actor_id},
    )
    assert no_survivor.status_code == 404


async def test_reextraction_keeps_curated_quotes_and_actors(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor
) -> None:
    wire = await ingest(client, WIRE_REPORT)
    quote = next(q for q in wire["quotes"] if q["kind"] == "direct")
    other = actor_named(wire, "Oleh Kovalenko")
    await client.patch(
        f"/v1/quotes/{quote['id']}", json={"curator": EDITOR, "speaker": other["id"]}
    )
    sorokin = actor_named(wire, "Ivan Sorokin")
    await client.patch(
        f"/v1/actors/{sorokin['id']}", json={"curator": EDITOR, "aliases": ["The Spokesman"]}
    )

    change = await reextract_article(pool, extractor, wire["id"])
    assert change is not None and change.kept_curated_quotes == 1

    after = (await client.get(f"/v1/articles/{wire['id']}")).json()
    kept = [q for q in after["quotes"] if q["id"] == quote["id"]]
    assert kept and kept[0]["speaker"]["id"] == other["id"] and kept[0]["curated"]
    same_span = [q for q in after["quotes"] if q["start"] == quote["start"]]
    assert len(same_span) == 1  # no extracted duplicate next to the curated quote
    assert len(after["quotes"]) == len(wire["quotes"])
    actor = (await client.get(f"/v1/actors/{sorokin['id']}")).json()
    assert actor["aliases"] == ["The Spokesman"]  # the extractor's "Sorokin" was not re-added
    assert actor["mentions"] == len(sorokin["mentions"])  # counts hold after re-extraction


async def test_reextraction_of_an_unchanged_article_changes_nothing(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor
) -> None:
    market = await ingest(client, MARKET_REPORT)
    change = await reextract_article(pool, extractor, market["id"])
    assert change is not None and not change.changed, change
    assert await reextract_article(pool, extractor, "art_00000000000000000000000000") is None


async def test_one_person_across_articles_and_namesakes_kept_apart(
    client: httpx.AsyncClient,
) -> None:
    first = await ingest(client, WIRE_REPORT)
    follow_up = await ingest(
        client,
        article(
            WIRE_REPORT,
            url="https://news.example/sorokin-again",
            body="Speaking in Minsk, Ivan Sorokin said the envoy would return. "
            "Sorokin gave no date.",
        ),
    )
    namesake = await ingest(
        client,
        article(
            MARKET_REPORT,
            url="https://news.example/another-sorokin",
            body="Chess player Pavel Sorokin won the tournament in Lviv. "
            "Sorokin said he was tired.",
        ),
    )
    ivan = actor_named(first, "Ivan Sorokin")["id"]
    assert actor_named(follow_up, "Ivan Sorokin")["id"] == ivan
    assert actor_named(namesake, "Pavel Sorokin")["id"] != ivan
    people = (await client.get("/v1/actors", params={"q": "Sorokin", "kind": "person"})).json()
    assert {a["name"] for a in people["data"]} == {"Ivan Sorokin", "Pavel Sorokin"}
    ivan_now = (await client.get(f"/v1/actors/{ivan}")).json()
    assert ivan_now["first_seen"] == "2025-12-03T10:00:00Z"


async def test_curated_kind_and_name_survive_reextraction(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor
) -> None:
    wire = await ingest(client, WIRE_REPORT)
    sorokin = actor_named(wire, "Ivan Sorokin")
    await client.patch(
        f"/v1/actors/{sorokin['id']}",
        json={"curator": EDITOR, "kind": "organization", "name": "Ivan P. Sorokin"},
    )
    await reextract_article(pool, extractor, wire["id"])
    after = (await client.get(f"/v1/articles/{wire['id']}")).json()
    same = [a for a in after["actors"] if "Sorokin" in a["name"]]
    assert [(a["id"], a["name"], a["kind"]) for a in same] == [
        (sorokin["id"], "Ivan P. Sorokin", "organization")
    ]
    assert (await client.get(f"/v1/actors/{sorokin['id']}")).json()["mentions"] > 0


async def test_a_merge_teaches_resolution_the_absorbed_name(client: httpx.AsyncClient) -> None:
    """After "Sorokin" (alone) is merged into Ivan Sorokin, a later article's bare "Sorokin"
    resolves to him: a curator's alias decides where a surname alone would not."""
    first = await ingest(client, WIRE_REPORT)
    ivan = actor_named(first, "Ivan Sorokin")["id"]
    bare = await ingest(
        client,
        article(WIRE_REPORT, url="https://news.example/bare", body="Sorokin said talks went well."),
    )
    lone = actor_named(bare, "Sorokin")["id"]
    assert lone != ivan
    merged = await client.post(f"/v1/actors/{ivan}/merge", json={"curator": EDITOR, "absorb": lone})
    assert merged.status_code == 200
    later = await ingest(
        client,
        article(WIRE_REPORT, url="https://news.example/later", body="Sorokin said it again."),
    )
    assert actor_named(later, "Ivan Sorokin")["id"] == ivan


async def test_merged_ids_stand_for_the_survivor(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    survivor = actor_named(wire, "Ivan Sorokin")["id"]
    absorbed = actor_named(wire, "Oleh Kovalenko")["id"]
    await client.post(f"/v1/actors/{survivor}/merge", json={"curator": EDITOR, "absorb": absorbed})
    by_old = (await client.get("/v1/quotes", params={"speaker": absorbed})).json()["data"]
    by_new = (await client.get("/v1/quotes", params={"speaker": survivor})).json()["data"]
    assert by_old == by_new and by_new
    patched = await client.patch(
        f"/v1/actors/{absorbed}", json={"curator": EDITOR, "aliases": ["Spokesman"]}
    )
    assert patched.status_code == 200 and patched.json()["id"] == survivor
    again = await client.post(
        f"/v1/actors/{survivor}/merge", json={"curator": EDITOR, "absorb": absorbed}
    )
    assert again.status_code == 422  # already merged into it


async def test_a_blank_name_or_alias_is_422(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    actor_id = actor_named(wire, "Ivan Sorokin")["id"]
    for body in ({"name": "\u00a0"}, {"aliases": ["ok", "  "]}):
        response = await client.patch(f"/v1/actors/{actor_id}", json={"curator": EDITOR, **body})
        assert response.status_code == 422, body
    assert (await client.get(f"/v1/actors/{actor_id}")).json()["name"] == "Ivan Sorokin"


async def test_deeply_nested_ignored_fields_are_400(client: httpx.AsyncClient) -> None:
    nested = b"[" * 5000 + b"]" * 5000
    for method, path, prefix in (
        ("POST", "/v1/articles", b'{"title": "t", "body": "b", "junk": '),
        ("PATCH", "/v1/quotes/quo_00000000000000000000000000", b'{"curator": "c", "junk": '),
    ):
        response = await client.request(
            method, path, content=prefix + nested + b"}",
            headers={"content-type": "application/json"},
        )  # fmt: skip
        assert response.status_code == 400, (path, response.text)


async def test_a_replaced_speaker_leaves_the_article(client: httpx.AsyncClient) -> None:
    market = await ingest(client, MARKET_REPORT)
    quote = market["quotes"][0]
    speaker = quote["speaker"]["id"]
    cleared = await client.patch(
        f"/v1/quotes/{quote['id']}", json={"curator": EDITOR, "speaker": None}
    )
    assert cleared.status_code == 200
    # Marta Hnatiuk is still mentioned by name in the article, so she stays involved
    after = (await client.get(f"/v1/articles/{market['id']}")).json()
    assert speaker in {a["id"] for a in after["actors"]}


async def test_every_correction_records_the_api_key_that_made_it(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    """`curator` is whatever the client writes; the key that sent the change is recorded
    beside it, where the client cannot choose it."""
    key_id = await pool.fetchval("SELECT id FROM api_keys WHERE name = 'tests (admin)'")
    wire = await ingest(client, WIRE_REPORT)
    quote = wire["quotes"][0]
    patched = await client.patch(
        f"/v1/quotes/{quote['id']}", json={"curator": "anyone at all", "kind": "partial"}
    )
    assert patched.status_code == 200, patched.text
    sorokin, kovalenko = actor_named(wire, "Ivan Sorokin"), actor_named(wire, "Oleh Kovalenko")
    renamed = await client.patch(
        f"/v1/actors/{sorokin['id']}", json={"curator": EDITOR, "name": "Ivan P. Sorokin"}
    )
    assert renamed.status_code == 200, renamed.text
    merged = await client.post(
        f"/v1/actors/{sorokin['id']}/merge", json={"curator": EDITOR, "absorb": kovalenko["id"]}
    )
    assert merged.status_code == 200, merged.text
    assert (
        await pool.fetchval("SELECT curated_key FROM quotes WHERE id = $1", quote["id"]) == key_id
    )
    assert (
        await pool.fetchval("SELECT curated_key FROM actors WHERE id = $1", sorokin["id"]) == key_id
    )
    assert (
        await pool.fetchval(
            "SELECT merged_key FROM actor_redirects WHERE old_id = $1", kovalenko["id"]
        )
        == key_id
    )


async def test_reextraction_keeps_the_ids_of_what_it_finds_again(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor
) -> None:
    """Before: every non-curated quote and claim got a new id, and a client holding one got
    a 404 after `gazette reextract`."""
    wire = await ingest(client, WIRE_REPORT)
    await reextract_article(pool, extractor, wire["id"])
    again = (await client.get(f"/v1/articles/{wire['id']}")).json()
    assert {q["id"] for q in again["quotes"]} == {q["id"] for q in wire["quotes"]}
    assert {c["id"] for c in again["claims"]} == {c["id"] for c in wire["claims"]}
    for quote in wire["quotes"]:
        assert (await client.get(f"/v1/quotes/{quote['id']}")).status_code == 200
    answers = [c for c in again["claims"] if c["responds_to"]]
    assert answers and all(c["responds_to"] in {x["id"] for x in again["claims"]} for c in answers)
