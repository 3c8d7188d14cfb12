"""Typed writes: storing what extraction found, and deleting articles.

Every function takes the connection of the caller's transaction; none commits.
"""

from __future__ import annotations

from datetime import datetime

import asyncpg
import msgspec

from api.db.rows import Conn, execute, fetch_records, fetch_value
from api.extract.types import (
    ExtractedActor,
    ExtractedClaim,
    ExtractedPlace,
    ExtractedQuote,
    Span,
)
from api.ids import new_id
from api.names import name_key
from api.schemas import ArticleIn


async def insert_article(
    conn: Conn, article: ArticleIn, content_hash: str, extractor_version: str
) -> str | None:
    """The new article's id, or None when an article with this url or body exists already."""
    found = await fetch_value(
        conn,
        "insert_article",
        new_id("article"),
        article.title,
        article.body,
        article.source,
        article.url,
        article.published_at,
        article.language,
        content_hash,
        extractor_version,
    )
    return None if found is None else str(found)


def resolve_actor(key: str, kind: str, candidates: list[asyncpg.Record]) -> asyncpg.Record | None:
    """Which stored actor an extracted name denotes, if any.

    A curator's word decides first: the one curated actor with this name or alias (curators
    rename, re-kind and merge actors, and re-extraction must find them again). Then the
    actor's own name. An alias decides only when one actor holds it, and for people only when
    it is more than one word: two people who share a surname ("Sorokin") are not merged on
    the surname alone, and neither is a new "Sorokin" with the one already stored.
    """
    curated = [c for c in candidates if c["curated"]]
    if len(curated) == 1:
        return curated[0]
    candidates = [c for c in candidates if not c["curated"]]
    by_name = [c for c in candidates if c["by_name"]]
    if by_name:
        return by_name[0]
    if len(candidates) != 1 or (kind == "person" and " " not in key):
        return None
    return candidates[0]


async def store_actors(conn: Conn, article_id: str, actors: list[ExtractedActor]) -> dict[str, str]:
    """Resolve each actor to a stored one or create it, then link them all to the article
    with their mentions (two statements for the whole article). Returns their ids by key.

    Resolution stays one actor at a time, in the caller's order: an actor's names become
    aliases before the next is looked up, as cross-article resolution expects."""
    ids = {actor.key: await resolve_and_store(conn, actor) for actor in actors}
    await execute(conn, "link_article_actors", article_id, list(ids.values()))
    spans = [(ids[actor.key], span) for actor in actors for span in actor.mentions]
    await _store_spans(conn, "insert_mentions", article_id, spans)
    return ids


async def resolve_and_store(conn: Conn, actor: ExtractedActor) -> str:
    """The stored actor this extracted one denotes, created if there is none. A curated
    actor keeps the names and titles its curator left."""
    key = name_key(actor.name)
    found = resolve_actor(
        key, actor.kind, await fetch_records(conn, "actors_by_name_key", key, actor.kind)
    )
    actor_id = None if found is None else found["id"]
    curated = found is not None and bool(found["curated"])
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
    elif actor.titles and not curated:
        await execute(conn, "add_actor_titles", actor_id, actor.titles)
    if not curated:
        names = sorted({actor.name, *actor.aliases})
        await execute(conn, "insert_actor_aliases", actor_id, names, [name_key(n) for n in names])
    return str(actor_id)


async def store_places(conn: Conn, article_id: str, places: list[ExtractedPlace]) -> dict[str, str]:
    """Store the article's gazetteer places once each (by GeoNames id) and link them with
    their mentions, in four statements. Returns their ids by key."""
    if not places:
        return {}
    new = [p.place for p in places]
    aliases = [sorted(set(p.aliases) - {p.name}) for p in new]
    await execute(
        conn, "insert_places", [new_id("place") for _ in new], [p.geonames_id for p in new],
        [p.name for p in new], [msgspec.json.encode(names).decode() for names in aliases],
        [" ".join([p.name, *names]) for p, names in zip(new, aliases, strict=True)],
        [p.kind for p in new], [p.country_code for p in new], [p.admin1 for p in new],
        [p.lat for p in new], [p.lon for p in new], [p.population for p in new],
    )  # fmt: skip
    stored = await fetch_records(conn, "places_by_geonames_ids", [p.geonames_id for p in new])
    by_geonames = {r["geonames_id"]: str(r["id"]) for r in stored}
    ids = {p.key: by_geonames[p.place.geonames_id] for p in places}
    await execute(conn, "link_article_places", article_id, sorted(set(ids.values())))
    spans = [(ids[p.key], span) for p in places for span in p.mentions]
    await _store_spans(conn, "insert_place_mentions", article_id, spans)
    return ids


async def store_quotes(
    conn: Conn,
    article_id: str,
    published_at: datetime | None,
    version: str,
    quotes: list[tuple[ExtractedQuote, str | None]],
    ids: list[str] | None = None,
) -> None:
    """The article's quotes, each with its speaker's stored id, in one statement; `ids`
    (one per quote) when they are not new."""
    if not quotes:
        return
    await execute(
        conn, "insert_quotes", article_id, published_at, version,
        ids or [new_id("quote") for _ in quotes], [speaker for _, speaker in quotes],
        [q.speaker_text for q, _ in quotes], [q.cue for q, _ in quotes],
        [q.kind for q, _ in quotes], [q.text for q, _ in quotes], [q.start for q, _ in quotes],
        [q.end for q, _ in quotes], [_clamp(q.confidence) for q, _ in quotes],
    )  # fmt: skip


class ClaimLinks(msgspec.Struct, kw_only=True, frozen=True):
    """The stored ids a claim refers to, resolved from the extraction's keys."""

    place: str | None
    claimant: str | None
    controller: str | None
    previous_controller: str | None
    responds_to: str | None
    relayed_by: str | None = None


async def store_claim(
    conn: Conn,
    article_id: str,
    claim_id: str,
    claim: ExtractedClaim,
    links: ClaimLinks,
    claimed_at: datetime,
    version: str,
) -> None:
    await execute(
        conn,
        "insert_claim",
        claim_id,
        article_id,
        links.place,
        claim.place_text,
        links.claimant,
        claim.claimant_text,
        links.controller,
        claim.controller_text,
        links.previous_controller,
        claim.type,
        claim.stance,
        claim.modality,
        claim.extent_text,
        claim.extent_value,
        claim.extent_unit,
        claim.evidence.text,
        claim.evidence.start,
        claim.evidence.end,
        links.responds_to,
        _clamp(claim.confidence),
        claimed_at,
        version,
        links.relayed_by,
    )


async def link_earlier_claim(
    conn: Conn, claim_id: str, article_id: str, place_id: str, claimed_at: datetime,
    controller_id: str | None,
) -> bool:  # fmt: skip
    """Point a denial at the claim it answers in an earlier stored article; True if found."""
    answered = await fetch_value(
        conn, "earlier_claim_answered", place_id, article_id, claimed_at, controller_id
    )
    if answered is None:
        return False
    await execute(conn, "set_responds_to", claim_id, answered)
    return True


async def _store_spans(
    conn: Conn, statement: str, article_id: str, spans: list[tuple[str, Span]]
) -> None:
    """Where the article names its actors or places: (entity id, span) pairs, one statement."""
    if spans:
        await execute(
            conn, statement, article_id, [entity for entity, _ in spans],
            [s.start for _, s in spans], [s.end for _, s in spans], [s.text for _, s in spans],
        )  # fmt: skip


async def drop_orphan_actors(conn: Conn, actor_ids: list[str]) -> None:
    """Delete those of these actors that no article involves any more (curated ones stay).

    Locks them first: FOR UPDATE waits for any ingest holding one FOR KEY SHARE (it resolved
    the actor and is linking it), and the delete that follows sees what that ingest committed.
    """
    await execute(conn, "lock_actors", actor_ids)
    await execute(conn, "delete_orphan_actors", actor_ids)


def _clamp(confidence: float) -> float:
    return min(1.0, max(0.0, confidence))


async def delete_article(pool: asyncpg.Pool[asyncpg.Record], article_id: str) -> bool:
    """Delete the article, what was extracted from it, and actors no other article involves."""
    async with pool.acquire() as conn, conn.transaction():
        # lock first: a re-extraction of this article may be changing which actors it involves
        if await fetch_value(conn, "lock_article", article_id) is None:
            return False
        links = await fetch_records(conn, "article_actor_ids", article_id)
        involved = [r["actor_id"] for r in links]
        await execute(conn, "delete_article", article_id)
        await drop_orphan_actors(conn, involved)
    return True
