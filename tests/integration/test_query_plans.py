"""Every documented list filter and every detail read is served by an index.

Each named query behind a filter (in the shape of the filters given: api.db.sql.shaped) is
EXPLAINed with realistic parameters, with sequential scans made as expensive as the planner
allows (`enable_seqscan = off`): on a small table the planner would rightly scan, but when an
index could serve the query it now takes it, so a Seq Scan of articles, quotes or claims left
in the plan means no index can. A scan of one of them filtered by a subquery fails too: it
tests every row, whichever index it walks. The plans are the ones the app's pool serves: a
prepared statement's generic plan (its connections force it), made without the values, or,
for a list's filters whose plans depend on their values (`-- planned per call:`), the plan
made with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
import pytest

from api.db.sql import Shape, choice, shaped
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


def literal(value: Any) -> str:
    """A parameter as SQL text, for EXECUTE (which takes no bound parameters)."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return f"'{value.isoformat()}'"
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):  # several values
        return "'{" + ",".join(value) + "}'"
    if isinstance(value, tuple):  # a box: ((x1, y1), (x2, y2))
        (x1, y1), (x2, y2) = value
        return f"'(({x1},{y1}),({x2},{y2}))'"
    return "'" + str(value).replace("'", "''") + "'"


async def large_table_scans(
    conn: Any, sql: str, params: list[Any], generic: bool = True
) -> list[str]:
    """How the plan of `sql` the pool serves reads a large table row by row: a Seq Scan, or
    a scan filtered by a subquery (`$n IS NULL OR id IN (SELECT …)` becomes one: a hashed
    SubPlan tested on every row, in whatever order the scan goes). `generic`: the plan
    made once without the values (a prepared statement's), else the one made with them."""
    if generic:
        await conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        await conn.execute(f"PREPARE plan_check AS {sql}")
        try:
            arguments = ", ".join(literal(v) for v in params)
            plan = await conn.fetchval(f"EXPLAIN (FORMAT JSON) EXECUTE plan_check({arguments})")
        finally:
            await conn.execute("DEALLOCATE plan_check")
    else:
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


def cases(ids: dict[str, str]) -> list[tuple[str, str, list[Any], bool]]:
    """(what, SQL, parameters, whether its plan is generic) for each documented filter and
    detail read."""
    a, actor, place, quote, claim = (
        ids[k] for k in ("article", "actor", "place", "quote", "claim")
    )

    def listed(name: str, sort: str = "-created", /, **given: Any) -> tuple[str, list[Any], bool]:
        order = {choice("sort", sort): True, choice("from", "view"): True}
        order = order if name.startswith("list_") else {}
        parameters = {**given, **order, "limit": 51}
        shape: Shape = shaped(name, frozenset(parameters))
        return shape.text, [parameters[p] for p in shape.parameters], not shape.per_call

    def detail(name: str, value: str) -> tuple[str, list[Any], bool]:
        return shaped(name, frozenset({"id"})).text, [value], True

    span = {"published_after": AFTER, "published_before": BEFORE}
    return [
        (what, *statement)
        for what, statement in [
            ("articles: first page", listed("list_articles")),
            ("articles: next page", listed("list_articles", after=a)),
            ("articles: q", listed("list_articles", q="talks envoy")),
            ("articles: source", listed("list_articles", source="Test Wire")),
            ("articles: actor", listed("list_articles", actor=actor)),
            ("articles: place", listed("list_articles", place=place)),
            ("articles: published range", listed("list_articles", **span)),
            ("articles: detail", detail("get_article", a)),
            ("actors: first page", listed("list_actors")),
            ("actors: q", listed("list_actors", q="Sorokin")),
            ("actors: kind", listed("list_actors", kind=("person",))),
            ("actors: detail", detail("get_actor", actor)),
            ("quotes: first page", listed("list_quotes")),
            ("quotes: next page", listed("list_quotes", after=quote)),
            ("quotes: speaker", listed("list_quotes", speaker=actor)),
            ("quotes: speaker, next page", listed("list_quotes", speaker=actor, after=quote)),
            ("quotes: article", listed("list_quotes", article=a)),
            ("quotes: q", listed("list_quotes", q="frank exchange")),
            ("quotes: kind", listed("list_quotes", kind=("direct",))),
            ("quotes: published range", listed("list_quotes", **span)),
            ("quotes: detail", detail("get_quote", quote)),
            ("claims: first page", listed("list_claims")),
            ("claims: next page", listed("list_claims", after=claim)),
            ("claims: place", listed("list_claims", place=place)),
            ("claims: controller", listed("list_claims", controller=ids["controller"])),
            ("claims: claimant", listed("list_claims", claimant=ids["claimant"])),
            ("claims: stance", listed("list_claims", stance=("denied",))),
            ("claims: type", listed("list_claims", type=("capture",))),
            ("claims: modality", listed("list_claims", modality=("factual",))),
            ("claims: bbox", listed("list_claims", bbox=BOX)),
            ("claims: claimed range", listed("list_claims", **span)),
            ("claims: detail", detail("get_claim", claim)),
            ("articles: by publication", listed("list_articles", "-published_at")),
            (
                "articles: by publication, next page",
                listed("list_articles", "published_at", after=a, after_time=AFTER),
            ),
            ("quotes: by publication", listed("list_quotes", "-published_at")),
            (
                "quotes: by publication, next page",
                listed("list_quotes", "published_at", after=quote, after_time=AFTER),
            ),
            ("claims: by time", listed("list_claims", "-published_at")),
            (
                "claims: by time, next page",
                listed("list_claims", "published_at", after=claim, after_time=AFTER),
            ),
            ("places: first page", listed("list_places")),
            ("places: q", listed("list_places", q="Siversk")),
            ("places: country", listed("list_places", country="UA")),
            ("places: bbox", listed("list_places", bbox=BOX)),
            ("places: detail", detail("get_place", place)),
            ("places: claims timeline", listed("place_claims", place=place)),
            (
                "places: claims timeline, next page",
                listed("place_claims", place=place, after_at=AFTER, after_id=claim),
            ),
        ]
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
        for what, sql, params, generic in cases(seeded):
            seq = await large_table_scans(conn, sql, params, generic)
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


async def test_the_article_reads_its_mentions_by_article_and_entity(
    seeded: dict[str, str], pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    """An article's mentions of each of its actors and places come from the primary keys of
    021, (article_id, actor_id, id) and (article_id, place_id, id). Not from the actor_id or
    place_id index: the planner once AND-ed one with the article's key, and that walks every
    mention of a popular actor (9.8 ms per article at 100,000 articles, against 0.5)."""
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        await conn.execute(f"PREPARE plan_check AS {shaped('get_article', frozenset({'id'})).text}")
        plan = await conn.fetchval(
            f"EXPLAIN (FORMAT JSON) EXECUTE plan_check({literal(seeded['article'])})"
        )
        await conn.execute("DEALLOCATE plan_check")
    # each read of them: the table, the index, and whether the index finds the entity too
    # (not a filter applied to every mention the article has)
    used = {
        (
            node["Relation Name"],
            node.get("Index Name"),
            any(column in node.get("Index Cond", "") for column in ("actor_id", "place_id")),
        )
        for node in scans(plan[0]["Plan"])
        if node.get("Relation Name") in ("mentions", "place_mentions")
    }
    assert used == {
        ("mentions", "mentions_pkey", True),
        ("place_mentions", "place_mentions_pkey", True),
    }, used


async def test_near_duplicates_are_found_through_the_bands_index(
    seeded: dict[str, str], pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    """Each ingest asks for near-duplicates: the query's shape must let the bands index
    find them. What this cannot show on a small table: at 100,000 articles the planner
    preferred walking every article in id order for the first few matches (93.8 ms per
    ingest, against 0.2 through the index); the subquery fenced by OFFSET 0 in
    near_duplicates.sql is what prevents that, measured on the scale-1 corpus."""
    shape = shaped(
        "near_duplicate_articles", frozenset({"simhash", "max_bits", "article_id", "limit"})
    )
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        await conn.execute(f"PREPARE plan_check AS {shape.text}")
        plan = await conn.fetchval(
            "EXPLAIN (FORMAT JSON) EXECUTE plan_check(1234567890123, 5, 'art_x', 10)"
        )
        await conn.execute("DEALLOCATE plan_check")
    indexes = {node.get("Index Name") for node in scans(plan[0]["Plan"])} - {None}
    assert indexes == {"articles_simhash_bands_idx"}, plan
