"""Names that a sentence gives to a place are not people, whatever the tagger says."""

from __future__ import annotations

from spacy.language import Language

from api.extract.actors import find_actors
from api.extract.gazetteer import Gazetteer


def people(nlp: Language, text: str) -> list[str]:
    return [a.name for a in find_actors(nlp(text), Gazetteer([])) if a.kind == "person"]


def test_name_after_village_of_is_not_a_person(nlp: Language) -> None:
    text = "Troops reached the village of Lomas Verdecitas, Marta Quintero told reporters."
    assert people(nlp, text) == ["Marta Quintero"]


def test_name_a_side_calls_a_place_is_not_a_person(nlp: Language) -> None:
    text = "The ministry, which uses the old name Villa Rosalba Alta, said the town had fallen."
    assert people(nlp, text) == []
