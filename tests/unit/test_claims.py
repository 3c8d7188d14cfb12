"""Territorial claims over parsed sentences; actors are built by hand (not by actors.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from api.extract.types import ExtractedActor, ExtractedClaim
from tests.unit.harness import BORDER_WAR, claims_in


def claims_of(
    nlp: Language,
    text: str,
    actors: list[ExtractedActor] = BORDER_WAR,
    source: str | None = "Test Wire",
) -> tuple[list[ExtractedClaim], list[ExtractedActor]]:
    run = claims_in(nlp, text, actors, source)
    return run.claims, run.extra


def test_capture_of_a_village_with_attribution(nlp: Language) -> None:
    claims, _ = claims_of(
        nlp, "Colombia's army announced that its soldiers had seized the village of Zorivka."
    )
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.place_text, claim.type, claim.stance) == ("Zorivka", "capture", "asserted")
    assert claim.controller == "a0"


def test_scare_quoted_liberated(nlp: Language) -> None:
    claims, _ = claims_of(
        nlp, "Colombian troops \u201cliberated\u201d Guasdualito last week, the ministry said."
    )
    assert [(c.type, c.controller) for c in claims] == [("capture", "a0")]


def test_reporter_statement_with_extent(nlp: Language) -> None:
    claims, extra = claims_of(nlp, "Colombian forces now hold about two-fifths of Venezuela.")
    claim = claims[0]
    assert (claim.type, claim.controller, claim.extent_text) == (
        "control",
        "a0",
        "about two-fifths",
    )
    assert claim.extent_value == pytest.approx(0.4)
    assert claim.claimant_text == "Test Wire"
    assert [(a.name, a.kind) for a in extra] == [("Test Wire", "media")]


def test_denial_answers_the_claim(nlp: Language) -> None:
    claims, _ = claims_of(
        nlp,
        "Colombian troops captured Guasdualito, the army said. Venezuela "
        "rejected claims that the city had come under Colombian control.",
    )
    assert [c.stance for c in claims] == ["asserted", "denied"]
    assert claims[1].responds_to == 0
    assert claims[1].place == claims[0].place and claims[1].controller == "a0"


def test_withdrawal_gives_the_place_to_the_other_side(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "Venezuelan forces withdrew from Guasdualito, the army said.")
    claim = claims[0]
    assert (claim.type, claim.controller, claim.previous_controller) == ("withdrawal", "a0", "a1")


def test_other_side_is_the_state_named_most_with_forces(nlp: Language) -> None:
    three = [*BORDER_WAR, ExtractedActor(key="a2", name="Norway", kind="state")]
    text = (
        "Norway called for calm. Colombian troops shelled Maracaibo as Colombian units moved "
        "north. Venezuelan forces later withdrew from Guasdualito, the army said."
    )
    claims, _ = claims_of(nlp, text, actors=three)
    withdrawal = [c for c in claims if c.type == "withdrawal"]
    assert [(c.controller, c.previous_controller) for c in withdrawal] == [("a0", "a1")]


def test_contested_has_no_controller(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "Heavy fighting continues for control of Maracaibo.")
    assert [(c.type, c.controller) for c in claims] == [("contested", None)]


def test_negated_advance_is_denied(nlp: Language) -> None:
    claims, _ = claims_of(
        nlp, "Colombian soldiers have not entered Guasdualito, the spokesman insisted."
    )
    assert [(c.type, c.stance) for c in claims] == [("advance", "denied")]


def test_demand_is_a_cession(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "Bogota has demanded that Venezuela withdraw from Guasdualito.")
    claim = claims[0]
    assert (claim.type, claim.modality, claim.controller) == ("cession", "demanded", "a0")


def test_recognition_names_the_annexing_state(nlp: Language) -> None:
    # the town is tagged PERSON: it is a place in an article about its country (Venezuela)
    text = "Venezuela rejected the plan. Norway would recognise Guasdualito as Colombian under it."
    claims, _ = claims_of(nlp, text)
    assert [(c.type, c.controller) for c in claims] == [("annexation", "a0")]


def test_withholding_is_not_a_denial(nlp: Language) -> None:
    claims, _ = claims_of(
        nlp,
        "Colombian troops captured Guasdualito, the army said. "
        "Venezuelan reporters were denied access to the city, officials said.",
    )
    assert [c.stance for c in claims] == ["asserted"]


def test_missing_state_actor_is_created(nlp: Language) -> None:
    claims, extra = claims_of(nlp, "Colombian troops seized Guasdualito.", actors=[], source=None)
    assert claims[0].controller is not None
    created = {a.key: a for a in extra}[claims[0].controller]
    assert (created.name, created.kind) == ("Colombia", "state")


def test_no_claim_without_territorial_trigger(nlp: Language) -> None:
    claims, _ = claims_of(nlp, "Colombian drones struck Maracaibo overnight, officials said.")
    assert claims == []
