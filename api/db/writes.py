"""Typed writes: storing what extraction found, and deleting articles.

Every function takes the connection of the caller's transaction; none commits.
"""

from __future__ import annotations

from datetime import datetime

import asyncpg
import msgspec

from api.db.rows import (
    Conn,
    execute,
    fetch_records,
    fetch_value,
)
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
    conn: Conn, article: ArticleIn, content_hash: str, extractor_version: str, simhash: int
) -> str | None:
    """The new article's id, or None when an article with this url or body exists already.
    `simhash` is its body's fingerprint (api.extract.fingerprint), for near-duplicates."""
    found = await fetch_value(
        conn, "insert_article", id=new_id("article"), title=article.title, body=article.body,
        source=article.source, url=article.url, published_at=article.published_at,
        language=article.language, content_hash=content_hash,
        extractor_version=extractor_version, simhash=simhash,
    )  # fmt: skip
    return None if found is None else str(found)


class Candidate(msgspec.Struct, frozen=True):
    """A stored actor an extracted name may denote, as actors_by_name_keys reads it."""

    id: str
    by_name: bool
    curated: bool


def resolve_actor(key: str, kind: str, candidates: list[Candidate]) -> Candidate | None:
    """Which stored actor an extracted name denotes, if any.

    A curator's word decides first: the one curated actor with this name or alias (curators
    rename, re-kind and merge actors, and re-extraction must find them again). Then the
    actor's own name. An alias decides only when one actor holds it, and for people only when
    it is more than one word: two people who share a surname ("Sorokin") are not merged on
    the surname alone, and neither is a new "Sorokin" with the one already stored.
    """
    curated = [c for c in candidates if c.curated]
    if len(curated) == 1:
        return curated[0]
    candidates = [c for c in candidates if not c.curated]
    by_name = [c for c in candidates if c.by_name]
    if by_name:
        return by_name[0]
    if len(candidates) != 1 or (kind == "person" and " " not in key):
        return None
    return candidates[0]


class Known(msgspec.Struct):
    """A stored (or about to be stored) actor and the name keys it is known by."""

    id: str
    name_key: str
    kind: str
    curated: bool
    keys: set[str]


class ActorPlan(msgspec.Struct):
    """What storing an article's actors takes: the target of each extracted actor (a stored
    id, or the id a new actor gets), the new actors, and the titles and aliases to add."""

    targets: list[str]
    new: list[tuple[ExtractedActor, str, str]]  # (actor, its id, its name key)
    titles: list[tuple[str, str]]  # (actor id, title)
    aliases: list[tuple[str, str, str]]  # (actor id, alias, alias key)


def plan_actors(actors: list[ExtractedActor], stored: list[Known]) -> ActorPlan:
    """Resolve each actor in order, as if each were looked up after the previous one's names
    became aliases: an actor created or named here is a candidate for the ones after it.
    `stored`: what actors_by_name_keys found for the article's names (left as it is)."""
    known = {k.id: msgspec.structs.replace(k, keys=set(k.keys)) for k in stored}
    plan = ActorPlan(targets=[], new=[], titles=[], aliases=[])
    for actor in actors:
        key = name_key(actor.name)
        candidates = sorted(
            (
                Candidate(k.id, k.name_key == key, k.curated)
                for k in known.values()
                if key in k.keys and (k.kind == actor.kind or k.curated)
            ),
            key=lambda c: (not c.curated, not c.by_name, c.id),
        )[:3]  # as the one-at-a-time lookup's LIMIT 3 left them
        found = resolve_actor(key, actor.kind, candidates)
        if found is None:
            actor_id = new_id("actor")
            known[actor_id] = Known(actor_id, key, actor.kind, curated=False, keys={key})
            plan.new.append((actor, actor_id, key))
        else:
            actor_id = found.id
            if actor.titles and not found.curated:
                plan.titles += [(actor_id, title) for title in actor.titles]
        target = known[actor_id]
        if not target.curated:  # a curated actor keeps the names its curator left
            names = sorted({actor.name, *actor.aliases})
            plan.aliases += [(actor_id, n, name_key(n)) for n in names]
            target.keys.update(name_key(n) for n in names)
        plan.targets.append(actor_id)
    return plan


async def store_actors(conn: Conn, article_id: str, actors: list[ExtractedActor]) -> dict[str, str]:
    """Resolve each actor to a stored one or create it, then link them all to the article
    with their mentions: one statement each for the lookup, new actors, titles, aliases,
    links and mentions, whatever the number of actors. Returns their ids by key."""
    if not actors:
        return {}
    stored = await fetch_records(
        conn, "actors_by_name_keys",
        name_keys=[name_key(a.name) for a in actors], kinds=[a.kind for a in actors],
    )  # fmt: skip
    known: dict[str, Known] = {}
    for row in stored:
        entry = known.setdefault(
            row["id"], Known(row["id"], row["name_key"], row["kind"], row["curated"], set())
        )
        entry.keys.add(row["key"])
    plan = plan_actors(actors, list(known.values()))
    ids = {actor_id: actor_id for actor_id in plan.targets}
    if plan.new:
        created = await fetch_records(
            conn, "insert_actors", ids=[i for _, i, _ in plan.new],
            names=[a.name for a, _, _ in plan.new], name_keys=[k for _, _, k in plan.new],
            kinds=[a.kind for a, _, _ in plan.new],
            titles=[msgspec.json.encode(a.titles).decode() for a, _, _ in plan.new],
            affiliations=[a.affiliation for a, _, _ in plan.new],
        )  # fmt: skip
        # a concurrent ingest may have created one first: its id is the one stored
        stored_ids = {(r["name_key"], r["kind"]): str(r["id"]) for r in created}
        ids.update({i: stored_ids[(k, a.kind)] for a, i, k in plan.new})
    if plan.titles:
        titles = sorted({(ids[i], t) for i, t in plan.titles})
        await execute(
            conn, "add_actor_titles",
            actor_ids=[i for i, _ in titles], titles=[t for _, t in titles],
        )  # fmt: skip
    if plan.aliases:
        aliases = sorted({(ids[i], n, k) for i, n, k in plan.aliases})
        await execute(
            conn, "insert_actor_aliases", actor_ids=[i for i, _, _ in aliases],
            aliases=[n for _, n, _ in aliases], alias_keys=[k for _, _, k in aliases],
        )  # fmt: skip
    by_key = {a.key: ids[t] for a, t in zip(actors, plan.targets, strict=True)}
    await execute(
        conn, "link_article_actors", article_id=article_id, actor_ids=sorted(set(by_key.values()))
    )
    spans = [(by_key[actor.key], span) for actor in actors for span in actor.mentions]
    await _store_spans(conn, "insert_mentions", article_id, spans)
    return by_key


async def store_places(conn: Conn, article_id: str, places: list[ExtractedPlace]) -> dict[str, str]:
    """Store the article's gazetteer places once each (by GeoNames id) and link them with
    their mentions, in four statements. Returns their ids by key."""
    if not places:
        return {}
    new = [p.place for p in places]
    aliases = [sorted(set(p.aliases) - {p.name}) for p in new]
    search_names = [" ".join([p.name, *names]) for p, names in zip(new, aliases, strict=True)]
    await execute(
        conn, "insert_places",
        id=[new_id("place") for _ in new], geonames_id=[p.geonames_id for p in new],
        name=[p.name for p in new],
        aliases=[msgspec.json.encode(names).decode() for names in aliases],
        search_names=search_names,
        kind=[p.kind for p in new], country_code=[p.country_code for p in new],
        admin1=[p.admin1 for p in new], lat=[p.lat for p in new],
        lon=[p.lon for p in new], population=[p.population for p in new],
    )  # fmt: skip
    stored = await fetch_records(
        conn, "places_by_geonames_ids", geonames_ids=[p.geonames_id for p in new]
    )
    by_geonames = {r["geonames_id"]: str(r["id"]) for r in stored}
    ids = {p.key: by_geonames[p.place.geonames_id] for p in places}
    await execute(
        conn, "link_article_places", article_id=article_id, entity_ids=sorted(set(ids.values()))
    )
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
        conn, "insert_quotes",
        article_id=article_id, published_at=published_at, extractor_version=version,
        id=ids or [new_id("quote") for _ in quotes],
        speaker_id=[speaker for _, speaker in quotes],
        speaker_text=[q.speaker_text for q, _ in quotes], cue=[q.cue for q, _ in quotes],
        kind=[q.kind for q, _ in quotes], text=[q.text for q, _ in quotes],
        start=[q.start for q, _ in quotes], end=[q.end for q, _ in quotes],
        confidence=[_clamp(q.confidence) for q, _ in quotes],
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
        conn, "insert_claim",
        id=claim_id, article_id=article_id, place_id=links.place,
        place_text=claim.place_text, claimant_id=links.claimant,
        claimant_text=claim.claimant_text, controller_id=links.controller,
        controller_text=claim.controller_text,
        previous_controller_id=links.previous_controller, type=claim.type,
        stance=claim.stance, modality=claim.modality, extent_text=claim.extent_text,
        extent_value=claim.extent_value, extent_unit=claim.extent_unit,
        evidence_text=claim.evidence.text, evidence_start=claim.evidence.start,
        evidence_end=claim.evidence.end, responds_to=links.responds_to,
        confidence=_clamp(claim.confidence), claimed_at=claimed_at,
        extractor_version=version, relayed_by_id=links.relayed_by,
    )  # fmt: skip


async def link_earlier_claim(
    conn: Conn, claim_id: str, article_id: str, place_id: str, claimed_at: datetime,
    controller_id: str | None,
) -> bool:  # fmt: skip
    """Point a denial at the claim it answers in an earlier stored article; True if found."""
    answered = await fetch_value(
        conn, "earlier_claim_answered", place_id=place_id, article_id=article_id,
        claimed_at=claimed_at, controller_id=controller_id,
    )  # fmt: skip
    if answered is None:
        return False
    await execute(conn, "set_responds_to", id=claim_id, responds_to=answered)
    return True


async def _store_spans(
    conn: Conn, statement: str, article_id: str, spans: list[tuple[str, Span]]
) -> None:
    """Where the article names its actors or places: (entity id, span) pairs, one statement."""
    if spans:
        await execute(
            conn, statement, article_id=article_id, entity_ids=[entity for entity, _ in spans],
            starts=[s.start for _, s in spans], ends=[s.end for _, s in spans],
            texts=[s.text for _, s in spans],
        )  # fmt: skip


async def drop_orphan_actors(conn: Conn, actor_ids: list[str]) -> None:
    """Delete those of these actors that no article involves any more (curated ones stay).

    Locks them first: FOR UPDATE waits for any ingest holding one FOR KEY SHARE (it resolved
    the actor and is linking it), and the delete that follows sees what that ingest committed.
    """
    await execute(conn, "lock_actors", actor_ids=actor_ids)
    await execute(conn, "delete_orphan_actors", actor_ids=actor_ids)


def _clamp(confidence: float) -> float:
    # three decimals: what the score means, and what a client reads back (no 0.630000001)
    return round(min(1.0, max(0.0, confidence)), 3)


async def delete_article(pool: asyncpg.Pool[asyncpg.Record], article_id: str) -> bool:
    """Delete the article, what was extracted from it, and actors no other article involves."""
    async with pool.acquire() as conn, conn.transaction():
        # lock first: a re-extraction of this article may be changing which actors it involves
        if await fetch_value(conn, "lock_article", id=article_id) is None:
            return False
        links = await fetch_records(conn, "article_actor_ids", article_id=article_id)
        involved = [r["actor_id"] for r in links]
        await execute(conn, "delete_article", id=article_id)
        await drop_orphan_actors(conn, involved)
    return True
