"""Re-extraction: run the current extractor again over stored articles.

Per article, in one transaction: everything extracted before is replaced, except what people
curated (curated quotes stay as they are and new quotes overlapping them are dropped; curated
claims stay as they are and a claim found again takes the curated one's place, see
`CuratedClaim`; curated actors keep their names). A quote or claim found again keeps its id.
Returns what changed, so `gazette reextract` can report it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import asyncpg
import msgspec

from api.db import writes
from api.db.rows import Conn, execute, fetch_record, fetch_records
from api.extract import Extraction, Extractor
from api.extract.types import ExtractedQuote
from api.services.ingest import CuratedClaim, KnownIds, store_extraction

log = logging.getLogger("gazette.reextract")


class Snapshot(msgspec.Struct, frozen=True):
    """What an article's extraction is, for comparison: quotes (span, kind, speaker), claims
    (evidence, type, stance, place, controller, claimant), involved actors and places."""

    quotes: frozenset[tuple[object, ...]]
    claims: frozenset[tuple[object, ...]]
    actors: frozenset[str]
    places: int


class Change(msgspec.Struct, frozen=True):
    """How one article's extraction changed."""

    article_id: str
    quotes_added: int
    quotes_removed: int
    claims_added: int
    claims_removed: int
    actors_added: int
    actors_removed: int
    places_before: int
    places_after: int
    kept_curated_quotes: int
    kept_curated_claims: int

    @property
    def changed(self) -> bool:
        return any(
            (
                self.quotes_added, self.quotes_removed, self.claims_added,
                self.claims_removed, self.actors_added, self.actors_removed,
                self.places_before != self.places_after,
            )
        )  # fmt: skip

    def summary(self) -> str:
        return (
            f"quotes +{self.quotes_added}/-{self.quotes_removed} "
            f"claims +{self.claims_added}/-{self.claims_removed} "
            f"actors +{self.actors_added}/-{self.actors_removed} "
            f"places {self.places_before}->{self.places_after}"
        )


def compare(
    article_id: str, before: Snapshot, after: Snapshot, kept: int, kept_claims: int
) -> Change:
    return Change(
        article_id=article_id,
        quotes_added=len(after.quotes - before.quotes),
        quotes_removed=len(before.quotes - after.quotes),
        claims_added=len(after.claims - before.claims),
        claims_removed=len(before.claims - after.claims),
        actors_added=len(after.actors - before.actors),
        actors_removed=len(before.actors - after.actors),
        places_before=before.places,
        places_after=after.places,
        kept_curated_quotes=kept,
        kept_curated_claims=kept_claims,
    )


async def article_ids(pool: asyncpg.Pool[asyncpg.Record], batch: int = 500) -> AsyncIterator[str]:
    """Every stored article's id, oldest first, fetched in keyset batches."""
    after: str | None = None
    while True:
        rows = await fetch_records(pool, "article_ids_after", after=after, limit=batch)
        if not rows:
            return
        for row in rows:
            yield str(row["id"])
        after = str(rows[-1]["id"])


async def reextract_article(
    pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor, article_id: str
) -> Change | None:
    """Re-extract one article; None when it no longer exists.

    Extraction runs before the transaction (an article's body never changes), so no
    connection waits on spaCy; curated spans are read inside it, under the article's lock.
    """
    article = await fetch_record(pool, "article_for_reextract", id=article_id)
    if article is None:
        return None
    extraction = await asyncio.to_thread(extractor.extract, str(article["body"]), article["source"])
    async with pool.acquire() as conn, conn.transaction():
        if await fetch_record(conn, "lock_article", id=article_id) is None:
            return None  # deleted meanwhile
        before = await snapshot(conn, article_id)
        spans = await fetch_records(conn, "curated_quote_spans", article_id=article_id)
        curated = [(int(r["start"]), int(r["end"])) for r in spans]
        links = await fetch_records(conn, "article_actor_ids", article_id=article_id)
        involved = [r["actor_id"] for r in links]
        known = await known_ids(conn, article_id)
        answered = {c.id: c.responds_to for c in known.curated_claims if c.responds_to}
        await execute(conn, "clear_extraction", article_id=article_id)
        kept = without_curated(extraction, curated)
        await store_extraction(conn, article_id, article["published_at"], kept, known)
        await execute(conn, "link_curated_actors", article_id=article_id)
        await execute(conn, "link_curated_places", article_id=article_id)
        await execute(conn, "restore_answers", ids=list(answered), targets=list(answered.values()))
        await execute(
            conn, "set_extractor_version", id=article_id, extractor_version=extraction.version
        )
        await writes.drop_orphan_actors(conn, involved)
        after = await snapshot(conn, article_id)
    change = compare(
        article_id, before, after, kept=len(curated), kept_claims=len(known.curated_claims)
    )
    log.info("re-extracted %s: %s", article_id, change.summary())
    return change


async def known_ids(conn: Conn, article_id: str) -> KnownIds:
    """The ids of what re-extraction replaces, for the entities it finds again."""
    quotes = await fetch_records(conn, "reusable_quote_ids", article_id=article_id)
    claims = await fetch_records(conn, "reusable_claim_ids", article_id=article_id)
    curated = await fetch_records(conn, "curated_claims", article_id=article_id)
    return KnownIds(
        curated_claims=[
            CuratedClaim(
                id=str(r["id"]),
                start=int(r["evidence_start"]),
                end=int(r["evidence_end"]),
                place_text=str(r["place_text"]),
                stance=str(r["stance"]),
                responds_to=r["responds_to"],
            )
            for r in curated
        ],
        quotes={(int(r["start"]), int(r["end"])): str(r["id"]) for r in quotes},
        claims={
            (
                int(r["evidence_start"]),
                int(r["evidence_end"]),
                str(r["type"]),
                str(r["stance"]),
            ): str(r["id"])
            for r in claims
        },
    )


def without_curated(extraction: Extraction, curated: list[tuple[int, int]]) -> Extraction:
    """The extraction minus quotes that overlap a curated quote (the curated one stands)."""

    def overlaps(quote: ExtractedQuote) -> bool:
        return any(quote.start < end and start < quote.end for start, end in curated)

    return msgspec.structs.replace(
        extraction, quotes=[q for q in extraction.quotes if not overlaps(q)]
    )


async def snapshot(conn: Conn, article_id: str) -> Snapshot:
    quotes = await fetch_records(conn, "quote_signatures", article_id=article_id)
    claims = await fetch_records(conn, "claim_signatures", article_id=article_id)
    actors = await fetch_records(conn, "article_actor_ids", article_id=article_id)
    counts = await fetch_record(conn, "extraction_counts", article_id=article_id)
    assert counts is not None
    return Snapshot(
        quotes=frozenset(tuple(r) for r in quotes),
        claims=frozenset(tuple(r) for r in claims),
        actors=frozenset(str(r["actor_id"]) for r in actors),
        places=int(counts["places"]),
    )
