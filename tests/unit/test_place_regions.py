"""World first-level regions, same-named cities, named sites and months (packaged gazetteer)."""

from __future__ import annotations

from spacy.language import Language

from api.extract.gazetteer import Gazetteer
from api.extract.places import find_places


def found(nlp: Language, text: str) -> dict[str, tuple[str, str]]:
    places = find_places(nlp(text), Gazetteer.load())
    return {m.text: (p.place.kind, p.place.country_code) for p in places for m in p.mentions}


def test_world_first_level_regions_are_in_the_gazetteer() -> None:
    g = Gazetteer.load()
    for name, cc in [("Quebec", "CA"), ("Bali", "ID"), ("Bavaria", "DE"), ("Moheli", "KM")]:
        assert any(p.kind == "region" and p.country_code == cc for p in g.lookup(name)), name


def test_plain_ascii_spelling_of_accented_city_is_an_alias() -> None:
    city = Gazetteer.load().lookup("Kandahar")[0]
    assert city.kind == "settlement" and "Kandahar" in city.aliases


def test_region_in_article_context(nlp: Language) -> None:
    got = found(nlp, "Wildfires spread across Bali, officials in Indonesia said.")
    assert got["Bali"] == ("region", "ID")


def test_city_named_like_its_region_is_the_city(nlp: Language) -> None:
    got = found(nlp, "Protesters gathered in Nablus on Friday.")
    assert got["Nablus"] == ("settlement", "PS")


def test_named_site_is_one_place(nlp: Language) -> None:
    got = found(nlp, "Inspectors visited the Rivne nuclear power plant again.")
    assert got["Rivne nuclear power plant"][0] == "settlement"


def test_months_are_not_places(nlp: Language) -> None:
    assert "March" not in found(nlp, "The bridge was seized in March and rebuilt in May.")


def test_same_named_towns_resolved_by_country_context(nlp: Language) -> None:
    ru = found(nlp, "Pervomaysk, in Russia's Nizhny Novgorod region, was hit by a drone.")
    assert ru["Pervomaysk"][1] == "RU"
    ua = found(nlp, "Ukrainian officials said Pervomaysk, in Ukraine, was hit by a drone.")
    assert ua["Pervomaysk"][1] == "UA"
