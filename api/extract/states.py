"""Countries as actors: names, aliases, capitals, metonyms, demonyms and ISO codes.

Read once from data/states.json (provenance in data/README.md) and shared by the actors,
places and claims stages, so that no stage keeps its own hand-picked list of countries.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from api.extract.lexicon import DATA

RSQUO = "\u2019"  # right single quotation mark: the curly apostrophe
MAX_NAME_WORDS = 4  # "United States of America", "Democratic Republic of the Congo" (after "the")


def state_key(name: str) -> str:
    """Lookup key: "the Elysee" → "elysee", "U.S." → "u.s.", "Oslo's" → "oslo"."""
    s = name.strip().replace(RSQUO, "'").lower()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    return re.sub(r"\s+", " ", s)


@dataclass(frozen=True)
class StateData:
    """Country names → canonical country; capitals and metonyms that may stand for the state."""

    names: dict[str, str]  # names, aliases and metonyms ("kremlin", "u.s.")
    capitals: dict[str, str]
    demonyms: dict[str, str]
    iso: dict[str, str]  # canonical country → ISO 3166 alpha-2 code
    acronyms: frozenset[str]  # keys of all-capital aliases ("us", "uk"): matched only in capitals

    def country_of(self, words: str) -> str | None:
        """The country a name, alias, metonym, capital or demonym (also plural) refers to.

        Words must be written as a proper name: "Norwegian" and "the US" count, "us" does not.
        """
        text = words.strip().replace(RSQUO, "'")
        if not text or (not text[0].isupper() and not text.lower().startswith("the ")):
            return None
        key = state_key(text)
        if key in self.acronyms and not re.sub(r"^the\s+", "", text, flags=re.I).isupper():
            return None
        return self.names.get(key) or self.capitals.get(key) or self.demonym_of(text)

    def demonym_of(self, word: str) -> str | None:
        """The country of a demonym, singular or plural: "Norwegian(s)" → "Norway"."""
        if not word[:1].isupper():
            return None
        key = state_key(word)
        return self.demonyms.get(key) or (
            self.demonyms.get(key[:-1]) if key.endswith("s") else None
        )

    def words_for(self, country: str) -> set[str]:
        """Every lookup key that stands for `country`: names, aliases, metonyms, capitals."""
        keys = {k for k, c in self.names.items() if c == country}
        return keys | {k for k, c in self.capitals.items() if c == country}

    def find_in(self, text: str) -> list[tuple[int, str]]:
        """(character offset, country) for every country word in `text`, longest names first
        ("the United Arab Emirates" is one country, not three words)."""
        found: list[tuple[int, str]] = []
        words = list(re.finditer(r"[A-Za-z\u00c0-\u024f.'\u2019]+", text))
        i = 0
        while i < len(words):
            for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
                span = text[words[i].start() : words[i + n - 1].end()]
                country = self.country_of(span) or self.country_of(span.rstrip("."))
                if country is not None:
                    found.append((words[i].start(), country))
                    i += n
                    break
            else:
                i += 1
        return found


@lru_cache(maxsize=1)
def load_states() -> StateData:
    """Read data/states.json once (countries, aliases, capitals, metonyms, demonyms)."""
    raw = json.loads((DATA / "states.json").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    iso: dict[str, str] = {}
    acronyms: set[str] = set()
    for country, info in raw["countries"].items():
        names[state_key(country)] = country
        iso[country] = info["iso"]
        for alias in info["aliases"]:
            names[state_key(alias)] = country
            bare = re.sub(r"^the\s+", "", alias)
            if bare.replace(".", "").isupper():
                acronyms.add(state_key(alias))
        for cap in info["capitals"]:
            capitals[state_key(cap)] = country
    for metonym, country in raw["metonyms"].items():
        names[state_key(metonym)] = country
    demonyms = {state_key(d): c for d, c in raw["demonyms"].items()}
    return StateData(
        names=names,
        capitals=capitals,
        demonyms=demonyms,
        iso=iso,
        acronyms=frozenset(acronyms),
    )
