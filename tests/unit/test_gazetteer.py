"""Gazetteer: packaged data, name folding, lookup order and the is_place_name rule."""

from __future__ import annotations

from api.extract.gazetteer import Gazetteer, fold
from api.extract.types import GazetteerPlace, PlaceKind


def place(
    gid: int,
    name: str,
    kind: PlaceKind = "settlement",
    cc: str = "UA",
    pop: int = 0,
    aliases: tuple[str, ...] = (),
) -> GazetteerPlace:
    return GazetteerPlace(
        geonames_id=gid,
        name=name,
        kind=kind,
        country_code=cc,
        admin1=None,
        lat=0.0,
        lon=0.0,
        population=pop,
        aliases=aliases,
    )


def test_fold_ignores_case_accents_apostrophes_and_hyphens() -> None:
    assert fold("Čortkiv") == fold("CORTKIV")
    assert fold("Kam\u2019yanka") == "kamyanka"
    assert fold("Kamianka-Dniprovska") == "kamianka dniprovska"
    assert fold("the Netherlands") == "netherlands"


def test_lookup_orders_by_population_and_matches_aliases() -> None:
    g = Gazetteer(
        [
            place(1, "Novaya", pop=100),
            place(2, "Novaya", pop=5000),
            place(3, "Oldtown", pop=900, aliases=("Novaya",)),
        ]
    )
    assert [p.geonames_id for p in g.lookup("novaya")] == [2, 1, 3]
    assert g.lookup("Nowhere") == []


def test_load_is_cached() -> None:
    Gazetteer._shared = None
    g = Gazetteer.load()
    assert Gazetteer.load() is g


def test_packaged_data_has_countries_regions_and_small_settlements() -> None:
    g = Gazetteer.load()
    assert g.lookup("Norway")[0].kind == "country"
    region = g.lookup("Poltava region")[0]
    assert (region.kind, region.country_code) == ("region", "UA")
    assert g.lookup("Bryansk Oblast")[0].country_code == "RU"
    assert g.lookup("Volyn Oblast")[0].kind == "region"
    village = g.lookup("Staromaiorske")[0]
    assert village.country_code == "UA" and village.population < 5000


def test_curated_aliases_rename_and_resolve() -> None:
    g = Gazetteer.load()
    assert g.lookup("Lvov")[0].name == "Lviv"
    assert g.lookup("Nikolaev")[0].name == "Mykolaiv"
    assert "Toretsk" in [p.name for p in g.lookup("Dzerzhinsk")]
    assert g.lookup("Kirovograd")[0].name == "Kropyvnytskyi"
    assert g.lookup("Gorlovka")[0].name == "Horlivka"


def test_is_place_name_rule() -> None:
    g = Gazetteer.load()
    assert g.is_place_name("Lviv")
    assert g.is_place_name("Lvov")
    assert g.is_place_name("Siversk")  # small, but a curated front-line town
    assert not g.is_place_name("lviv")  # not written as a proper name
    assert not g.is_place_name("Jackson")  # a surname first
    assert not g.is_place_name("Staromaiorske")  # a village needs context
    assert not g.is_place_name("Sorokin")
