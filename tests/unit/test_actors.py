"""Unit tests for stage 1 (actors) on short hand-written fixtures."""

from __future__ import annotations

from spacy.language import Language

from api.extract.actors import find_actors
from api.extract.gazetteer import Gazetteer
from api.extract.states import load_states
from api.extract.types import ExtractedActor
from tests.unit.harness import actors_in


class PlaceGazetteer(Gazetteer):
    """A gazetteer that knows a fixed set of place names."""

    def __init__(self, names: set[str]) -> None:
        super().__init__([])
        self.names = {n.lower() for n in names}

    def is_place_name(self, name: str) -> bool:
        return name.lower() in self.names


def by_name(actors: list[ExtractedActor], name: str) -> ExtractedActor:
    hits = [a for a in actors if a.name == name]
    assert hits, f"{name!r} not in {[a.name for a in actors]}"
    return hits[0]


TEXT = (
    "Foreign ministry spokesman Ivan Kolarov met Chancellor Maria Vendt in Vienna on Monday.\n"
    "Kolarov's deputy said the talks were useful, and Vendt agreed.\n"
    "The Elysee later said it backed the plan. Caracas rejected it, and Oslo stayed silent."
)


def test_one_actor_per_person_with_surname_alias(nlp: Language) -> None:
    actors = actors_in(nlp, TEXT)
    people = [a for a in actors if a.kind == "person"]
    assert sorted(a.name for a in people) == ["Ivan Kolarov", "Maria Vendt"]
    kolarov = by_name(actors, "Ivan Kolarov")
    assert "Kolarov" in kolarov.aliases
    assert all(not a.endswith("'s") for a in kolarov.aliases)


def test_titles_are_not_part_of_the_name(nlp: Language) -> None:
    actors = actors_in(nlp, TEXT)
    kolarov = by_name(actors, "Ivan Kolarov")
    assert any("spokesman" in t for t in kolarov.titles)
    vendt = by_name(actors, "Maria Vendt")
    assert "Chancellor" in vendt.titles


def test_metonyms_become_states_and_locations_do_not(nlp: Language) -> None:
    actors = actors_in(nlp, TEXT)
    states = {a.name: a for a in actors if a.kind == "state"}
    assert {"France", "Venezuela", "Norway"} <= set(states)
    assert "Elysee" in states["France"].aliases
    assert "Caracas" in states["Venezuela"].aliases
    assert not any(a.name == "Vienna" for a in actors)
    assert not any(a.kind == "person" and a.name == "Caracas" for a in actors)


def test_mentions_are_body_offsets(nlp: Language) -> None:
    doc = nlp(TEXT)
    for actor in find_actors(doc, Gazetteer([])):
        assert actor.mentions
        for m in actor.mentions:
            assert doc.text[m.start : m.end] == m.text
    keys = [a.key for a in find_actors(doc, Gazetteer([]))]
    assert keys == [f"a{i}" for i in range(len(keys))]


def test_capital_used_as_location_is_not_an_actor(nlp: Language) -> None:
    actors = actors_in(nlp, "Delegates gathered in Oslo for the summit on Friday.")
    assert not any(a.kind == "state" for a in actors)


def test_country_names_are_states(nlp: Language) -> None:
    actors = actors_in(nlp, "Venezuela and the UAE signed the deal, while Norway objected.")
    names = {a.name for a in actors if a.kind == "state"}
    assert {"Venezuela", "United Arab Emirates", "Norway"} <= names


def test_gazetteer_place_is_not_a_person(nlp: Language) -> None:
    text = "Fighting continued near Zorivka on Tuesday. Zorivka was shelled again."
    gaz = PlaceGazetteer({"Zorivka"})
    assert not any(a.kind == "person" and a.name == "Zorivka" for a in actors_in(nlp, text, gaz))


def test_organisation_kinds(nlp: Language) -> None:
    text = (
        "The Baltic Herald reported that the Nordic Council and the OSCE met. "
        "The National Guard said its units were ready."
    )
    actors = actors_in(nlp, text)
    kinds = {a.name: a.kind for a in actors}
    assert kinds.get("Baltic Herald") == "media"
    assert kinds.get("OSCE") == "organization"


def test_outlet_known_by_its_brand_is_media(nlp: Language) -> None:
    told = {
        a.name: a.kind for a in actors_in(nlp, "The minister told NRX that talks would resume.")
    }
    assert told.get("NRX") == "media"
    reported = {a.name: a.kind for a in actors_in(nlp, "Polar Echo reported that the port closed.")}
    assert reported.get("Polar Echo") == "media"


def test_states_data_loads() -> None:
    states = load_states()
    assert states.names["elysee"] == "France"
    assert states.capitals["oslo"] == "Norway"
    assert states.demonyms["norwegian"] == "Norway"
    assert states.iso["Norway"] == "NO"
    assert states.country_of("Norwegians") == "Norway"
    assert states.country_of("the UAE") == "United Arab Emirates"
    assert states.country_of("us") is None  # a pronoun, not the all-capital alias
