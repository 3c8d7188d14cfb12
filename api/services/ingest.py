"""Ingest: where extraction meets a database transaction.

An article and everything extracted from it are written in one transaction, so a failed
ingest leaves nothing behind. Extraction runs on worker threads, never on the event loop, and
at most `max_pending` articles wait for it: beyond that the API answers 503 at once instead of
letting a queue grow without bound.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import asyncpg
import msgspec

from api.db import writes
from api.db.duplicates import near_duplicates
from api.db.rows import Conn, Db, fetch_value
from api.db.transaction import in_transaction
from api.errors import ArticleRefused, Busy
from api.extract import Extraction
from api.extract.body_checks import body_warnings
from api.extract.fingerprint import simhash
from api.extract.types import ExtractedClaim
from api.ids import new_id
from api.names import content_hash, name_key
from api.schemas import ArticleIn, IngestWarning
from api.services.sandbox import ExtractionFailed, InProcess, Sandbox

log = logging.getLogger("gazette.ingest")


class IngestResult(msgspec.Struct, frozen=True):
    article_id: str
    created: bool
    # stored articles the new one is a near-duplicate of (api.db.duplicates); none when
    # the article was stored already
    near_duplicates: list[str] = []


class ExtractionQueue:
    """Runs the extractor in child processes with limits (api.services.sandbox), or on threads of
    this process (tests); refuses work past `max_pending` articles."""

    def __init__(self, runner: Sandbox | InProcess, max_pending: int) -> None:
        self.runner = runner
        self.max_pending = max_pending
        self.pending = 0
        # Extractions running now, by content hash: the same article posted again while its
        # first copy is being extracted waits for that result instead of queueing again.
        self.in_flight: dict[str, asyncio.Future[Extraction]] = {}

    async def extract(self, text: str, source: str | None, key: str | None = None) -> Extraction:
        """The extraction of `text`; `key` (the content hash) shares one run between
        concurrent requests for the same article."""
        if key is not None and key in self.in_flight:
            return await asyncio.shield(self.in_flight[key])
        if key is None:
            return await self._run(text, source)
        future: asyncio.Future[Extraction] = asyncio.get_running_loop().create_future()
        self.in_flight[key] = future
        try:
            result = await self._run(text, source)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: waiters get it, nobody else needs to
            raise
        else:
            future.set_result(result)
            return result
        finally:
            del self.in_flight[key]

    async def _run(self, text: str, source: str | None) -> Extraction:
        if self.pending >= self.max_pending:
            raise Busy(f"{self.pending} articles are waiting for extraction; try again shortly")
        self.pending += 1
        try:
            return await self.runner.extract(text, source)
        except ExtractionFailed as exc:
            message = f"{exc}; the article was not stored"
            raise ArticleRefused(message, detail=message) from exc
        finally:
            self.pending -= 1

    async def close(self) -> None:
        """Stop the runner, off the event loop (it waits for what is running to finish)."""
        await asyncio.to_thread(self.runner.close)


def warnings_for(body: str, near_duplicates: list[str]) -> list[IngestWarning]:
    """What is worth a look about an article just stored: its body (api.extract.body_checks)
    and the stored articles it nearly repeats."""
    found = [IngestWarning(w.code, w.message) for w in body_warnings(body)]
    if near_duplicates:
        found.append(near_duplicate_warning(near_duplicates))
    return found


def near_duplicate_warning(near_duplicates: list[str]) -> IngestWarning:
    listed = ", ".join(near_duplicates)
    return IngestWarning(
        "near_duplicate", f"nearly the same text as stored {listed}: the story published again?"
    )


async def find_existing(db: Db, article: ArticleIn) -> str | None:
    found = await fetch_value(
        db, "find_existing_article", url=article.url, content_hash=content_hash(article.body)
    )
    return None if found is None else str(found)


async def ingest(
    pool: asyncpg.Pool[asyncpg.Record], queue: ExtractionQueue, article: ArticleIn
) -> IngestResult:
    """Store `article` and its entities; an already stored one (same url or body) is returned."""
    existing = await find_existing(pool, article)
    if existing is not None:
        return IngestResult(existing, created=False)
    extraction = await queue.extract(article.body, article.source, content_hash(article.body))
    return await store_article(pool, article, extraction)


async def store_article(
    pool: asyncpg.Pool[asyncpg.Record], article: ArticleIn, extraction: Extraction
) -> IngestResult:
    """Write the article and its extraction in one transaction (retried on deadlock); an
    article stored meanwhile by someone else is returned instead."""

    async def store(conn: Conn) -> IngestResult:
        return await write_article(conn, article, extraction)

    result = await in_transaction(pool, store)
    if not result.created:
        return result
    log.info(
        "ingested %s: %d actors, %d quotes, %d places, %d claims",
        result.article_id,
        len(extraction.actors),
        len(extraction.quotes),
        len(extraction.places),
        len(extraction.claims),
    )
    return result


async def write_article(conn: Conn, article: ArticleIn, extraction: Extraction) -> IngestResult:
    """The article, then every entity extracted from it, in the caller's transaction; and
    the stored articles it is a near-duplicate of (those committed before it)."""
    fingerprint = simhash(article.body)
    article_id = await writes.insert_article(
        conn, article, content_hash(article.body), extraction.version, fingerprint
    )
    if article_id is None:
        # A concurrent writer stored the same article between our check and our insert.
        winner = await find_existing(conn, article)
        assert winner is not None, "insert conflicted but no existing article matches"
        return IngestResult(winner, created=False)
    await store_extraction(conn, article_id, article.published_at, extraction)
    near = await near_duplicates(conn, article_id, fingerprint)
    return IngestResult(article_id, created=True, near_duplicates=near)


# Entities of each kind an article keeps. A real article has tens; text built to be read as
# thousands of quotes or claims made 6 MB article responses that starved every other read.
MAX_PER_KIND = 500


def bounded(extraction: Extraction) -> Extraction:
    """At most MAX_PER_KIND actors, places, quotes and claims: the first found (the order of
    the text). What pointed at a dropped entity loses that link, never its own row."""
    sizes = (len(extraction.actors), len(extraction.places), len(extraction.quotes),
             len(extraction.claims))  # fmt: skip
    if max(sizes) <= MAX_PER_KIND:
        return extraction
    log.warning(
        "an article yielded %d actors, %d places, %d quotes, %d claims; keeping %d of each",
        *sizes, MAX_PER_KIND,
    )  # fmt: skip
    claims = [
        claim
        if claim.responds_to is None or claim.responds_to < MAX_PER_KIND
        else msgspec.structs.replace(claim, responds_to=None)
        for claim in extraction.claims[:MAX_PER_KIND]
    ]
    return msgspec.structs.replace(
        extraction,
        actors=extraction.actors[:MAX_PER_KIND],
        places=extraction.places[:MAX_PER_KIND],
        quotes=extraction.quotes[:MAX_PER_KIND],
        claims=claims,
    )


class CuratedClaim(msgspec.Struct, frozen=True):
    """A claim a person curated, kept through re-extraction: what it stands for."""

    id: str
    start: int
    end: int
    place_text: str
    stance: str
    responds_to: str | None = None  # the claim it answers, restored after re-extraction

    def stands_for(self, claim: ExtractedClaim) -> bool:
        """The same claim found again: evidence that overlaps, the same place as written
        (any case), the same stance. Its type or modality may differ: the curated claim
        stands for it anyway, so a claim marked wrong does not come back as a new one."""
        return (
            claim.evidence.start < self.end
            and self.start < claim.evidence.end
            and claim.place_text.casefold() == self.place_text.casefold()
            and claim.stance == self.stance
        )


class KnownIds(msgspec.Struct):
    """Ids an article's quotes and claims had before re-extraction, by what identifies each:
    a quote by its span, a claim by its evidence span, type and stance. Found again, an
    entity keeps its id. A claim a curated claim stands for is not stored again: it takes the
    curated claim's id (a claim that answers it answers the curated one)."""

    quotes: dict[tuple[int, int], str] = {}
    claims: dict[tuple[int, int, str, str], str] = {}
    curated_claims: list[CuratedClaim] = []

    def claim_id(self, claim: ExtractedClaim) -> str:
        for curated in self.curated_claims:
            if curated.stands_for(claim):
                return curated.id
        key = (claim.evidence.start, claim.evidence.end, claim.type, claim.stance)
        return self.claims.pop(key, "") or new_id("claim")


async def store_extraction(
    conn: Conn,
    article_id: str,
    published_at: datetime | None,
    extraction: Extraction,
    known: KnownIds | None = None,
) -> None:
    extraction = bounded(extraction)
    known = known or KnownIds()
    # A fixed order (by name, by GeoNames id) makes lock conflicts between two ingests rare;
    # a deadlock that still happens is retried by in_transaction.
    actors = sorted(extraction.actors, key=lambda a: (name_key(a.name), a.kind))
    places = sorted(extraction.places, key=lambda p: p.place.geonames_id)
    actor_ids = await writes.store_actors(conn, article_id, actors)
    place_ids = await writes.store_places(conn, article_id, places)
    quotes = [(q, actor_ids.get(q.speaker) if q.speaker else None) for q in extraction.quotes]
    quote_ids = [known.quotes.pop((q.start, q.end), "") or new_id("quote")
                 for q in extraction.quotes]  # fmt: skip
    await writes.store_quotes(conn, article_id, published_at, extraction.version, quotes, quote_ids)
    claimed_at = published_at or datetime.now(UTC)
    claim_ids = [known.claim_id(c) for c in extraction.claims]
    kept = {c.id for c in known.curated_claims}
    for claim_id, claim in zip(claim_ids, extraction.claims, strict=True):
        if claim_id in kept:
            continue  # the curated claim stands for it, as its curator left it
        links = writes.ClaimLinks(
            place=place_ids.get(claim.place) if claim.place else None,
            claimant=actor_ids.get(claim.claimant) if claim.claimant else None,
            controller=actor_ids.get(claim.controller) if claim.controller else None,
            previous_controller=(
                actor_ids.get(claim.previous_controller) if claim.previous_controller else None
            ),
            responds_to=None if claim.responds_to is None else claim_ids[claim.responds_to],
            relayed_by=actor_ids.get(claim.relayed_by) if claim.relayed_by else None,
        )
        await writes.store_claim(
            conn, article_id, claim_id, claim, links, claimed_at, extraction.version
        )
        if claim.stance == "denied" and links.responds_to is None and links.place is not None:
            # the claim it answers may be in an article stored before this one
            await writes.link_earlier_claim(
                conn, claim_id, article_id, links.place, claimed_at, links.controller
            )
