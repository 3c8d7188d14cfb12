"""Given names and honorifics: what a name's first word says about a person.

`data/first_names.tsv` (US Census given names, public domain) and `data/honorifics.tsv` are
read once. A name absent from the list says nothing: the list is American, the world's names
are many, so these are hints for agreement and name boundaries, never a gate.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from api.extract.lexicon import DATA

Gender = Literal["m", "f"]


def _table(filename: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (DATA / filename).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("\t")[:2]
            out[key.strip().lower()] = value.strip()
    return out


@cache
def _given() -> dict[str, str]:
    return _table("first_names.tsv")


@cache
def _honorifics() -> dict[str, str]:
    return _table("honorifics.tsv")


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
