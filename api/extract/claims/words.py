"""The claims stage's words, read from the English language pack (`api/extract/lang/en/`).

Each set names one concept and the file it comes from; no word is listed in the stage's code.
"""

from __future__ import annotations

from functools import cache

from api.extract.lexicon import pattern, rows, word_list, word_table
from api.extract.types import ClaimType

CLAIM_TYPES: frozenset[str] = frozenset(
    {"capture", "control", "advance", "withdrawal", "cession", "annexation", "contested"}
)

SPEECH_VERBS = word_list("claim_speech_verbs.txt")
EVERYDAY_VERBS = word_list("claim_everyday_verbs.txt")
ARMED_NOUNS = word_list("armed_force_nouns.txt")
STATE_NOUNS = word_list("state_nouns.txt")
ENEMY_NOUNS = word_list("enemy_nouns.txt")
HYPHEN_CONTROL = word_list("hyphen_control_words.txt")
CONTROL_NOUN_WORDS = word_table("control_noun_words.tsv")  # "fighting" → "contested"
STATIVE_VERBS = word_list("stative_verbs.txt")
LISTING_WORDS = word_list("listing_words.txt")
CIVILIAN_NOUNS = word_list("civilian_nouns.txt")
DENIAL_VERBS = word_list("denial_verbs.txt")
DEMAND_NOUNS = word_list("demand_nouns.txt")
DEMAND_VERBS = word_list("demand_verbs.txt")
PLAN_NOUNS = word_list("plan_nouns.txt")
CLAIM_NOUNS = word_list("claim_nouns.txt")
RELAY_NOUNS = word_list("relay_nouns.txt")
LOCATOR_WORDS = word_list("locator_words.txt")
DIRECTION_WORDS = word_list("direction_words.txt")
ANAPHORS = word_table("place_anaphors.tsv")  # "town" → "settlement"
FALSITY = pattern("falsity_patterns.txt")  # "is not true", "pure fiction"
ATTEMPT_VERBS = word_list("attempt_verbs.txt")
ADJUNCT_PREPOSITIONS = word_list("adjunct_prepositions.txt")
GROUND_NOUNS = word_list("ground_nouns.txt")
PARTY_PRONOUNS = word_list("party_pronouns.txt")
UNVERIFIED = pattern("unverified_patterns.txt")  # "could not be independently verified"


def _claim_type(value: str) -> ClaimType | None:
    if value == "-":
        return None
    if value not in CLAIM_TYPES:
        raise ValueError(f"unknown claim type {value!r} in the language pack")
    return value  # type: ignore[return-value]


@cache
def trigger_words() -> dict[str, tuple[ClaimType, frozenset[str]]]:
    """Word → (claim type, the parts of speech it needs; empty: any), from
    claim_trigger_words.tsv."""
    table: dict[str, tuple[ClaimType, frozenset[str]]] = {}
    for row in rows("claim_trigger_words.tsv"):
        ctype = _claim_type(row[1])
        if ctype is not None:
            table[row[0]] = (ctype, frozenset(row[2].split()) if len(row) > 2 else frozenset())
    return table


@cache
def phrasal_triggers() -> dict[tuple[str, str], tuple[ClaimType | None, frozenset[str]]]:
    """(word, next word) → (claim type or None for "no claim", the parts of speech it needs),
    from claim_phrasal_triggers.tsv."""
    table: dict[tuple[str, str], tuple[ClaimType | None, frozenset[str]]] = {}
    for row in rows("claim_phrasal_triggers.tsv"):
        pos = frozenset(row[3].split()) if len(row) > 3 else frozenset()
        table[(row[0], row[1])] = (_claim_type(row[2]), pos)
    return table
