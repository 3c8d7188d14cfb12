"""The English language pack: word lists, tables and phrases kept as data files.

Language-specific words live in `api/extract/lang/en/` (one concept a file, provenance in its
README.md); language-independent data (the gazetteer, states) in `api/extract/data/`. A stage
never lists words in code: it asks for a list here by file name.

One entry a line; `#` starts a comment; blank lines are skipped; lines marked `+` (Gazette's
additions to a list from elsewhere) read like any other.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
PACK = Path(__file__).parent / "lang" / "en"


def _entries(filename: str) -> list[str]:
    lines = (PACK / filename).read_text(encoding="utf-8").splitlines()
    return [e for e in (line.split("#", 1)[0].strip() for line in lines) if e]


@cache
def word_list(filename: str) -> frozenset[str]:
    """The lower-cased first word of every entry of lang/en/`filename`."""
    return frozenset(entry.split()[0].lower() for entry in _entries(filename))


@cache
def word_table(filename: str) -> dict[str, str]:
    """The lower-cased first word of every entry of lang/en/`filename`, with the rest of its
    line ("" where there is none): "son m" → {"son": "m"}."""
    table: dict[str, str] = {}
    for entry in _entries(filename):
        word, _, rest = entry.partition(" ") if "\t" not in entry else entry.partition("\t")
        table[word.lower()] = rest.strip()
    return table


@cache
def phrase_list(filename: str) -> tuple[tuple[str, ...], ...]:
    """Every entry of lang/en/`filename` as a tuple of lower-cased words, longest first:
    "nuclear power plant" → ("nuclear", "power", "plant")."""
    phrases = {tuple(entry.lower().split()) for entry in _entries(filename)}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


@cache
def rows(filename: str) -> tuple[tuple[str, ...], ...]:
    """Every entry of lang/en/`filename` split into its tab-separated fields, stripped."""
    return tuple(tuple(f.strip() for f in entry.split("\t")) for entry in _entries(filename))


@cache
def pattern(filename: str) -> re.Pattern[str]:
    """One case-insensitive regular expression from lang/en/`filename`, whose entries are
    its alternatives, each matched as whole words."""
    alternatives = "|".join(f"(?:{entry})" for entry in _entries(filename))
    return re.compile(rf"\b(?:{alternatives})\b", re.I)
