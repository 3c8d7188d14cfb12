"""Corrections by people: PATCH a quote or an actor, merge two actors.

Each function is one transaction, reads the rows it changes FOR UPDATE, and marks what it
changed as curated (who and when) so re-extraction leaves it alone.
"""

from __future__ import annotations

from typing import TypeAlias

import asyncpg
import msgspec

from api.db import reads
from api.db.rows import Conn, execute, fetch_record, fetch_value
from api.names import name_key
from api.problems import ApiError, bad_input, not_found
from api.schemas import Actor, ActorMerge, ActorPatch, Quote, QuotePatch

Pool: TypeAlias = "asyncpg.Pool[asyncpg.Record]"


async def current_actor_id(conn: Conn, actor_id: str) -> str | None:
    """The actor's id, or the survivor's if it was merged; None when no such actor exists."""
    found = await fetch_value(conn, "current_actor_id", actor_id)
    return None if found is None else str(found)


async def actor_redirect(pool: Pool, actor_id: str) -> str | None:
    """Where a merged actor's id now points, if it was merged."""
    found = await fetch_value(pool, "actor_redirect", actor_id)
    return None if found is None else str(found)


async def patch_quote(pool: Pool, quote_id: str, patch: QuotePatch) -> Quote:
    async with pool.acquire() as conn, conn.transaction():
        row = await fetch_record(conn, "quote_for_update", quote_id)
        if row is None:
            raise not_found("quote", quote_id)
        set_speaker = patch.speaker is not msgspec.UNSET
        speaker: str | None = None
        if isinstance(patch.speaker, str):
            speaker = await current_actor_id(conn, patch.speaker)
            if speaker is None:
                raise bad_input("speaker", f"no actor with id {patch.speaker!r}")
            await execute(conn, "link_article_actor", row["article_id"], speaker)
        start, end, text = _span(patch, str(row["body"]))
        kind = None if patch.kind is msgspec.UNSET else patch.kind
        await execute(
            conn, "update_quote", quote_id, set_speaker, speaker, kind, start, end, text,
            patch.curator,
        )  # fmt: skip
    quote = await reads.get_quote(pool, quote_id)
    assert quote is not None
    return quote


def _span(patch: QuotePatch, body: str) -> tuple[int | None, int | None, str | None]:
    """The new (start, end, text), or Nones when the span stays as it is."""
    if patch.start is msgspec.UNSET and patch.end is msgspec.UNSET:
        return None, None, None
    if patch.start is msgspec.UNSET or patch.end is msgspec.UNSET:
        raise bad_input("start", "start and end change together")
    if not patch.start < patch.end <= len(body):
        raise bad_input("end", f"need start < end <= {len(body)} (the body's length)")
    return patch.start, patch.end, body[patch.start : patch.end]


async def patch_actor(pool: Pool, actor_id: str, patch: ActorPatch) -> Actor:
    async with pool.acquire() as conn, conn.transaction():
        row = await fetch_record(conn, "lock_actor", actor_id)
        if row is None:
            raise not_found("actor", actor_id)
        name = None if patch.name is msgspec.UNSET else patch.name.strip()
        kind = None if patch.kind is msgspec.UNSET else patch.kind
        try:
            await execute(
                conn, "update_actor", actor_id, name, None if name is None else name_key(name),
                kind, patch.curator,
            )  # fmt: skip
        except asyncpg.UniqueViolationError as exc:
            raise ApiError(
                409,
                "Conflict",
                "another actor has this name and kind: merge the two instead "
                "(POST /v1/actors/{id}/merge)",
            ) from exc
        if not isinstance(patch.aliases, msgspec.UnsetType):
            names = sorted({_alias(a) for a in patch.aliases} | {name or str(row["name"])})
            await execute(conn, "clear_actor_aliases", actor_id)
            await execute(
                conn, "insert_actor_aliases", actor_id, names, [name_key(n) for n in names]
            )
    actor = await reads.get_actor(pool, actor_id)
    assert actor is not None
    return actor


def _alias(text: str) -> str:
    alias = text.strip()
    if not alias or len(alias) > 300 or "\x00" in alias:
        raise bad_input("aliases", f"{text!r} is not a name (1 to 300 characters, no NUL)")
    return alias


async def merge_actors(pool: Pool, survivor_id: str, merge: ActorMerge) -> Actor:
    """Move everything of `merge.absorb` onto the survivor, then delete it, leaving a redirect."""
    absorbed_id = merge.absorb
    if absorbed_id == survivor_id:
        raise bad_input("absorb", "an actor cannot absorb itself")
    async with pool.acquire() as conn, conn.transaction():
        # both rows locked in id order, so two merges of the same pair cannot deadlock
        for actor_id in sorted((survivor_id, absorbed_id)):
            if await fetch_record(conn, "lock_actor", actor_id) is None:
                if actor_id == survivor_id:
                    raise not_found("actor", survivor_id)
                raise bad_input("absorb", f"no actor with id {absorbed_id!r}")
        for statement in (
            "merge_mentions",
            "merge_article_links",
            "merge_quotes",
            "merge_claims",
            "merge_names",
            "merge_titles",
        ):
            await execute(conn, statement, survivor_id, absorbed_id)
        await execute(conn, "merge_redirects", survivor_id, absorbed_id, merge.curator)
        await execute(conn, "delete_actor", absorbed_id)
        await execute(conn, "mark_actor_curated", survivor_id, merge.curator)
    actor = await reads.get_actor(pool, survivor_id)
    assert actor is not None
    return actor
