"""Every documented list filter and every detail read is served by an index.

Each named query behind a filter is EXPLAINed with realistic parameters, with sequential
scans made as expensive as the planner allows (`enable_seqscan = off`): on a small table the
planner would rightly scan, but when an index could serve the query it now takes it, so a Seq
Scan of articles, quotes or claims left in the plan means no index can. A scan of one of them
filtered by a subquery fails too: it tests every row, whichever index it walks. The plans are
made as the app's pool makes them (its connection settings, parameters bound).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
import pytest

from api.db.sql import query
from tests.fixtures import MARKET_REPORT, WIRE_REPORT
from tests.integration.conftest import ingest

# The tables that grow with every article: a scan of one of them grows with the corpus.
LARGE_TABLES = {"articles", "quotes", "claims"}

AFTER = datetime(2025, 1, 1, tzinfo=UTC)
BEFORE = datetime(2026, 1, 1, tzinfo=UTC)
# around Siversk (lon 38.1, lat 48.9), as (lon, lat) corners
BOX = ((37.0, 48.0), (39.0, 49.5))


def scans(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every node of a plan (subplans and init plans are children too)."""
    yield plan
    for child in plan.get("Plans", []):
        yield from scans(child)


async def large_table_scans(conn: Any, sql: str, params: list[Any]) -> list[str]:
    """How the plan of `sql` with these parameters reads a large table row by row: a Seq Scan,
    or a scan filtered by a subquery (`$n IS NULL OR id IN (SELECT …)` becomes one: a hashed
    SubPlan tested on every row, in whatever order the scan goes).

    The plan is made with the values, as the app's lists are planned at every call (their
    filters are optional parameters, `$n IS NULL OR …`, which only such a plan can drop).
    """
    plan = await conn.fetchval(f"EXPLAIN (FORMAT JSON) {sql}", *params)
    found = set()
    for node in scans(plan[0]["Plan"]):
        table = node.get("Relation Name")
        if table not in LARGE_TABLES:
            continue
        if node["Node Type"] == "Seq Scan":
            found.add(f"Seq Scan on {table}")
        if "SubPlan" in node.get("Filter", ""):
            found.add(f"{table} filtered by a subquery")
    return sorted(found)


def cases(ids: dict[str, str]) -> list[tuple[str, str, list[Any]]]:
    """(what, named query, parameters) for each documented filter and detail read, with the
    parameters in the order of the wrappers in api/db/reads.py."""
    a, actor, place, quote, claim = (
        ids[k] for k in ("article", "actor", "place", "quote", "claim")
    )

    def articles(**given: Any) -> list[Any]:
        order = ["q", "source", "actor", "place", "after", "before", "cursor"]
        return [given.get(k) for k in order] + [51]

    def quotes(**given: Any) -> list[Any]:
        order = ["speaker", "article", "q", "kind", "after", "before", "cursor"]
        return [given.get(k) for k in order] + [51]

    def claims(**given: Any) -> list[Any]:
        order = [
            "place", "controller", "claimant", "stance", "type", "modality", "bbox", "after",
            "before", "cursor",
        ]  # fmt: skip
        return [given.get(k) for k in order] + [51]

    return [
        ("articles: first page", "list_articles", articles()),
        ("articles: next page", "list_articles", articles(cursor=a)),
        ("articles: q", "list_articles", articles(q="talks envoy")),
        ("articles: source", "list_articles", articles(source="Test Wire")),
        ("articles: actor", "list_articles", articles(actor=actor)),
        ("articles: place", "list_articles", articles(place=place)),
        ("articles: published range", "list_articles", articles(after=AFTER, before=BEFORE)),
        ("articles: detail", "get_article", [a]),
        ("articles: detail actors", "article_actors", [a]),
        ("articles: detail quotes", "article_quotes", [a]),
        ("articles: detail claims", "article_claims", [a]),
        ("articles: detail places", "article_places", [a]),
        ("actors: first page", "list_actors", [None, None, None, 51]),
        ("actors: q", "list_actors", ["Sorokin", None, None, 51]),
        ("actors: kind", "list_actors", [None, "person", None, 51]),
        ("actors: detail", "get_actor", [actor]),
        ("quotes: first page", "list_quotes", quotes()),
        ("quotes: next page", "list_quotes", quotes(cursor=quote)),
        ("quotes: speaker", "list_quotes", quotes(speaker=actor)),
        ("quotes: article", "list_quotes", quotes(article=a)),
        ("quotes: q", "list_quotes", quotes(q="frank exchange")),
        ("quotes: kind", "list_quotes", quotes(kind="direct")),
        ("quotes: published range", "list_quotes", quotes(after=AFTER, before=BEFORE)),
        ("quotes: detail", "get_quote", [quote]),
        ("claims: first page", "list_claims", claims()),
        ("claims: next page", "list_claims", claims(cursor=claim)),
        ("claims: place", "list_claims", claims(place=place)),
        ("claims: controller", "list_claims", claims(controller=ids["controller"])),
        ("claims: claimant", "list_claims", claims(claimant=ids["claimant"])),
        ("claims: stance", "list_claims", claims(stance="denied")),
        ("claims: type", "list_claims", claims(type="capture")),
        ("claims: modality", "list_claims", claims(modality="factual")),
        ("claims: bbox", "list_claims", claims(bbox=BOX)),
        ("claims: claimed range", "list_claims", claims(after=AFTER, before=BEFORE)),
        ("claims: detail", "get_claim", [claim]),
        ("places: first page", "list_places", [None, None, None, None, 51]),
        ("places: q", "list_places", ["Siversk", None, None, None, 51]),
        ("places: country", "list_places", [None, "UA", None, None, 51]),
        ("places: bbox", "list_places", [None, None, BOX, None, 51]),
        ("places: detail", "get_place", [place]),
        ("places: claims timeline", "place_claims", [place, None, None, 51]),
        ("places: claims timeline, next page", "place_claims", [place, AFTER, claim, 51]),
    ]


@pytest.fixture
async def seeded(client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]) -> dict[str, str]:
    """Two ingested articles; the ids the filters name."""
    wire = await ingest(client, WIRE_REPORT)
    await ingest(client, MARKET_REPORT)
    row = await pool.fetchrow(
        "SELECT (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL LIMIT 1) AS actor,"
        " (SELECT place_id FROM claims WHERE place_id IS NOT NULL LIMIT 1) AS place,"
        " (SELECT controller_id FROM claims WHERE controller_id IS NOT NULL LIMIT 1) AS controller,"
        " (SELECT claimant_id FROM claims WHERE claimant_id IS NOT NULL LIMIT 1) AS claimant,"
        " (SELECT max(id) FROM quotes) AS quote, (SELECT max(id) FROM claims) AS claim"
    )
    assert row is not None and all(row.values()), dict(row or {})
    return {"article": wire["id"], **dict(row)}


async def test_every_filter_and_detail_read_uses_an_index(
    seeded: dict[str, str], pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    found = {}
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SET LOCAL enable_seqscan = off")
        for what, name, params in cases(seeded):
            seq = await large_table_scans(conn, query(name), params)
            if seq:
                found[what] = seq
    assert found == {}, f"large tables read row by row: {found}"


async def test_a_filter_no_index_serves_is_caught(pool: asyncpg.Pool[asyncpg.Record]) -> None:
    """The check itself can fail: no index covers quotes.cue, and an IN inside an OR stays a
    filter."""
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SET LOCAL enable_seqscan = off")
        no_index = "SELECT id FROM quotes WHERE cue = $1"
        assert await large_table_scans(conn, no_index, ["said"]) == ["Seq Scan on quotes"]
        in_or = (
            "SELECT id FROM quotes WHERE $1::text IS NULL OR id IN "
            "(SELECT id FROM quotes WHERE search @@ websearch_to_tsquery('english', $1)) "
            "ORDER BY id DESC LIMIT 51"
        )
        assert await large_table_scans(conn, in_or, ["frank"]) == ["quotes filtered by a subquery"]
