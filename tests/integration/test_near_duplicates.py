"""Near-duplicates and body warnings on real Postgres: the same story posted again with a line
added is reported with the stored one's id, unrelated articles are not, short and paywalled
bodies are stored with a warning; the bands index finds the candidates, and the bands of the
migration keep the promise the fingerprint module makes (within 5 bits: a band in common)."""

from __future__ import annotations

import random
from typing import Any

import asyncpg
import httpx

from api.db.sql import shaped
from api.extract.fingerprint import MAX_BITS, distance, simhash
from tests.fixtures import FERRY, MARKET_REPORT, REPUBLISHED, WIRE_REPORT, article
from tests.integration.test_query_plans import large_table_scans, scans


async def post(client: httpx.AsyncClient, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/v1/articles", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def test_the_same_story_again_is_reported_and_unrelated_ones_are_not(
    client: httpx.AsyncClient,
) -> None:
    assert distance(simhash(FERRY["body"]), simhash(REPUBLISHED["body"])) <= MAX_BITS
    first = await post(client, FERRY)
    assert (first["near_duplicates"], first["warnings"]) == ([], [])
    unrelated = await post(client, WIRE_REPORT)
    assert unrelated["near_duplicates"] == []
    again = await post(client, REPUBLISHED)
    assert again["near_duplicates"] == [first["id"]]
    [warning] = again["warnings"]
    assert warning["code"] == "near_duplicate" and first["id"] in warning["message"]
    # the exact copy is still the stored article, answered with 200 and no new fields
    same = await client.post("/v1/articles", json=article(FERRY, url=None))
    assert same.status_code == 200 and same.json()["id"] == first["id"]
    assert "near_duplicates" not in same.json()
    # the article read back is the article: warnings belong to the answer of its ingest
    fetched = (await client.get(f"/v1/articles/{again['id']}")).json()
    assert fetched == {k: v for k, v in again.items() if k not in ("warnings", "near_duplicates")}


async def test_short_and_paywalled_bodies_are_stored_with_warnings(
    client: httpx.AsyncClient,
) -> None:
    short = await post(client, MARKET_REPORT)
    assert [w["code"] for w in short["warnings"]] == ["tiny_body"]
    teaser = "\n".join(FERRY["body"].split("\n")[:2])  # the first two paragraphs
    notice = "This article is for subscribers only. Already a subscriber? Sign in."
    walled = article(FERRY, url="https://harbour.example/walled", body=f"{teaser}\n{notice}")
    created = await post(client, walled)
    assert [w["code"] for w in created["warnings"]] == ["paywalled"]
    assert (await client.get(f"/v1/articles/{created['id']}")).status_code == 200


async def test_the_bands_index_finds_the_candidates(pool: asyncpg.Pool[asyncpg.Record]) -> None:
    shape = shaped("near_duplicate_articles", frozenset({"simhash", "max_bits", "article_id",
                                                         "limit"}))  # fmt: skip
    params = {"simhash": simhash(FERRY["body"]), "max_bits": MAX_BITS, "article_id": "art_x",
              "limit": 20}  # fmt: skip
    args = [params[p] for p in shape.parameters]
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SET LOCAL enable_seqscan = off")
        assert await large_table_scans(conn, shape.text, args) == []
        # on a small table a walk of the primary key's whole index may look as cheap as the
        # bands: take that option away too, so the plan shows whether the bands can serve
        await conn.execute("SET LOCAL enable_indexscan = off")
        plan = await conn.fetchval(f"EXPLAIN (FORMAT JSON) {shape.text}", *args)
    used = {node.get("Index Name") for node in scans(plan[0]["Plan"])}
    assert "articles_simhash_bands_idx" in used


async def test_fingerprints_within_five_bits_share_a_band(
    pool: asyncpg.Pool[asyncpg.Record],
) -> None:
    """The pigeonhole the lookup relies on, checked on the migration's own SQL function,
    with bit_count agreeing with the Python distance."""
    chance = random.Random(17)
    pairs = []
    for _ in range(300):
        a = chance.getrandbits(64)
        b = a
        for bit in chance.sample(range(64), chance.randint(0, MAX_BITS)):
            b ^= 1 << bit
        pairs.append((a - (1 << 64) if a >= 1 << 63 else a, b - (1 << 64) if b >= 1 << 63 else b))
    rows = await pool.fetch(
        "SELECT simhash_bands(a) && simhash_bands(b) AS shared,"
        " bit_count((a # b)::bit(64)) AS bits"
        " FROM unnest($1::bigint[], $2::bigint[]) AS p(a, b)",
        [a for a, _ in pairs],
        [b for _, b in pairs],
    )
    assert all(row["shared"] for row in rows)
    assert [row["bits"] for row in rows] == [distance(a, b) for a, b in pairs]
