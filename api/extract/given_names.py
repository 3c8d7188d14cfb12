"""Given names and honorifics: what a name's first word says about a person.

`data/first_names.tsv` (US Census given names, public domain) and `data/honorifics.tsv` are
read once. A name absent from the list says nothing: the list is American, the world's names
are many, so these are hints for agreement and name boundaries, never a gate.
"""

from __future__ import annotations

from typing import Literal

from api.extract.lexicon import word_table

Gender = Literal["m", "f"]


def _given() -> dict[str, str]:
    return word_table("first_names.tsv")


def _honorifics() -> dict[str, str]:
    return word_table("honorifics.tsv")


def is_given_name(word: str) -> bool:
    """ "Beatrice", "Odell": a given name the list knows (three letters or more: the list
    also holds "Un" and "Al", which are more often something else)."""
    return len(word) >= 3 and word.lower() in _given()


def gender_of_given_name(word: str) -> Gender | None:
    """ "Beatrice" → f, "Harold" → m; None for a name given to both, or unknown."""
    return _gender(_given().get(word.lower()))


def gender_of_honorific(word: str) -> Gender | None:
    """ "Mr" → m, "Ms." → f; None for any other word."""
    return _gender(_honorifics().get(word.lower()))


def _gender(value: str | None) -> Gender | None:
    if value == "m":
        return "m"
    if value == "f":
        return "f"
    return None
