"""Claim constructions on invented sentences about an invented border war: everyday verbs,
locators, metonyms, relays, recaptures, contests, rejections, annexations, modalities,
extents and pronoun claimants."""

from __future__ import annotations

from spacy.language import Language

from api.extract.types import ExtractedActor, ExtractedClaim
from tests.unit.harness import claims_in, summary

ACTORS = [
    ExtractedActor(key="a0", name="Colombia", kind="state", aliases=["Bogota"]),
    ExtractedActor(key="a1", name="Venezuela", kind="state", aliases=["Caracas"]),
    ExtractedActor(key="a2", name="Ana Ferreyra", kind="person", aliases=["Ferreyra"]),
]


def run(nlp: Language, text: str) -> tuple[list[ExtractedClaim], dict[str, str], dict[str, str]]:
    found = claims_in(nlp, text, ACTORS)
    return found.claims, found.names, found.places


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


def test_straight_scare_quoted_liberated_is_a_capture(nlp: Language) -> None:
    text = 'The Colombian army said its troops had "liberated" Cucuta after a week of fighting.'
    claims, names, _ = run(nlp, text)
    assert summary(claims, names) == [("Cucuta", "asserted", "capture", "Colombia", "factual")]


def test_recapture_names_the_previous_controller(nlp: Language) -> None:
    text = "Venezuelan troops entered Cucuta in May. Colombian forces recaptured Cucuta on Friday."
    claims, names, _ = run(nlp, text)
    retake = [c for c in claims if c.type == "capture"]
    assert [(names[c.controller or ""], names[c.previous_controller or ""]) for c in retake] == [
        ("Colombia", "Venezuela")
    ]


def test_contested_has_no_controller_and_one_claim(nlp: Language) -> None:
    text = "Heavy fighting for control of Cucuta was continuing, the Colombian army said."
    claims, names, _ = run(nlp, text)
    assert summary(claims, names) == [("Cucuta", "asserted", "contested", "-", "factual")]


def test_fighting_in_a_country_is_not_a_contested_claim(nlp: Language) -> None:
    text = "The refinery supplied fuel to Colombian units fighting in Venezuela, officials said."
    claims, _, _ = run(nlp, text)
    assert claims == []


def test_rejection_later_in_the_sentence_gives_assertion_and_denial(nlp: Language) -> None:
    text = (
        "Colombian forces had captured Cucuta, the army said, a claim Caracas dismissed as a lie."
    )
    claims, names, _ = run(nlp, text)
    assert [(c.stance, c.place_text) for c in claims] == [
        ("asserted", "Cucuta"),
        ("denied", "Cucuta"),
    ]
    assert claims[1].responds_to == 0
    assert names[claims[1].controller or ""] == "Colombia"


def test_bare_rejection_answers_the_main_claim(nlp: Language) -> None:
    text = (
        "The Colombian army said its troops had captured Cucuta. "
        "It said its units had also entered Rubio and held part of it. "
        "Venezuela's army said the Colombian account was false."
    )
    claims, _, _ = run(nlp, text)
    denial = [c for c in claims if c.stance == "denied"]
    assert [(c.place_text, c.type) for c in denial] == [("Cucuta", "capture")]
    assert denial[0].responds_to == 0


def test_annexation_and_refused_recognition(nlp: Language) -> None:
    text = (
        "Venezuela annexed the Zulia region in 2019. "
        "Colombia will never recognise Zulia as Venezuelan, the president said."
    )
    claims, names, _ = run(nlp, text)
    assert [(c.stance, c.type, names[c.controller or ""], c.modality) for c in claims] == [
        ("asserted", "annexation", "Venezuela", "factual"),
        ("denied", "annexation", "Venezuela", "factual"),
    ]


def test_relative_clause_annexation_and_capture(nlp: Language) -> None:
    text = "Venezuela controls part of Colombia, including Cucuta, which it annexed in 2019."
    claims, names, _ = run(nlp, text)
    assert ("Cucuta", "asserted", "annexation", "Venezuela", "factual") in summary(claims, names)


def test_demand_plan_and_hypothetical(nlp: Language) -> None:
    text = (
        "Caracas demanded that Colombian troops withdraw from Cucuta. "
        "Under the draft plan, Colombia would cede Cucuta to Venezuela. "
        "Venezuelan troops could seize Cucuta within weeks, analysts said."
    )
    claims, names, _ = run(nlp, text)
    assert [(c.type, names.get(c.controller or "", "-"), c.modality) for c in claims] == [
        ("cession", "Venezuela", "demanded"),
        ("cession", "Venezuela", "proposed"),
        ("capture", "Venezuela", "hypothetical"),
    ]


def test_square_kilometres_extent(nlp: Language) -> None:
    text = "Colombian forces controlled some 1,200 square kilometres of the Zulia region."
    claims, _, _ = run(nlp, text)
    assert [(c.extent_value, c.extent_unit) for c in claims] == [(1200.0, "km2")]


def test_unknown_village_is_a_claim_without_a_place_key(nlp: Language) -> None:
    text = (
        "The Colombian army said its units had regained control of Lomas Verdecitas "
        "and Quebrada Honda. It said its forces had captured the village of Piedrazul."
    )
    claims, names, _ = run(nlp, text)
    assert [(c.place, c.place_text, names[c.controller or ""]) for c in claims] == [
        (None, "Lomas Verdecitas", "Colombia"),
        (None, "Quebrada Honda", "Colombia"),
        (None, "Piedrazul", "Colombia"),
    ]


def test_pronoun_speaker_takes_the_state_of_the_last_subject(nlp: Language) -> None:
    text = (
        "Colombia's top commander said his troops had recaptured Cucuta. "
        "Venezuela's defence ministry made no mention of the town. "
        "It said instead that its forces had captured the village of Piedrazul."
    )
    claims, names, _ = run(nlp, text)
    last = claims[-1]
    assert (last.place_text, names[last.controller or ""]) == ("Piedrazul", "Venezuela")


def test_pronoun_in_a_relative_clause_is_the_state_named_before_it(nlp: Language) -> None:
    text = "The plan would require Bogota to cede the part of the Zulia region that it controls."
    claims, names, _ = run(nlp, text)
    held = [c for c in claims if c.type == "control"]
    assert [names[c.controller or ""] for c in held] == ["Colombia"]


def test_villages_near_a_town_are_not_the_town(nlp: Language) -> None:
    text = (
        "Colombia's commander said his troops had recaptured two villages near the eastern "
        "town of Cucuta that Venezuelan forces seized last week."
    )
    claims, _, _ = run(nlp, text)
    assert claims == []
