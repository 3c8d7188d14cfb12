"""The extraction harness the unit tests share: run a stage (with the stages it needs) on a
text, and check on the way that every span it reports is the text it points at.

A module, not conftest.py: pytest advises against importing from a conftest, and these are
functions the tests call, not fixtures (the spaCy model, `nlp`, is the fixture in conftest).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from api.extract.actors import find_actors
from api.extract.claims import find_claims
from api.extract.gazetteer import Gazetteer
from api.extract.places import find_places
from api.extract.quotes import find_quotes
from api.extract.types import ExtractedActor, ExtractedClaim, ExtractedQuote

# Two invented sides of an invented border war; the claims stage reads country words from
# states.json, so these need no actors stage.
BORDER_WAR = [
    ExtractedActor(key="a0", name="Colombia", kind="state", aliases=["Bogota"]),
    ExtractedActor(key="a1", name="Venezuela", kind="state", aliases=["Caracas"]),
]

# (place text, stance, type, controller's name or "-", modality)
Summary = tuple[str, str, str, str, str]


def actors_in(nlp: Language, text: str, gazetteer: Gazetteer | None = None) -> list[ExtractedActor]:
    """The actors stage on `text`, with an empty gazetteer unless one is given."""
    actors = find_actors(nlp(text), gazetteer or Gazetteer([]))
    for actor in actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    return actors


def quotes_in(nlp: Language, text: str) -> tuple[list[ExtractedActor], list[ExtractedQuote]]:
    """The actors and quotes stages on `text`."""
    doc = nlp(text)
    actors = find_actors(doc, Gazetteer([]))
    quotes = find_quotes(doc, actors)
    for q in quotes:
        assert text[q.start : q.end] == q.text
    return actors, quotes


def direct(quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    return [q for q in quotes if q.kind == "direct"]


def speaker_of(actors: list[ExtractedActor], quote: ExtractedQuote) -> str | None:
    """The name of the quote's speaker, if it has one."""
    return next((a.name for a in actors if a.key == quote.speaker), None)


@dataclass(frozen=True)
class ClaimRun:
    claims: list[ExtractedClaim]
    extra: list[ExtractedActor]  # actors the claims stage added (claimants it found)
    names: dict[str, str]  # actor key → name, given and added
    places: dict[str, str]  # place key → gazetteer name
    mentions: list[str]  # the texts of the place mentions found


def claims_in(
    nlp: Language,
    text: str,
    actors: list[ExtractedActor] = BORDER_WAR,
    source: str | None = "Test Wire",
) -> ClaimRun:
    """The places and claims stages on `text`, with `actors` built by hand."""
    doc = nlp(text)
    places = find_places(doc, Gazetteer.load())
    claims, extra = find_claims(doc, actors, places, source)
    for c in claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    return ClaimRun(
        claims=claims,
        extra=extra,
        names={a.key: a.name for a in [*actors, *extra]},
        places={p.key: p.place.name for p in places},
        mentions=[m.text for p in places for m in p.mentions],
    )


def summary(claims: list[ExtractedClaim], names: dict[str, str]) -> list[Summary]:
    return [
        (c.place_text, c.stance, c.type, names.get(c.controller or "", "-"), c.modality)
        for c in claims
    ]
