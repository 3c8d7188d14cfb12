"""Corrections by people: PATCH a quote, a claim or an actor, merge two actors.

Each correction is one transaction that reads the rows it changes FOR UPDATE and marks what
it changed as curated (who and when), so re-extraction leaves it alone. An id of an actor
that was merged away stands for the survivor. Deadlocks with a concurrent ingest, delete or
re-extraction are retried like ingest's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeAlias

import asyncpg
import msgspec

from api.corrections import ActorMerge, ActorPatch, ClaimPatch, QuotePatch
from api.db import reads, writes
from api.db.rows import Conn, Db, execute, fetch_record, fetch_value
from api.db.transaction import in_transaction
from api.errors import Conflict, NotFound, Stale, Unprocessable
from api.names import name_key
from api.schemas import Actor, Claim, Quote

Pool: TypeAlias = "asyncpg.Pool[asyncpg.Record]"
# The caller's condition on the entity as it is now, read under its row lock (If-Match):
# False means it changed since the caller read it, and nothing is written.
Unchanged: TypeAlias = "Callable[[Quote | Claim | Actor], bool] | None"


async def current_actor_id(conn: Conn, actor_id: str) -> str | None:
    """The actor's id, or the survivor's if it was merged; None when no such actor exists."""
    found = await fetch_value(conn, "current_actor_id", id=actor_id)
    return None if found is None else str(found)


async def actor_redirect(db: Db, actor_id: str) -> str | None:
    """Where a merged actor's id now points, if it was merged."""
    found = await fetch_value(db, "actor_redirect", old_id=actor_id)
    return None if found is None else str(found)


async def patch_quote(
    pool: Pool, quote_id: str, patch: QuotePatch, key_id: str, unchanged: Unchanged = None
) -> Quote:
    """Correct the quote; `key_id`, the API key that asked, is recorded with the change."""

    async def work(conn: Conn) -> None:
        row = await fetch_record(conn, "quote_for_update", id=quote_id)
        if row is None:
            raise NotFound("quote", quote_id)
        await _check(conn, "quote", quote_id, unchanged)
        start, end, text = _span(patch, str(row["body"]))
        kind = None if patch.kind is msgspec.UNSET else patch.kind
        set_speaker = patch.speaker is not msgspec.UNSET
        speaker: str | None = None
        if isinstance(patch.speaker, str):
            speaker = await current_actor_id(conn, patch.speaker)
            if speaker is None:
                raise Unprocessable("speaker", f"no actor with id {patch.speaker!r}")
            await execute(
                conn, "link_article_actor", article_id=row["article_id"], actor_id=speaker
            )
        await execute(
            conn, "update_quote", id=quote_id, set_speaker=set_speaker, speaker=speaker,
            kind=kind, start=start, end=end, text=text, curator=patch.curator, key_id=key_id,
        )  # fmt: skip
        old = row["speaker_id"]
        if set_speaker and old is not None and old != speaker:
            await execute(conn, "unlink_unused_actor", article_id=row["article_id"], actor_id=old)
            await writes.drop_orphan_actors(conn, [old])

    await in_transaction(pool, work)
    quote = await reads.get_quote(pool, quote_id)
    if quote is None:  # deleted with its article between the commit and this read
        raise NotFound("quote", quote_id)
    return quote


async def patch_claim(
    pool: Pool, claim_id: str, patch: ClaimPatch, key_id: str, unchanged: Unchanged = None
) -> Claim:
    """Mark the claim wrong (or not) or reviewed; `key_id`, the API key that asked, is recorded
    with the change."""

    async def work(conn: Conn) -> None:
        if await fetch_record(conn, "claim_for_update", id=claim_id) is None:
            raise NotFound("claim", claim_id)
        await _check(conn, "claim", claim_id, unchanged)
        wrong = None if patch.wrong is msgspec.UNSET else patch.wrong
        await execute(
            conn, "update_claim", id=claim_id, wrong=wrong, curator=patch.curator, key_id=key_id
        )

    await in_transaction(pool, work)
    claim = await reads.get_claim(pool, claim_id)
    if claim is None:  # deleted with its article between the commit and this read
        raise NotFound("claim", claim_id)
    return claim


def _span(patch: QuotePatch, body: str) -> tuple[int | None, int | None, str | None]:
    """The new (start, end, text), or Nones when the span stays as it is."""
    if patch.start is msgspec.UNSET and patch.end is msgspec.UNSET:
        return None, None, None
    if patch.start is msgspec.UNSET or patch.end is msgspec.UNSET:
        raise Unprocessable("start", "start and end change together")
    if not patch.start < patch.end <= len(body):
        raise Unprocessable("end", f"need start < end <= {len(body)} (the body's length)")
    return patch.start, patch.end, body[patch.start : patch.end]


def _name(field: str, text: str) -> str:
    """A name as given, without surrounding space; 422 when nothing is left of it."""
    name = text.strip()
    if not name or len(name) > 300 or "\x00" in name:
        raise Unprocessable(field, f"{text!r} is not a name (1 to 300 characters, no NUL)")
    return name


async def patch_actor(
    pool: Pool, actor_id: str, patch: ActorPatch, key_id: str, unchanged: Unchanged = None
) -> Actor:
    """Change the actor (or the survivor, if `actor_id` was merged away); returns it. `key_id`,
    the API key that asked, is recorded with the change."""

    async def work(conn: Conn) -> str:
        current = await current_actor_id(conn, actor_id)
        row = None if current is None else await fetch_record(conn, "lock_actor", id=current)
        if current is None or row is None:
            raise NotFound("actor", actor_id)
        await _check(conn, "actor", current, unchanged)
        name = None if patch.name is msgspec.UNSET else _name("name", patch.name)
        kind = None if patch.kind is msgspec.UNSET else patch.kind
        try:
            await execute(
                conn, "update_actor", id=current, name=name,
                name_key=None if name is None else name_key(name), kind=kind,
                curated_by=patch.curator, curated_key=key_id,
            )  # fmt: skip
        except asyncpg.UniqueViolationError as exc:
            raise Conflict(
                "another actor has this name and kind: merge the two instead "
                "(POST /v1/actors/{id}/merge)"
            ) from exc
        # the old name stays an alias, so articles that use it still find this actor
        names = {str(row["name"]), name or str(row["name"])}
        if not isinstance(patch.aliases, msgspec.UnsetType):
            names |= {_name("aliases", a) for a in patch.aliases}
            await execute(conn, "clear_actor_aliases", actor_id=current)
        ordered = sorted(names)
        await execute(
            conn, "insert_actor_aliases", actor_ids=[current] * len(ordered), aliases=ordered,
            alias_keys=[name_key(n) for n in ordered],
        )  # fmt: skip
        return current

    current = await in_transaction(pool, work)
    actor = await reads.get_actor(pool, current)
    if actor is None:  # merged away or deleted between the commit and this read
        raise NotFound("actor", actor_id)
    return actor


_READ: dict[str, Callable[[Conn, str], Awaitable[Quote | Claim | Actor | None]]] = {
    "quote": reads.get_quote,
    "claim": reads.get_claim,
    "actor": reads.get_actor,
}


async def _check(conn: Conn, kind: str, entity_id: str, unchanged: Unchanged) -> None:
    """Raise Stale when the caller's condition on the locked quote, claim or actor does not
    hold: it is read as GET reads it, in this transaction."""
    if unchanged is None:
        return
    current = await _READ[kind](conn, entity_id)
    if current is None or not unchanged(current):
        raise Stale(kind, entity_id)


async def merge_actors(
    pool: Pool, survivor_id: str, merge: ActorMerge, key_id: str, unchanged: Unchanged = None
) -> Actor:
    """Move everything of `merge.absorb` onto the survivor, then delete it, leaving a redirect.
    Either id may be one that was merged away before: it stands for its survivor."""

    async def work(conn: Conn) -> str:
        survivor = await current_actor_id(conn, survivor_id)
        if survivor is None:
            raise NotFound("actor", survivor_id)
        absorbed = await current_actor_id(conn, merge.absorb)
        if absorbed is None:
            raise Unprocessable("absorb", f"no actor with id {merge.absorb!r}")
        if absorbed == survivor:
            raise Unprocessable("absorb", "that is this actor (or was merged into it already)")
        # both rows locked in id order, so two merges of the same pair cannot deadlock
        for actor_id in sorted((survivor, absorbed)):
            await execute(conn, "lock_actor", id=actor_id)
        await _check(conn, "actor", survivor, unchanged)
        for statement in (
            "merge_mentions",
            "merge_article_links",
            "merge_quotes",
            "merge_claims",
            "merge_names",
            "merge_titles",
        ):
            await execute(conn, statement, survivor=survivor, absorbed=absorbed)
        await execute(
            conn, "merge_redirects", survivor=survivor, absorbed=absorbed,
            merged_by=merge.curator, merged_key=key_id,
        )  # fmt: skip
        await execute(conn, "delete_actor", id=absorbed)
        await execute(
            conn, "mark_actor_curated", id=survivor, curated_by=merge.curator, curated_key=key_id
        )
        return survivor

    survivor = await in_transaction(pool, work)
    actor = await reads.get_actor(pool, survivor)
    if actor is None:  # merged away or deleted between the commit and this read
        raise NotFound("actor", survivor_id)
    return actor
