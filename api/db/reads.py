"""Typed reads: one function per named query of sql/queries/, returning wire Structs.

Lists fetch one row more than the page size to know whether a next page exists.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable
from datetime import datetime
from typing import Generic, Protocol, TypeVar

import asyncpg
import msgspec

from api import schemas
from api.db.rows import Db, fetch_all, fetch_one, fetch_record, fetch_value

T = TypeVar("T")

Box = tuple[tuple[float, float], tuple[float, float]]


class Slice(msgspec.Struct, Generic[T]):
    """One page of rows and whether more follow."""

    rows: list[T]
    has_more: bool


def _slice(rows: list[T], limit: int) -> Slice[T]:
    return Slice(rows=rows[:limit], has_more=len(rows) > limit)


class FetchPage(Protocol[T]):
    """One keyset page of a list with its filters bound: rows after `after`, at most `limit`."""

    def __call__(self, db: Db, after: str | None, limit: int, /) -> Awaitable[Slice[T]]: ...


async def every_page(
    pool: asyncpg.Pool[asyncpg.Record], fetch: FetchPage[T], after: str | None, size: int
) -> AsyncIterator[list[T]]:
    """Every row of a list after `after`, `size` rows at a time, read from one read-only
    snapshot: memory stays constant, and concurrent writes neither add nor repeat rows."""
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        while True:
            page = await fetch(conn, after, size)
            if page.rows:
                yield page.rows
            if not page.has_more or not page.rows:
                return
            after = page.rows[-1].id  # type: ignore[attr-defined]  # every listed row has an id


async def ping(db: Db) -> None:
    """Raises when the database does not answer."""
    await fetch_value(db, "ping")


# --- articles -----------------------------------------------------------------------------


async def get_article(
    pool: asyncpg.Pool[asyncpg.Record], article_id: str
) -> schemas.Article | None:
    """The annotated article, read from one snapshot (a concurrent delete or ingest cannot mix
    states between its five queries)."""
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        head = await fetch_record(conn, "get_article", article_id)
        if head is None:
            return None
        return schemas.Article(
            **dict(head),
            actors=await fetch_all(conn, "article_actors", schemas.ArticleActor, article_id),
            quotes=await fetch_all(conn, "article_quotes", schemas.Quote, article_id),
            claims=await fetch_all(conn, "article_claims", schemas.Claim, article_id),
            places=await fetch_all(conn, "article_places", schemas.ArticlePlace, article_id),
        )


async def list_articles(
    db: Db,
    *,
    q: str | None,
    source: str | None,
    actor: str | None,
    place: str | None,
    published_after: datetime | None,
    published_before: datetime | None,
    after: str | None,
    limit: int,
) -> Slice[schemas.ArticleSummary]:
    rows = await fetch_all(
        db,
        "list_articles",
        schemas.ArticleSummary,
        q,
        source,
        actor,
        place,
        published_after,
        published_before,
        after,
        limit + 1,
    )
    return _slice(rows, limit)


# --- actors -------------------------------------------------------------------------------


async def get_actor(db: Db, actor_id: str) -> schemas.Actor | None:
    return await fetch_one(db, "get_actor", schemas.Actor, actor_id)


async def list_actors(
    db: Db, *, q: str | None, kind: str | None, after: str | None, limit: int
) -> Slice[schemas.Actor]:
    rows = await fetch_all(db, "list_actors", schemas.Actor, q, kind, after, limit + 1)
    return _slice(rows, limit)


# --- quotes -------------------------------------------------------------------------------


async def get_quote(db: Db, quote_id: str) -> schemas.Quote | None:
    return await fetch_one(db, "get_quote", schemas.Quote, quote_id)


async def list_quotes(
    db: Db,
    *,
    speaker: str | None,
    article: str | None,
    q: str | None,
    kind: str | None,
    published_after: datetime | None,
    published_before: datetime | None,
    after: str | None,
    limit: int,
) -> Slice[schemas.Quote]:
    rows = await fetch_all(
        db,
        "list_quotes",
        schemas.Quote,
        speaker,
        article,
        q,
        kind,
        published_after,
        published_before,
        after,
        limit + 1,
    )
    return _slice(rows, limit)


# --- claims -------------------------------------------------------------------------------


async def get_claim(db: Db, claim_id: str) -> schemas.Claim | None:
    return await fetch_one(db, "get_claim", schemas.Claim, claim_id)


async def list_claims(
    db: Db,
    *,
    place: str | None,
    controller: str | None,
    claimant: str | None,
    stance: str | None,
    type_: str | None,
    modality: str | None,
    bbox: Box | None,
    published_after: datetime | None,
    published_before: datetime | None,
    after: str | None,
    limit: int,
) -> Slice[schemas.Claim]:
    rows = await fetch_all(
        db,
        "list_claims",
        schemas.Claim,
        place,
        controller,
        claimant,
        stance,
        type_,
        modality,
        bbox,
        published_after,
        published_before,
        after,
        limit + 1,
    )
    return _slice(rows, limit)


async def place_claims(
    db: Db, place_id: str, *, after: tuple[str, datetime] | None, limit: int
) -> Slice[schemas.Claim]:
    """Claims about a place, oldest first, after the (id, claimed_at) position if given."""
    after_id, after_at = (None, None) if after is None else after
    rows = await fetch_all(
        db, "place_claims", schemas.Claim, place_id, after_at, after_id, limit + 1
    )
    return _slice(rows, limit)


# --- places -------------------------------------------------------------------------------


async def get_place(db: Db, place_id: str) -> schemas.Place | None:
    return await fetch_one(db, "get_place", schemas.Place, place_id)


async def list_places(
    db: Db, *, q: str | None, country: str | None, bbox: Box | None, after: str | None, limit: int
) -> Slice[schemas.Place]:
    rows = await fetch_all(db, "list_places", schemas.Place, q, country, bbox, after, limit + 1)
    return _slice(rows, limit)
