"""Word lists and tables kept as data files (api/extract/data/*.txt, provenance in data/README.md).

One entry a line; the first word of the line counts, `#` starts a comment, blank lines and
lines marked `+` (Gazette's additions) read like any other.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@cache
def word_list(filename: str) -> frozenset[str]:
    """The lower-cased first word of every entry of data/`filename`."""
    words = set()
    for line in (DATA / filename).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.add(entry.split()[0].lower())
    return frozenset(words)


@cache
def word_table(filename: str) -> dict[str, str]:
    """The lower-cased first word of every entry of data/`filename`, with the rest of its
    line ("" where there is none): "son m" → {"son": "m"}."""
    table: dict[str, str] = {}
    for line in (DATA / filename).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            word, _, rest = entry.partition(" ") if "\t" not in entry else entry.partition("\t")
            table[word.lower()] = rest.strip()
    return table
