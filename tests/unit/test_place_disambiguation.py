"""Same-named places: a city, the region named after it, and a town of another country."""

from __future__ import annotations

from spacy.language import Language

from api.extract.gazetteer import Gazetteer
from api.extract.places import find_places


def found(nlp: Language, text: str) -> dict[str, tuple[str, str]]:
    places = find_places(nlp(text), Gazetteer.load())
    return {m.text: (p.place.kind, p.place.country_code) for p in places for m in p.mentions}


def test_city_named_alone_is_the_regional_capital(nlp: Language) -> None:
    got = found(
        nlp, "A drone struck a market in Donetsk city on Sunday, officials in Ukraine said."
    )
    assert got["Donetsk"] == ("settlement", "UA")


def test_region_named_with_region_is_the_region(nlp: Language) -> None:
    got = found(nlp, "Shelling continued across the Donetsk region overnight.")
    assert got["Donetsk region"] == ("region", "UA")


def test_town_in_a_russian_oblast_is_the_russian_town(nlp: Language) -> None:
    got = found(nlp, "Floods hit the town of Donetsk in Russia's Rostov region on Tuesday.")
    assert got["Donetsk"] == ("settlement", "RU")
