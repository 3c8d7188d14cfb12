"""Names that are not places although the gazetteer knows them (invented sentences).

Each family is a way general news writes a town's name without meaning the town: a part of a
longer proper name, an acronym, a person's surname, a common word, a country as a modifier.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from api.extract.actors import find_actors
from api.extract.gazetteer import Gazetteer, plain_spelling
from api.extract.places import find_places
from api.extract.types import ExtractedPlace


def places_of(nlp: Language, text: str) -> list[ExtractedPlace]:
    """Stage 2 over `text`, with the actors of stage 1 as the pipeline gives them."""
    doc = nlp(text)
    gazetteer = Gazetteer.load()
    return find_places(doc, gazetteer, find_actors(doc, gazetteer))


def place_names(nlp: Language, text: str) -> list[str]:
    return [p.place.name for p in places_of(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        # a part of a longer proper name: a newspaper, a university, an event, a body
        "The Toledo Herald reported the strike on its front page on Monday.",
        "She teaches chemistry at Aba State University and lives nearby.",
        "Delegates to the Oas Regional Forum voted against the budget.",
        "The Temple Foundation paid for the new library, its director said.",
    ],
)
def test_a_town_inside_a_longer_name_is_no_place(nlp: Language, text: str) -> None:
    assert place_names(nlp, text) == []


def test_a_persons_surname_is_no_place(nlp: Language) -> None:
    text = "Maria Victoria, a lawyer, filed the appeal. Victoria said the ruling was unfair."
    assert place_names(nlp, text) == []


def test_an_acronym_is_no_village(nlp: Language) -> None:
    text = "The OAS said the vote was fair. Observers from the OAS stayed for a week."
    assert place_names(nlp, text) == []


def test_a_common_word_is_no_place_outside_its_country(nlp: Language) -> None:
    text = (
        "Liberty was the word on every banner in Lisbon. "
        "The marchers asked for liberty and bread, the organisers said."
    )
    assert place_names(nlp, text) == ["Lisbon"]


def test_a_country_as_modifier_names_no_place(nlp: Language) -> None:
    text = "Chilean officials met UK diplomats in Santiago to discuss copper."
    assert "United Kingdom" not in place_names(nlp, text)


def test_a_small_town_is_a_place_in_its_countrys_news(nlp: Language) -> None:
    # war reporting: a small town, weak on its own, is a place in an article about its country
    text = "Russian shells fell in Bilozerske overnight, the Ukrainian army said."
    assert place_names(nlp, text) != []


def test_joined_names_are_one_place(nlp: Language) -> None:
    text = "Flights to Trinidad and Tobago resumed on Friday."
    assert place_names(nlp, text) == ["Trinidad and Tobago"]


def test_accented_names_carry_their_plain_spelling() -> None:
    assert plain_spelling("Kraków") == "Krakow"
    assert plain_spelling("Kam\u2019yanka") == "Kamyanka"
    place = Gazetteer.load().matches("Gdansk")[0][1]
    assert (place.name, "Gdansk" in place.aliases) == ("Gdańsk", True)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Fans gathered in Newcastle as the British government announced new rules.", "GB"),
        ("Fans gathered in Newcastle, the Australian police said.", "AU"),
        ("Floods reached Valencia on Monday, Spanish officials said.", "ES"),
        ("Floods reached Valencia on Monday, Venezuelan officials said.", "VE"),
    ],
)
def test_a_shared_name_is_the_town_of_the_articles_country(
    nlp: Language, text: str, country: str
) -> None:
    found = places_of(nlp, text)
    assert [p.place.country_code for p in found if p.place.kind == "settlement"] == [country]


def test_a_date_after_a_place_is_no_longer_name(nlp: Language) -> None:
    assert place_names(nlp, "Officials said in Moscow Friday that talks would resume.") == [
        "Moscow"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state in a story about the United States; the country in one about the Caucasus
        (
            "Voters in Georgia, where turnout was high in Atlanta suburbs, backed the senator.",
            [("Georgia", "US", "region"), ("Atlanta", "US", "settlement")],
        ),
        (
            "Russian troops entered Georgia in 2008, officials in Batumi said.",
            [("Georgia", "GE", "country"), ("Batumi", "GE", "settlement")],
        ),
        # the city, as news writes it
        ("Bankers in Frankfurt expect a rate cut.", [("Frankfurt am Main", "DE", "settlement")]),
        ("Diplomats met in New York on Monday.", [("New York City", "US", "settlement")]),
    ],
)
def test_a_name_resolves_to_the_place_the_story_means(
    nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = places_of(nlp, text)
    assert [(p.place.name, p.place.country_code, p.place.kind) for p in found] == expected


def test_a_common_noun_at_a_sentence_start_is_no_town(nlp: Language) -> None:
    assert place_names(nlp, "Police seized eight tonnes of cocaine at the port.") == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Residents of Long Island braced for the storm, New York officials said.", "US"),
        ("Ferries to Long Island in the Bahamas were cancelled on Monday.", "BS"),
    ],
)
def test_an_island_is_the_one_of_the_articles_country(
    nlp: Language, text: str, country: str
) -> None:
    found = places_of(nlp, text)
    assert [p.place.country_code for p in found if p.place.name == "Long Island"] == [country]
