"""More claim constructions on invented sentences about an invented border war."""

from __future__ import annotations

from spacy.language import Language

from api.extract.claims import find_claims
from api.extract.gazetteer import Gazetteer
from api.extract.places import find_places
from api.extract.types import ExtractedActor, ExtractedClaim

ACTORS = [
    ExtractedActor(key="a0", name="Colombia", kind="state", aliases=["Bogota"]),
    ExtractedActor(key="a1", name="Venezuela", kind="state", aliases=["Caracas"]),
]


def run(nlp: Language, text: str) -> tuple[list[ExtractedClaim], dict[str, str]]:
    doc = nlp(text)
    places = find_places(doc, Gazetteer.load())
    claims, extra = find_claims(doc, ACTORS, places, "Test Wire")
    for c in claims:
        assert doc.text[c.evidence.start : c.evidence.end] == c.evidence.text
    return claims, {a.key: a.name for a in [*ACTORS, *extra]}


def summary(claims: list[ExtractedClaim], names: dict[str, str]) -> list[tuple[str, ...]]:
    return [
        (c.place_text, c.stance, c.type, names.get(c.controller or "", "-"), c.modality)
        for c in claims
    ]


def test_straight_scare_quoted_liberated_is_a_capture(nlp: Language) -> None:
    text = 'The Colombian army said its troops had "liberated" Cucuta after a week of fighting.'
    claims, names = run(nlp, text)
    assert summary(claims, names) == [("Cucuta", "asserted", "capture", "Colombia", "factual")]


def test_recapture_names_the_previous_controller(nlp: Language) -> None:
    text = "Venezuelan troops entered Cucuta in May. Colombian forces recaptured Cucuta on Friday."
    claims, names = run(nlp, text)
    retake = [c for c in claims if c.type == "capture"]
    assert [(names[c.controller or ""], names[c.previous_controller or ""]) for c in retake] == [
        ("Colombia", "Venezuela")
    ]


def test_contested_has_no_controller_and_one_claim(nlp: Language) -> None:
    text = "Heavy fighting for control of Cucuta was continuing, the Colombian army said."
    claims, names = run(nlp, text)
    assert summary(claims, names) == [("Cucuta", "asserted", "contested", "-", "factual")]


def test_fighting_in_a_country_is_not_a_contested_claim(nlp: Language) -> None:
    text = "The refinery supplied fuel to Colombian units fighting in Venezuela, officials said."
    claims, _ = run(nlp, text)
    assert claims == []


def test_rejection_later_in_the_sentence_gives_assertion_and_denial(nlp: Language) -> None:
    text = (
        "Colombian forces had captured Cucuta, the army said, a claim Caracas dismissed as a lie."
    )
    claims, names = run(nlp, text)
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
    claims, _ = run(nlp, text)
    denial = [c for c in claims if c.stance == "denied"]
    assert [(c.place_text, c.type) for c in denial] == [("Cucuta", "capture")]
    assert denial[0].responds_to == 0


def test_annexation_and_refused_recognition(nlp: Language) -> None:
    text = (
        "Venezuela annexed the Zulia region in 2019. "
        "Colombia will never recognise Zulia as Venezuelan, the president said."
    )
    claims, names = run(nlp, text)
    assert [(c.stance, c.type, names[c.controller or ""], c.modality) for c in claims] == [
        ("asserted", "annexation", "Venezuela", "factual"),
        ("denied", "annexation", "Venezuela", "factual"),
    ]


def test_relative_clause_annexation_and_capture(nlp: Language) -> None:
    text = "Venezuela controls part of Colombia, including Cucuta, which it annexed in 2019."
    claims, names = run(nlp, text)
    assert ("Cucuta", "asserted", "annexation", "Venezuela", "factual") in summary(claims, names)


def test_demand_plan_and_hypothetical(nlp: Language) -> None:
    text = (
        "Caracas demanded that Colombian troops withdraw from Cucuta. "
        "Under the draft plan, Colombia would cede Cucuta to Venezuela. "
        "Venezuelan troops could seize Cucuta within weeks, analysts said."
    )
    claims, names = run(nlp, text)
    assert [(c.type, names.get(c.controller or "", "-"), c.modality) for c in claims] == [
        ("cession", "Venezuela", "demanded"),
        ("cession", "Venezuela", "proposed"),
        ("capture", "Venezuela", "hypothetical"),
    ]


def test_square_kilometres_extent(nlp: Language) -> None:
    text = "Colombian forces controlled some 1,200 square kilometres of the Zulia region."
    claims, _ = run(nlp, text)
    assert [(c.extent_value, c.extent_unit) for c in claims] == [(1200.0, "km2")]


def test_unknown_village_is_a_claim_without_a_place_key(nlp: Language) -> None:
    text = (
        "The Colombian army said its units had regained control of Lomas Verdecitas "
        "and Quebrada Honda. It said its forces had captured the village of Piedrazul."
    )
    claims, names = run(nlp, text)
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
    claims, names = run(nlp, text)
    last = claims[-1]
    assert (last.place_text, names[last.controller or ""]) == ("Piedrazul", "Venezuela")


def test_pronoun_in_a_relative_clause_is_the_state_named_before_it(nlp: Language) -> None:
    text = "The plan would require Bogota to cede the part of the Zulia region that it controls."
    claims, names = run(nlp, text)
    held = [c for c in claims if c.type == "control"]
    assert [names[c.controller or ""] for c in held] == ["Colombia"]


def test_villages_near_a_town_are_not_the_town(nlp: Language) -> None:
    text = (
        "Colombia's commander said his troops had recaptured two villages near the eastern "
        "town of Cucuta that Venezuelan forces seized last week."
    )
    claims, _ = run(nlp, text)
    assert claims == []
