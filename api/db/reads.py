"""Typed reads: one function per named query of sql/queries/, returning wire Structs.

Lists fetch one row more than the page size to know whether a next page exists. Their
filters are shaped queries (api.db.sql.shaped): a filter given as None is left out.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

import asyncpg
import msgspec

from api import schemas
from api.db import records
from api.db.rows import Db, fetch_read_one, fetch_shaped, fetch_value
from api.filters import (
    ActorFilters,
    ArticleFilters,
    ClaimFilters,
    Filters,
    PlaceFilters,
    QuoteFilters,
)

T = TypeVar("T")
F = TypeVar("F", bound=Filters)
F_contra = TypeVar("F_contra", bound=Filters, contravariant=True)


class Slice(msgspec.Struct, Generic[T]):
    """One page of rows and whether more follow."""

    rows: list[T]
    has_more: bool


def _slice(rows: list[T], limit: int) -> Slice[T]:
    return Slice(rows=rows[:limit], has_more=len(rows) > limit)


def _named(filters: Filters, after: str | None, limit: int) -> dict[str, Any]:
    """A list query's named parameters: its filters by their names, the page position, and
    one row more than the page (to know whether another follows)."""
    return {**msgspec.structs.asdict(filters), "after": after, "limit": limit + 1}


class FetchPage(Protocol[T]):
    """One keyset page of a list with its filters bound: rows after `after`, at most `limit`."""

    def __call__(self, db: Db, after: str | None, limit: int, /) -> Awaitable[Slice[T]]: ...


class ReadList(Protocol[F_contra, T]):
    """A list's read function: `list_quotes`, `list_claims`…"""

    def __call__(
        self, db: Db, filters: F_contra, after: str | None, limit: int, /
    ) -> Awaitable[Slice[T]]: ...


def pages(read: ReadList[F, T], filters: F) -> FetchPage[T]:
    """The list `read` with `filters` bound, a page at a time."""

    def fetch(db: Db, after: str | None, limit: int) -> Awaitable[Slice[T]]:
        return read(db, filters, after, limit)

    return fetch


async def every_page(
    pool: asyncpg.Pool[asyncpg.Record], fetch: FetchPage[T], after: str | None, size: int
) -> AsyncGenerator[list[T], None]:
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


async def get_article(db: Db, article_id: str) -> schemas.Article | None:
    """The annotated article, in one statement (so from one snapshot: a concurrent delete or
    ingest cannot mix states)."""
    return await fetch_read_one(db, "get_article", records.article, id=article_id)


async def list_articles(
    db: Db, filters: ArticleFilters, after: str | None, limit: int
) -> Slice[schemas.ArticleSummary]:
    rows = await fetch_shaped(
        db, "list_articles", records.article_summary, _named(filters, after, limit)
    )
    return _slice(rows, limit)


# --- actors -------------------------------------------------------------------------------


async def get_actor(db: Db, actor_id: str) -> schemas.Actor | None:
    return await fetch_read_one(db, "get_actor", records.actor, id=actor_id)


async def list_actors(
    db: Db, filters: ActorFilters, after: str | None, limit: int
) -> Slice[schemas.Actor]:
    rows = await fetch_shaped(db, "list_actors", records.actor, _named(filters, after, limit))
    return _slice(rows, limit)


# --- quotes -------------------------------------------------------------------------------


async def get_quote(db: Db, quote_id: str) -> schemas.Quote | None:
    return await fetch_read_one(db, "get_quote", records.quote, id=quote_id)


async def list_quotes(
    db: Db, filters: QuoteFilters, after: str | None, limit: int
) -> Slice[schemas.Quote]:
    rows = await fetch_shaped(db, "list_quotes", records.quote, _named(filters, after, limit))
    return _slice(rows, limit)


# --- claims -------------------------------------------------------------------------------


async def get_claim(db: Db, claim_id: str) -> schemas.Claim | None:
    return await fetch_read_one(db, "get_claim", records.claim, id=claim_id)


async def list_claims(
    db: Db, filters: ClaimFilters, after: str | None, limit: int
) -> Slice[schemas.Claim]:
    rows = await fetch_shaped(db, "list_claims", records.claim, _named(filters, after, limit))
    return _slice(rows, limit)


async def place_claims(
    db: Db, place_id: str, *, after: tuple[str, datetime] | None, limit: int
) -> Slice[schemas.Claim]:
    """Claims about a place, oldest first, after the (id, claimed_at) position if given."""
    after_id, after_at = (None, None) if after is None else after
    rows = await fetch_shaped(
        db, "place_claims", records.claim,
        {"place": place_id, "after_at": after_at, "after_id": after_id, "limit": limit + 1},
    )  # fmt: skip
    return _slice(rows, limit)


# --- places -------------------------------------------------------------------------------


async def get_place(db: Db, place_id: str) -> schemas.Place | None:
    return await fetch_read_one(db, "get_place", records.place, id=place_id)


async def list_places(
    db: Db, filters: PlaceFilters, after: str | None, limit: int
) -> Slice[schemas.Place]:
    rows = await fetch_shaped(db, "list_places", records.place, _named(filters, after, limit))
    return _slice(rows, limit)
