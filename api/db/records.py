"""Read rows into wire Structs: one function per row shape of the read views (013_flat_rows).

The driver decodes each column in C; these functions only place the values, by column
name, into the Struct the contract is generated from (about 1 µs a row, where converting a
dict of the row cost 10). A nested object is its own columns (`speaker_id`, `speaker_name`),
null when its id is; a list of spans is an array of the `span` composite.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from asyncpg import Record

from api import schemas

Row = Record | Any  # a top-level row, or a composite inside one (also a Record, by name)


def actor_ref(actor_id: Any, name: Any) -> schemas.ActorRef | None:
    """The actor an id column names, with its name column; None when the id is null."""
    return None if actor_id is None else schemas.ActorRef(actor_id, name)


def spans(rows: Iterable[Row]) -> list[schemas.Span]:
    return [schemas.Span(r["start"], r["end"], r["text"]) for r in rows]


def quote(r: Row) -> schemas.Quote:
    return schemas.Quote(
        id=r["id"],
        text=r["text"],
        kind=r["kind"],
        speaker=actor_ref(r["speaker_id"], r["speaker_name"]),
        speaker_text=r["speaker_text"],
        cue=r["cue"],
        start=r["start"],
        end=r["end"],
        confidence=r["confidence"],
        article_id=r["article_id"],
        published_at=r["published_at"],
        extractor_version=r["extractor_version"],
        curated=r["curated"],
        curated_by=r["curated_by"],
        curated_at=r["curated_at"],
    )


def claim(r: Row) -> schemas.Claim:
    place_id = r["place_id"]
    has_extent = r["extent_text"] is not None or r["extent_value"] is not None
    return schemas.Claim(
        id=r["id"],
        place=None
        if place_id is None
        else schemas.PlaceRef(place_id, r["place_name"], r["place_aliases"]),
        place_text=r["place_text"],
        claimant=actor_ref(r["claimant_id"], r["claimant_name"]),
        claimant_text=r["claimant_text"],
        controller=actor_ref(r["controller_id"], r["controller_name"]),
        controller_text=r["controller_text"],
        previous_controller=actor_ref(r["previous_controller_id"], r["previous_controller_name"]),
        type=r["type"],
        stance=r["stance"],
        modality=r["modality"],
        extent=schemas.Extent(r["extent_text"], r["extent_value"], r["extent_unit"])
        if has_extent
        else None,
        evidence=schemas.Span(r["evidence_start"], r["evidence_end"], r["evidence_text"]),
        responds_to=r["responds_to"],
        confidence=r["confidence"],
        article_id=r["article_id"],
        claimed_at=r["claimed_at"],
        extractor_version=r["extractor_version"],
        lat=r["lat"],
        lon=r["lon"],
        relayed_by=actor_ref(r["relayed_by_id"], r["relayed_by_name"]),
        wrong=r["wrong"],
        curated=r["curated"],
        curated_by=r["curated_by"],
        curated_at=r["curated_at"],
    )


def _article_head(r: Row) -> dict[str, Any]:
    """The fields an article's summary and the annotated article share."""
    return {
        "id": r["id"],
        "title": r["title"],
        "source": r["source"],
        "url": r["url"],
        "published_at": r["published_at"],
        "language": r["language"],
        "content_hash": r["content_hash"],
        "ingested_at": r["ingested_at"],
        "extractor_version": r["extractor_version"],
    }


def article_summary(r: Row) -> schemas.ArticleSummary:
    return schemas.ArticleSummary(**_article_head(r))


def article_actor(r: Row) -> schemas.ArticleActor:
    return schemas.ArticleActor(
        id=r["id"],
        name=r["name"],
        kind=r["kind"],
        aliases=r["aliases"],
        titles=r["titles"],
        mentions=spans(r["mentions"]),
    )


def article_place(r: Row) -> schemas.ArticlePlace:
    return schemas.ArticlePlace(
        id=r["id"],
        name=r["name"],
        aliases=r["aliases"],
        kind=r["kind"],
        country_code=r["country_code"],
        lat=r["lat"],
        lon=r["lon"],
        mentions=spans(r["mentions"]),
    )


def article(r: Row) -> schemas.Article:
    """The annotated article: get_article's row, its entities in arrays of read rows."""
    return schemas.Article(
        **_article_head(r),
        body=r["body"],
        actors=[article_actor(a) for a in r["actors"]],
        quotes=[quote(q) for q in r["quotes"]],
        claims=[claim(c) for c in r["claims"]],
        places=[article_place(p) for p in r["places"]],
    )


def actor(r: Row) -> schemas.Actor:
    return schemas.Actor(
        id=r["id"],
        name=r["name"],
        kind=r["kind"],
        aliases=r["aliases"],
        titles=r["titles"],
        affiliation=r["affiliation"],
        mentions=r["mentions"],
        quotes=r["quotes"],
        first_seen=r["first_seen"],
        last_seen=r["last_seen"],
        curated=r["curated"],
        curated_by=r["curated_by"],
        curated_at=r["curated_at"],
    )


def place(r: Row) -> schemas.Place:
    controller = r["controller_id"]
    return schemas.Place(
        id=r["id"],
        name=r["name"],
        aliases=r["aliases"],
        kind=r["kind"],
        country_code=r["country_code"],
        admin1=r["admin1"],
        lat=r["lat"],
        lon=r["lon"],
        geonames_id=r["geonames_id"],
        population=r["population"],
        mentions=r["mentions"],
        claims=r["claims"],
        latest_controller=None
        if controller is None
        else schemas.PlaceController(
            actor=schemas.ActorRef(controller, r["controller_name"]),
            claim_id=r["control_claim_id"],
            claimed_at=r["control_claimed_at"],
            status="contested" if r["contested"] else "held",
        ),
    )
