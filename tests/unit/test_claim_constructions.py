"""Claim constructions on invented sentences: everyday verbs, locators, metonyms, relays."""

from __future__ import annotations

from spacy.language import Language

from api.extract.claims import find_claims
from api.extract.gazetteer import Gazetteer
from api.extract.places import find_places
from api.extract.types import ExtractedActor, ExtractedClaim

ACTORS = [
    ExtractedActor(key="a0", name="Colombia", kind="state", aliases=["Bogota"]),
    ExtractedActor(key="a1", name="Venezuela", kind="state", aliases=["Caracas"]),
    ExtractedActor(key="a2", name="Ana Ferreyra", kind="person", aliases=["Ferreyra"]),
]


def run(nlp: Language, text: str) -> tuple[list[ExtractedClaim], dict[str, str], dict[str, str]]:
    doc = nlp(text)
    places = find_places(doc, Gazetteer.load())
    claims, extra = find_claims(doc, ACTORS, places, "Test Wire")
    names = {a.key: a.name for a in [*ACTORS, *extra]}
    place_names = {p.key: p.place.name for p in places}
    return claims, names, place_names


def test_everyday_verbs_need_a_side_of_a_fight(nlp: Language) -> None:
    text = (
        "The chess team was denied visas to enter Venezuela. "
        "Evacuation buses were leaving Cucuta twice a day. "
        "An airline charges extra for taking a plane to Colombia."
    )
    claims, _, _ = run(nlp, text)
    assert claims == []


def test_armed_subject_keeps_everyday_verbs(nlp: Language) -> None:
    claims, names, _ = run(nlp, "Colombian troops have entered Cucuta, the army said.")
    assert [(c.type, c.place_text, names.get(c.controller or "")) for c in claims] == [
        ("advance", "Cucuta", "Colombia")
    ]


def test_a_locating_place_is_not_the_claimed_place(nlp: Language) -> None:
    claims, _, _ = run(nlp, "Colombian forces captured two villages east of Cucuta on Monday.")
    assert claims == []


def test_capital_acting_as_state_is_not_a_place(nlp: Language) -> None:
    text = "In Maracaibo, which has been under Caracas's control for years, officials spoke."
    claims, names, _ = run(nlp, text)
    assert [c.place_text for c in claims] == ["Maracaibo"]
    assert names.get(claims[0].controller or "") == "Venezuela"


def test_month_is_not_a_place(nlp: Language) -> None:
    claims, _, _ = run(nlp, "The dam, which Colombian troops seized in March 2021, is idle.")
    assert all(c.place_text != "March" for c in claims)


def test_fraction_of_national_territory_is_the_country(nlp: Language) -> None:
    text = "Colombian forces are now in control of roughly one-fifth of Venezuelan territory."
    claims, names, _ = run(nlp, text)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.place_text in {"Venezuela", "Venezuelan territory"}
    assert names.get(claim.controller or "") == "Colombia"
    assert (claim.extent_value, claim.extent_unit) == (0.2, "fraction")


def test_nested_attribution_sets_relayed_by(nlp: Language) -> None:
    text = (
        "Colombia's army chief told President Ana Ferreyra on Monday that Colombian troops "
        "had captured Cucuta."
    )
    claims, names, _ = run(nlp, text)
    assert len(claims) == 1
    assert names.get(claims[0].relayed_by or "") == "Ana Ferreyra"
    assert "army chief" in (claims[0].claimant_text or "")


def test_passive_relay_puts_the_source_as_claimant(nlp: Language) -> None:
    text = "Ana Ferreyra was told by her top general that Colombian forces had captured Cucuta."
    claims, names, _ = run(nlp, text)
    assert len(claims) == 1
    assert names.get(claims[0].relayed_by or "") == "Ana Ferreyra"
    assert "general" in (claims[0].claimant_text or "")


def test_unverified_is_a_modality_not_a_denial(nlp: Language) -> None:
    text = (
        "Venezuela's defence ministry said its forces had captured Cucuta. "
        "The claim could not be independently verified."
    )
    claims, _, _ = run(nlp, text)
    assert [(c.stance, c.modality) for c in claims] == [("asserted", "unverified")]
