"""Families of sentences around territorial claims, on invented text about an invented war.

Part A holds sentences that use the words of a claim ("took control", "held", "captured",
"left", "entered", "struck") about sport, business, politics, weather, crime, travel, history
and so on: they name a place the gazetteer knows, yet claim nothing about who holds it.
Part B holds constructions that do carry a claim and the tuples they must give.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from api.extract import Extractor
from api.extract.types import ExtractedActor, ExtractedClaim
from tests.unit.harness import BORDER_WAR, claims_in, summary


def run(
    nlp: Language, text: str, actors: list[ExtractedActor] = BORDER_WAR
) -> tuple[list[ExtractedClaim], dict[str, str], list[str]]:
    """Claims, actor names by key, and the texts of the place mentions found."""
    found = claims_in(nlp, text, actors)
    return found.claims, found.names, found.mentions


def no_claim(nlp: Language, text: str, place: str | None) -> None:
    """`text` must give no claim; `place` (when given) must be found, so the test means it."""
    claims, names, mentions = run(nlp, text)
    if place is not None:
        assert place in mentions, f"{place!r} not found as a place in {text!r}: {mentions}"
    assert summary(claims, names) == []
    assert claims == []


def run_on(
    nlp: Language, text: str, *places: str, actors: list[ExtractedActor] = BORDER_WAR
) -> tuple[list[ExtractedClaim], dict[str, str]]:
    """`run`, after checking that each of `places` is found, so a failure is the claim's."""
    claims, names, mentions = run(nlp, text, actors)
    for place in places:
        assert place in mentions, f"{place!r} not found as a place in {text!r}: {mentions}"
    return claims, names


# ---------------------------------------------------------------- A. no claim at all

SPORTS = [
    pytest.param(
        "Chile took control of the game in Quito after the break.",
        "Quito",
        id="took-control-of-the-game",
    ),
    pytest.param(
        "Argentina held the lead in Lisbon until the final minute.", "Lisbon", id="held-the-lead"
    ),
    pytest.param(
        "A Colombian cyclist captured the title in Madrid on Sunday.",
        "Madrid",
        id="captured-the-title",
    ),
    pytest.param(
        "Portugal seized control of the match in Vienna with two early goals.",
        "Vienna",
        id="seized-control-of-the-match",
    ),
    pytest.param(
        "The visitors advanced to the final in Toronto after a penalty shoot-out.",
        "Toronto",
        id="advanced-to-the-final",
    ),
]


@pytest.mark.parametrize(("text", "place"), SPORTS)
def test_sports(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


BUSINESS = [
    pytest.param(
        "The brewer controls the market in Argentina, analysts said.",
        "Argentina",
        id="controls-the-market",
    ),
    pytest.param(
        "A pension fund took over the company in Toronto last year.",
        "Toronto",
        id="took-over-the-company",
    ),
    pytest.param(
        "Rival carmakers seized the initiative in Chile with cheaper models.",
        "Chile",
        id="seized-the-initiative",
    ),
    pytest.param(
        "The regulator holds hearings in Sydney next week.", "Sydney", id="regulator-holds-hearings"
    ),
    pytest.param(
        "The startup captured a third of the phone market in Peru.",
        "Peru",
        id="captured-market-share",
    ),
]


@pytest.mark.parametrize(("text", "place"), BUSINESS)
def test_business(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


POLITICS = [
    pytest.param(
        "The opposition won control of the state assembly in Arizona.",
        "Arizona",
        id="won-control-of-assembly",
    ),
    pytest.param(
        "Both candidates will hold rallies in Oregon on Saturday.", "Oregon", id="hold-rallies"
    ),
    pytest.param(
        "The finance minister of Ecuador withdrew from the race on Monday.",
        "Ecuador",
        id="withdrew-from-the-race",
    ),
    pytest.param(
        "The prime minister resigned on Tuesday in Paris, citing ill health.",
        "Paris",
        id="resigned-in",
    ),
    pytest.param(
        "The governor of Texas left his post after the scandal.", "Texas", id="left-his-post"
    ),
    pytest.param(
        "Venezuela's ruling party kept its hold on Maracaibo in the local elections.",
        "Maracaibo",
        id="kept-its-hold-in-elections",
    ),
]


@pytest.mark.parametrize(("text", "place"), POLITICS)
def test_politics(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


WEATHER = [
    pytest.param(
        "The storm took hold of Texas on Friday, cutting power to millions.",
        "Texas",
        id="storm-took-hold",
    ),
    pytest.param(
        "Floodwaters entered Riohacha overnight, forcing families onto rooftops.",
        "Riohacha",
        id="floods-entered",
    ),
    pytest.param(
        "By noon the fire had taken control of the hills above Santa Marta.",
        "Santa Marta",
        id="fire-took-control",
    ),
    pytest.param(
        "The hurricane swept across Barinas and seized the coast by evening.",
        "Barinas",
        id="hurricane-seized-the-coast",
    ),
]


@pytest.mark.parametrize(("text", "place"), WEATHER)
def test_weather_and_disasters(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


CRIME = [
    pytest.param(
        "A suspect was taken into custody in Peru on Wednesday.", "Peru", id="taken-into-custody"
    ),
    pytest.param(
        "Police seized drugs in Ecuador worth millions of dollars.",
        "Ecuador",
        id="police-seized-drugs",
    ),
    pytest.param(
        "Protesters stormed the stage during a concert in Lisbon.", "Lisbon", id="stormed-the-stage"
    ),
    pytest.param(
        "Gunmen captured two hostages in Lagos, police said.", "Lagos", id="captured-hostages"
    ),
    pytest.param(
        "Colombian police occupied the bank lobby in Cartagena for an hour.",
        "Cartagena",
        id="police-occupied-a-lobby",
    ),
]


@pytest.mark.parametrize(("text", "place"), CRIME)
def test_accidents_and_crime(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


TRAVEL = [
    pytest.param(
        "Citizens were urged to leave Lebanon as soon as possible.", "Lebanon", id="urged-to-leave"
    ),
    pytest.param(
        "Thousands of tourists left Egypt after the airport reopened.", "Egypt", id="tourists-left"
    ),
    pytest.param(
        "The airline pulled out of Nigeria, citing unpaid debts.",
        "Nigeria",
        id="airline-pulled-out",
    ),
    pytest.param(
        "Colombian diplomats were evacuated from Beirut on Sunday.",
        "Beirut",
        id="diplomats-evacuated",
    ),
    pytest.param(
        "Venezuelan families abandoned Cairo for the coast during the heatwave.",
        "Cairo",
        id="families-abandoned-a-city",
    ),
]


@pytest.mark.parametrize(("text", "place"), TRAVEL)
def test_travel_and_evacuation(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


CAPTURED_NOT_A_PLACE = [
    pytest.param(
        "A security camera captured the moment the car hit a wall in Medellin.",
        "Medellin",
        id="camera-captured",
    ),
    pytest.param(
        "The film captured the imagination of audiences in Buenos Aires.",
        "Buenos Aires",
        id="captured-the-imagination",
    ),
    pytest.param(
        "The photographer captured the skyline of Caracas at dawn.",
        "Caracas",
        id="captured-the-skyline",
    ),
    pytest.param(
        "The bank captured most new savings accounts in Colombia last year.",
        "Colombia",
        id="captured-accounts",
    ),
]


@pytest.mark.parametrize(("text", "place"), CAPTURED_NOT_A_PLACE)
def test_capture_that_is_not_territorial(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


BACKGROUND = [
    pytest.param(
        "After initially failing to advance on Maracaibo in 2019, the Colombian army "
        "regrouped and trained new units.",
        "Maracaibo",
        id="failing-to-advance-in-2019",
    ),
    pytest.param(
        "The Venezuelan army, which failed to take Bucaramanga in 2019, has since rebuilt "
        "its forces.",
        "Bucaramanga",
        id="failed-to-take",
    ),
    pytest.param(
        "Years after its failed push toward Barquisimeto, the Colombian command remains "
        "wary of long supply lines.",
        "Barquisimeto",
        id="failed-push-toward",
    ),
]


@pytest.mark.parametrize(("text", "place"), BACKGROUND)
def test_background_history_of_failed_advances(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


ATTACKS = [
    pytest.param(
        "Venezuelan missiles struck Medellin overnight, killing three people.",
        "Medellin",
        id="missiles-struck",
    ),
    pytest.param(
        "Colombian artillery shelled Maracaibo for a second day.", "Maracaibo", id="shelled"
    ),
    pytest.param(
        "Drones hit an oil depot in Barquisimeto, the Venezuelan army said.",
        "Barquisimeto",
        id="drones-hit-a-depot",
    ),
    pytest.param(
        "Venezuelan jets bombed targets near Valledupar on Thursday.",
        "Valledupar",
        id="bombed-near",
    ),
    pytest.param(
        "Colombian forces launched rockets at Maturin from across the border.",
        "Maturin",
        id="rockets-at",
    ),
]


@pytest.mark.parametrize(("text", "place"), ATTACKS)
def test_attacks_and_strikes(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


WHOLE_COUNTRY = [
    pytest.param(
        "Colombia controls its own airspace, the air force said.",
        "Colombia",
        id="controls-its-airspace",
    ),
    pytest.param("Portugal holds elections in January.", "Portugal", id="holds-elections"),
    pytest.param(
        "Venezuela holds the rotating presidency of the bloc this year.",
        "Venezuela",
        id="holds-the-presidency",
    ),
    pytest.param(
        "Chile retains full control of its ports, the minister said.",
        "Chile",
        id="controls-its-ports",
    ),
]


@pytest.mark.parametrize(("text", "place"), WHOLE_COUNTRY)
def test_whole_country_phrases(nlp: Language, text: str, place: str) -> None:
    no_claim(nlp, text, place)


OUTLETS_AND_CAPITALS = [
    pytest.param(
        "Canberra said the talks in Quito would resume next week.", "Quito", id="capital-said"
    ),
    pytest.param(
        "Al Jazeera reported that Colombian officials held talks in Lisbon.",
        "Lisbon",
        id="outlet-reported",
    ),
    pytest.param(
        "Caracas said it had taken control of the negotiations.",
        None,
        id="capital-took-control-of-talks",
    ),
    pytest.param(
        "Bogota said it held the upper hand in talks with Quito.",
        "Quito",
        id="capital-held-the-upper-hand",
    ),
]


@pytest.mark.parametrize(("text", "place"), OUTLETS_AND_CAPITALS)
def test_outlets_and_capitals_as_actors(nlp: Language, text: str, place: str | None) -> None:
    no_claim(nlp, text, place)


# Crossing or following a river moves along a line: it claims no settlement, region or country.
RIVERS = [
    pytest.param(
        "Colombian troops crossed the Zulia river at dawn, the army said.",
        "Zulia",
        id="crossed-a-river",
    ),
    pytest.param(
        "Venezuelan engineers built a pontoon bridge across the Arauca river.",
        None,  # a river's name is not geocoded as the town of that name
        id="bridge-across-a-river",
    ),
    pytest.param(
        "Colombian patrol boats moved up the Apure river on Friday.", "Apure", id="moved-up-a-river"
    ),
]


@pytest.mark.parametrize(("text", "place"), RIVERS)
def test_rivers(nlp: Language, text: str, place: str | None) -> None:
    no_claim(nlp, text, place)


# ---------------------------------------------------------------- B. constructions


def test_now_part_of_a_state_is_an_annexation(nlp: Language) -> None:
    text = "Cucuta is now part of Venezuela, the Venezuelan president said."
    claims, names = run_on(nlp, text, "Cucuta")
    assert summary(claims, names) == [("Cucuta", "asserted", "annexation", "Venezuela", "factual")]


def test_appositive_held_city_is_control(nlp: Language) -> None:
    text = "Aid convoys reached Ocana, a Venezuelan-held town, on Monday."
    claims, names = run_on(nlp, text, "Ocana")
    assert summary(claims, names) == [("Ocana", "asserted", "control", "Venezuela", "factual")]


def test_still_under_control_including_two_towns(nlp: Language) -> None:
    text = (
        "Much of the north is still under Venezuela's control, including Riohacha and "
        "Valledupar, the Colombian army said."
    )
    claims, names = run_on(nlp, text, "Riohacha", "Valledupar")
    assert summary(claims, names) == [
        ("Riohacha", "asserted", "control", "Venezuela", "factual"),
        ("Valledupar", "asserted", "control", "Venezuela", "factual"),
    ]


def test_troops_must_be_withdrawn_is_a_demanded_cession(nlp: Language) -> None:
    # like "demanded that Colombian troops withdraw": the side that would gain is the controller
    text = "Venezuelan troops must be withdrawn from Arauca, Colombia's foreign minister said."
    claims, names = run_on(nlp, text, "Arauca")
    assert summary(claims, names) == [("Arauca", "asserted", "cession", "Colombia", "demanded")]


def test_no_longer_fully_controlled_denies_control(nlp: Language) -> None:
    # the claimant says it is not so that Colombia holds the town: a denial of its control
    text = "Cucuta is no longer fully controlled by Colombia, the Venezuelan army said."
    claims, names = run_on(nlp, text, "Cucuta")
    assert summary(claims, names) == [("Cucuta", "denied", "control", "Colombia", "factual")]


def test_order_to_leave_is_a_withdrawal(nlp: Language) -> None:
    text = "Colombian units received the order to leave Tunja, the army said."
    claims, names = run_on(nlp, text, "Tunja")
    assert summary(claims, names) == [("Tunja", "asserted", "withdrawal", "Venezuela", "factual")]
    assert names.get(claims[0].previous_controller or "", "-") == "Colombia"


def test_repelled_advance_is_no_claim(nlp: Language) -> None:
    # a failed attempt takes nothing and denies no one's claim
    text = "Venezuelan forces tried to advance on Sincelejo but were repelled, the army said."
    claims, names = run_on(nlp, text, "Sincelejo")
    assert summary(claims, names) == []


def test_denied_claim_to_have_captured(nlp: Language) -> None:
    text = "Colombia denied Venezuela's claim to have captured Monteria."
    claims, names = run_on(nlp, text, "Monteria")
    assert summary(claims, names) == [
        ("Monteria", "asserted", "capture", "Venezuela", "factual"),
        ("Monteria", "denied", "capture", "Venezuela", "factual"),
    ]
    assert [names.get(c.claimant or "", "-") for c in claims] == ["Venezuela", "Colombia"]
    assert claims[1].responds_to == 0


def test_denied_claim_to_have_captured_russia_ukraine(nlp: Language) -> None:
    actors = [
        ExtractedActor(key="a0", name="Ukraine", kind="state"),
        ExtractedActor(key="a1", name="Russia", kind="state"),
    ]
    text = "Ukraine denied Russia's claim to have captured Okhtyrka."
    claims, names = run_on(nlp, text, "Okhtyrka", actors=actors)
    assert summary(claims, names) == [
        ("Okhtyrka", "asserted", "capture", "Russia", "factual"),
        ("Okhtyrka", "denied", "capture", "Russia", "factual"),
    ]
    assert [names.get(c.claimant or "", "-") for c in claims] == ["Russia", "Ukraine"]
    assert claims[1].responds_to == 0


def test_enemy_claim_then_not_true(nlp: Language) -> None:
    text = (
        "Colombia's defence minister addressed the troops on Monday. "
        '"The enemy claims it took Monteria. This is not true," he said.'
    )
    claims, names = run_on(nlp, text, "Monteria")
    # the denial's controller is the enemy whose control is denied, never the denier
    assert summary(claims, names) == [
        ("Monteria", "asserted", "capture", "Venezuela", "factual"),
        ("Monteria", "denied", "capture", "Venezuela", "factual"),
    ]
    assert claims[1].responds_to == 0


@pytest.mark.parametrize(
    "text",
    [
        "Venezuela recognised the independence of Cucuta last year, its foreign ministry said.",
        "Venezuela urged other nations to recognise Cucuta as an independent state.",
    ],
)
def test_recognising_independence_annexes_nothing(nlp: Language, text: str) -> None:
    claims, names = run_on(nlp, text, "Cucuta")
    assert summary(claims, names) == []


def test_recognition_as_a_state_through_a_list(nlp: Language) -> None:
    text = "Venezuela would recognise Cucuta, as well as Ocana, as Venezuelan, the draft says."
    claims, names = run_on(nlp, text, "Cucuta", "Ocana")
    assert [(c.place_text, c.type, names.get(c.controller or "", "-")) for c in claims] == [
        ("Cucuta", "annexation", "Venezuela"),
        ("Ocana", "annexation", "Venezuela"),
    ]


def test_refusing_to_recognise_denies_the_annexation(nlp: Language) -> None:
    text = "Venezuela annexed Cucuta in May, a move that Colombia has not recognised."
    claims, _ = run_on(nlp, text, "Cucuta")
    assert [(c.place_text, c.stance, c.type) for c in claims][-1] == (
        "Cucuta",
        "denied",
        "annexation",
    )


# ---------------------------------------------------------------- C. sides known by a name only


def claim_triples(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """The whole pipeline (the actors stage finds the group), claims as (place, stance, type)."""
    claims = Extractor(nlp=nlp).extract(text).claims
    return [(c.place_text, c.stance, c.type) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        # a body known by its acronym is a side in an article that speaks of arms
        "The RSF seized Babanusa on Sunday, the army said.",
        "Babanusa fell to RSF fighters on Sunday, witnesses said.",
        "RSF fighters overran Babanusa on Sunday, witnesses said.",
    ],
)
def test_an_armed_group_known_by_its_acronym_takes_a_town(nlp: Language, text: str) -> None:
    assert claim_triples(nlp, text) == [("Babanusa", "asserted", "capture")]


def test_retook_is_a_recapture(nlp: Language) -> None:
    # the tagger leaves "retook" as its own lemma
    claims, names = run_on(nlp, "Colombian troops retook Cucuta on Friday.", "Cucuta")
    assert summary(claims, names) == [("Cucuta", "asserted", "capture", "Colombia", "factual")]
    assert names.get(claims[0].previous_controller or "", "-") == "Venezuela"


def test_a_village_that_remains_under_control_is_still_a_place(nlp: Language) -> None:
    # the second sentence makes the unknown village a subject; it stays a place, not a body
    # (a claim on an unknown name before its trigger is not read: a known limit)
    text = "Venezuelan troops entered Zorivka on Monday. Zorivka remains under Venezuelan control."
    assert claim_triples(nlp, text)[:1] == [("Zorivka", "asserted", "advance")]


def test_a_small_town_taken_is_a_place_without_its_country_named(nlp: Language) -> None:
    text = "Russian troops captured Bilozerske after weeks of shelling."
    claims = Extractor(nlp=nlp).extract(text).claims
    assert [(c.place_text, c.place is not None) for c in claims] == [("Bilozerske", True)]


@pytest.mark.parametrize(
    "text",
    [
        "The Boston Celtics overran the Denver Nuggets 128-104, taking control of the series.",
        "Novak Djokovic advanced to the quarter-finals in Melbourne on Monday.",
        "Prague takes in more refugees from Ukraine, where the war is in its fourth year.",
        "New Zealand captured the Bledisloe Cup again after beating Australia in Auckland.",
    ],
)
def test_general_news_through_the_whole_pipeline_claims_nothing(nlp: Language, text: str) -> None:
    assert claim_triples(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a participle or hyphen form modifying a noun claims that noun, never a place after it
        "The family-run hotel in Kent closed after sixty years.",
        "A privately held company in Dublin bought the brand.",
        "State-controlled media in Minsk reported the vote.",
        # refusing to recognise a place names no claim of its own
        "Most countries have not recognised Somaliland, the envoy said.",
    ],
)
def test_modifiers_and_refusals_claim_nothing(nlp: Language, text: str) -> None:
    assert claim_triples(nlp, text) == []


def test_a_rejection_answers_only_the_claims_before_it(nlp: Language) -> None:
    text = (
        "Venezuela said it had captured Cucuta, a claim Colombia dismissed, "
        "and Venezuelan troops then entered Ocana."
    )
    claims, _ = run_on(nlp, text, "Cucuta", "Ocana")
    denied = [c.place_text for c in claims if c.stance == "denied"]
    assert denied == ["Cucuta"]


def test_a_russian_advance_into_georgia_stays_in_the_caucasus(nlp: Language) -> None:
    text = "Russian troops entered Georgia on Friday, and the United States condemned the move."
    places = Extractor(nlp=nlp).extract(text).places
    assert [(p.place.name, p.place.country_code) for p in places if p.place.name == "Georgia"] == [
        ("Georgia", "GE")
    ]


def test_the_denier_never_controls_the_place_it_denies_was_taken(nlp: Language) -> None:
    text = (
        "Venezuelan troops captured Cucuta, the Venezuelan army said. "
        "Colombia denied that Cucuta had been captured."
    )
    claims, names = run_on(nlp, text, "Cucuta")
    assert summary(claims, names) == [
        ("Cucuta", "asserted", "capture", "Venezuela", "factual"),
        ("Cucuta", "denied", "capture", "Venezuela", "factual"),
    ]
