"""Re-extraction: run the current extractor again over stored articles.

Per article, in one transaction: everything extracted before is replaced, except what people
curated (curated quotes stay as they are and new quotes overlapping them are dropped; curated
actors keep their names). Returns what changed, so `gazette reextract` can report it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import asyncpg
import msgspec

from api.db.rows import Conn, execute, fetch_record, fetch_records
from api.extract import Extraction, Extractor
from api.extract.types import ExtractedQuote
from api.ingest import store_extraction

log = logging.getLogger("gazette.reextract")


class Counts(msgspec.Struct, frozen=True):
    quotes: int
    claims: int
    actors: int
    places: int


class Change(msgspec.Struct, frozen=True):
    """One article's entity counts before and after re-extraction."""

    article_id: str
    before: Counts
    after: Counts
    kept_curated_quotes: int

    @property
    def changed(self) -> bool:
        return self.before != self.after


async def article_ids(pool: asyncpg.Pool[asyncpg.Record], batch: int = 500) -> AsyncIterator[str]:
    """Every stored article's id, oldest first, fetched in keyset batches."""
    after: str | None = None
    while True:
        rows = await fetch_records(pool, "article_ids_after", after, batch)
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
    article = await fetch_record(pool, "article_for_reextract", article_id)
    if article is None:
        return None
    extraction = await asyncio.to_thread(extractor.extract, str(article["body"]), article["source"])
    async with pool.acquire() as conn, conn.transaction():
        if await fetch_record(conn, "lock_article", article_id) is None:
            return None  # deleted meanwhile
        before = await _counts(conn, article_id)
        spans = await fetch_records(conn, "curated_quote_spans", article_id)
        curated = [(int(r["start"]), int(r["end"])) for r in spans]
        links = await fetch_records(conn, "article_actor_ids", article_id)
        involved = [r["actor_id"] for r in links]
        await execute(conn, "clear_extraction", article_id)
        kept = without_curated(extraction, curated)
        await store_extraction(conn, article_id, article["published_at"], kept)
        await execute(conn, "link_curated_speakers", article_id)
        await execute(conn, "set_extractor_version", article_id, extraction.version)
        await execute(conn, "lock_actors", involved)
        await execute(conn, "delete_orphan_actors", involved)
        after = await _counts(conn, article_id)
    log.info("re-extracted %s: %s -> %s", article_id, before, after)
    return Change(article_id, before, after, kept_curated_quotes=len(curated))


def without_curated(extraction: Extraction, curated: list[tuple[int, int]]) -> Extraction:
    """The extraction minus quotes that overlap a curated quote (the curated one stands)."""

    def overlaps(quote: ExtractedQuote) -> bool:
        return any(quote.start < end and start < quote.end for start, end in curated)

    return msgspec.structs.replace(
        extraction, quotes=[q for q in extraction.quotes if not overlaps(q)]
    )


async def _counts(conn: Conn, article_id: str) -> Counts:
    row = await fetch_record(conn, "extraction_counts", article_id)
    assert row is not None
    return Counts(
        quotes=row["quotes"], claims=row["claims"], actors=row["actors"], places=row["places"]
    )
