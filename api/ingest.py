"""Ingest: where extraction meets a database transaction.

An article and everything extracted from it are written in one transaction, so a failed
ingest leaves nothing behind. Extraction runs on a worker thread, never on the event loop.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from datetime import UTC, datetime

import asyncpg
import msgspec

from api.db.rows import Db, execute, fetch_value
from api.extract import Extraction, Extractor
from api.extract.types import ExtractedActor, ExtractedClaim, ExtractedPlace, ExtractedQuote
from api.ids import new_id
from api.names import content_hash, name_key
from api.schemas import ArticleIn

log = logging.getLogger("gazette.ingest")


class IngestResult(msgspec.Struct, frozen=True):
    article_id: str
    created: bool


async def find_existing(db: Db, article: ArticleIn) -> str | None:
    found = await fetch_value(db, "find_existing_article", article.url, content_hash(article.body))
    return None if found is None else str(found)


async def ingest(
    pool: asyncpg.Pool[asyncpg.Record],
    extractor: Extractor,
    executor: Executor,
    article: ArticleIn,
) -> IngestResult:
    """Store `article` and its entities; an already stored one (same url or body) is returned."""
    existing = await find_existing(pool, article)
    if existing is not None:
        return IngestResult(existing, created=False)

    loop = asyncio.get_running_loop()
    extraction = await loop.run_in_executor(
        executor, extractor.extract, article.body, article.source
    )

    async with pool.acquire() as conn, conn.transaction():
        article_id = await fetch_value(
            conn,
            "insert_article",
            new_id("article"),
            article.title,
            article.body,
            article.source,
            article.url,
            article.published_at,
            article.language,
            content_hash(article.body),
            extraction.version,
        )
        if article_id is None:
            # A concurrent request stored the same article between our check and our insert.
            winner = await find_existing(conn, article)
            assert winner is not None, "insert conflicted but no existing article matches"
            return IngestResult(winner, created=False)
        await store_extraction(conn, str(article_id), article.published_at, extraction)
    log.info(
        "ingested %s: %d actors, %d quotes, %d places, %d claims",
        article_id,
        len(extraction.actors),
        len(extraction.quotes),
        len(extraction.places),
        len(extraction.claims),
    )
    return IngestResult(str(article_id), created=True)


async def store_extraction(
    conn: Db, article_id: str, published_at: datetime | None, extraction: Extraction
) -> None:
    # A fixed order (by name, by GeoNames id) takes row locks in the same order in every
    # transaction, so two concurrent ingests that share actors or places cannot deadlock.
    actors = sorted(extraction.actors, key=lambda a: (name_key(a.name), a.kind))
    places = sorted(extraction.places, key=lambda p: p.place.geonames_id)
    actor_ids = {a.key: await store_actor(conn, article_id, a) for a in actors}
    place_ids = {p.key: await store_place(conn, article_id, p) for p in places}
    for quote in extraction.quotes:
        await store_quote(conn, article_id, published_at, extraction.version, quote, actor_ids)
    claimed_at = published_at or datetime.now(UTC)
    claim_ids = [new_id("claim") for _ in extraction.claims]
    for index, claim in enumerate(extraction.claims):
        responds_to = None if claim.responds_to is None else claim_ids[claim.responds_to]
        await store_claim(
            conn,
            article_id,
            claim_ids[index],
            claim,
            responds_to,
            claimed_at,
            extraction.version,
            actor_ids,
            place_ids,
        )


async def store_actor(conn: Db, article_id: str, actor: ExtractedActor) -> str:
    """Resolve the actor to a stored one (same kind, known by this name) or create it."""
    key = name_key(actor.name)
    actor_id = await fetch_value(conn, "actor_by_alias_key", key, actor.kind)
    if actor_id is None:
        actor_id = await fetch_value(
            conn,
            "upsert_actor",
            new_id("actor"),
            actor.name,
            key,
            actor.kind,
            actor.titles,
            actor.affiliation,
        )
    elif actor.titles:
        await execute(conn, "add_actor_titles", actor_id, actor.titles)
    names = sorted({actor.name, *actor.aliases})
    await execute(conn, "insert_actor_aliases", actor_id, names, [name_key(n) for n in names])
    await execute(conn, "link_article_actor", article_id, actor_id)
    if actor.mentions:
        await execute(
            conn,
            "insert_mentions",
            article_id,
            actor_id,
            [m.start for m in actor.mentions],
            [m.end for m in actor.mentions],
            [m.text for m in actor.mentions],
        )
    return str(actor_id)


async def store_place(conn: Db, article_id: str, found: ExtractedPlace) -> str:
    p = found.place
    aliases = sorted(set(p.aliases) - {p.name})
    place_id = await fetch_value(
        conn,
        "upsert_place",
        new_id("place"),
        p.geonames_id,
        p.name,
        aliases,
        " ".join([p.name, *aliases]),
        p.kind,
        p.country_code,
        p.admin1,
        p.lat,
        p.lon,
        p.population,
    )
    await execute(conn, "link_article_place", article_id, place_id)
    if found.mentions:
        await execute(
            conn,
            "insert_place_mentions",
            article_id,
            place_id,
            [m.start for m in found.mentions],
            [m.end for m in found.mentions],
            [m.text for m in found.mentions],
        )
    return str(place_id)


async def store_quote(
    conn: Db,
    article_id: str,
    published_at: datetime | None,
    version: str,
    quote: ExtractedQuote,
    actor_ids: dict[str, str],
) -> None:
    await execute(
        conn,
        "insert_quote",
        new_id("quote"),
        article_id,
        actor_ids.get(quote.speaker or ""),
        quote.speaker_text,
        quote.cue,
        quote.kind,
        quote.text,
        quote.start,
        quote.end,
        _clamp(quote.confidence),
        published_at,
        version,
    )


async def store_claim(
    conn: Db,
    article_id: str,
    claim_id: str,
    claim: ExtractedClaim,
    responds_to: str | None,
    claimed_at: datetime,
    version: str,
    actor_ids: dict[str, str],
    place_ids: dict[str, str],
) -> None:
    await execute(
        conn,
        "insert_claim",
        claim_id,
        article_id,
        place_ids.get(claim.place or ""),
        claim.place_text,
        actor_ids.get(claim.claimant or ""),
        claim.claimant_text,
        actor_ids.get(claim.controller or ""),
        claim.controller_text,
        actor_ids.get(claim.previous_controller or ""),
        claim.type,
        claim.stance,
        claim.modality,
        claim.extent_text,
        claim.extent_value,
        claim.extent_unit,
        claim.evidence.text,
        claim.evidence.start,
        claim.evidence.end,
        responds_to,
        _clamp(claim.confidence),
        claimed_at,
        version,
    )


def _clamp(confidence: float) -> float:
    return min(1.0, max(0.0, confidence))
