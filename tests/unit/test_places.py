"""Places: gazetteer matches in a parsed Doc, disambiguated by the article's context."""

from __future__ import annotations

from spacy.language import Language

from api.extract.gazetteer import Gazetteer
from api.extract.places import find_places
from api.extract.types import ExtractedPlace


def places_of(nlp: Language, text: str) -> list[ExtractedPlace]:
    doc = nlp(text)
    found = find_places(doc, Gazetteer.load())
    for p in found:
        for m in p.mentions:
            assert doc.text[m.start : m.end] == m.text
    return found


def by_name(found: list[ExtractedPlace]) -> dict[str, ExtractedPlace]:
    return {p.place.name: p for p in found}


def test_region_context_picks_the_town_in_that_region(nlp: Language) -> None:
    found = by_name(
        places_of(nlp, "Shelling hit Horodok again on Friday, officials in the Lviv region said.")
    )
    assert (found["Horodok"].place.country_code, found["Horodok"].place.admin1) == ("UA", "15")
    assert found["Lviv Oblast"].place.kind == "region"
    assert [p.key for p in places_of(nlp, "Officials in Lviv said.")] == ["p0"]


def test_same_name_town_in_a_russian_region(nlp: Language) -> None:
    found = places_of(
        nlp, "In the Nizhny Novgorod region, a drone fell on the town of Pervomaysk, near a depot."
    )
    town = [p for p in found if p.place.name == "Pervomaysk"]
    assert town and town[0].place.country_code == "RU"


def test_demonyms_are_not_places(nlp: Language) -> None:
    found = by_name(
        places_of(nlp, "Colombian troops and Venezuelan drones were seen near Shostka.")
    )
    assert "Colombia" not in found and "Venezuela" not in found
    assert "Shostka" in found


def test_old_and_new_names_are_one_place(nlp: Language) -> None:
    found = places_of(
        nlp, "Officials flew from Lvov to Kirovograd. Lviv said the trip was planned."
    )
    lviv = by_name(found)["Lviv"]
    assert len(lviv.mentions) == 2
    assert by_name(found)["Kropyvnytskyi"].place.country_code == "UA"


def test_coordinated_regions(nlp: Language) -> None:
    found = by_name(
        places_of(nlp, "He demanded that troops leave the Poltava and Chernihiv regions.")
    )
    assert found["Poltava Oblast"].place.kind == "region"
    assert found["Chernihiv Oblast"].place.kind == "region"


def test_village_needs_a_cue(nlp: Language) -> None:
    found = by_name(places_of(nlp, "Troops reached the village of Staromaiorske on Monday."))
    assert found["Staromaiorske"].place.country_code == "UA"
