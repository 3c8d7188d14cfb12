"""What extraction produces: plain Structs, no database ids, no web types.

Cross references inside one extraction use *keys* (``"a0"``, ``"p3"``) that the ingest step
maps to stored ids. Every span is a pair of character offsets into the article body, so
``body[start:end] == text`` always holds.
"""

from __future__ import annotations

from typing import Literal

import msgspec

ActorKind = Literal["person", "organization", "state", "military", "group", "media"]
QuoteKind = Literal["direct", "indirect", "partial"]
PlaceKind = Literal["settlement", "region", "country"]
ClaimType = Literal[
    "control", "capture", "advance", "withdrawal", "contested", "cession", "annexation"
]
Stance = Literal["asserted", "denied"]
Modality = Literal["factual", "unverified", "demanded", "proposed", "hypothetical"]


class Span(msgspec.Struct, frozen=True):
    start: int
    end: int
    text: str


class ExtractedActor(msgspec.Struct):
    key: str
    name: str
    kind: ActorKind
    aliases: list[str] = []
    titles: list[str] = []
    affiliation: str | None = None
    mentions: list[Span] = []


class ExtractedQuote(msgspec.Struct):
    text: str
    kind: QuoteKind
    start: int
    end: int
    speaker: str | None = None  # actor key
    speaker_text: str | None = None
    cue: str | None = None
    confidence: float = 0.5


class GazetteerPlace(msgspec.Struct, frozen=True):
    geonames_id: int
    name: str
    kind: PlaceKind
    country_code: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    aliases: tuple[str, ...] = ()


class ExtractedPlace(msgspec.Struct):
    key: str
    place: GazetteerPlace
    mentions: list[Span] = []


ClaimForm = Literal["stated", "answer", "bare"]


class ExtractedClaim(msgspec.Struct):
    place_text: str
    type: ClaimType
    stance: Stance
    modality: Modality
    evidence: Span
    place: str | None = None  # place key
    claimant: str | None = None  # actor key
    claimant_text: str | None = None
    controller: str | None = None  # actor key
    controller_text: str | None = None
    previous_controller: str | None = None  # actor key
    extent_text: str | None = None
    extent_value: float | None = None
    extent_unit: str | None = None
    responds_to: int | None = None  # index of another claim in the same extraction
    confidence: float = 0.5
    relayed_by: str | None = None  # actor key: who passed the claim on
    # how the text makes the claim: a trigger about a place ("stated"), a rejection later
    # in its sentence of the sentence's own claim ("answer": "…, a claim Oslo dismissed"), or
    # a rejection naming no place that answers an earlier claim ("bare": "Oslo dismissed it")
    form: ClaimForm = "stated"


class Extraction(msgspec.Struct):
    version: str
    actors: list[ExtractedActor]
    quotes: list[ExtractedQuote]
    places: list[ExtractedPlace]
    claims: list[ExtractedClaim]
