"""The words that tell what a name is: institution, outlet, force and group words, place
nouns and prepositions, title words, read from the English language pack (lang/en/, see its
README). Shared by the actor modules (mentions, titles, clusters, kinds)."""

from __future__ import annotations

import re

from api.extract.lexicon import pattern, word_list

# Entity labels that can name an actor; others (DATE, CARDINAL, ...) never do.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# A capital used after these prepositions is a location ("talks in Oslo"), not an agent.
LOCATIVE_PREPS = word_list("location_prepositions.txt")
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "conj", "appos"})
POSSESSIVE_RE = re.compile("(?:['\u2019]s|(?<=s)['\u2019])$")
EDGE_CHARS = " \n\"“”'([,;:-\u2018\u2019"
# Name patterns for organisation sub-kinds, checked on the canonical name. Only generic words:
# an outlet known by a brand name alone is recognised by what it does (`_acts_as_outlet`).
MEDIA_RE = pattern("media_words.txt")
MILITARY_RE = pattern("military_words.txt")
GROUP_RE = pattern("group_words.txt")
# A name only ever used after these prepositions, or before these nouns, is a place ("in
# Poltava", "the Chernihiv region"), even when the small model tags it PERSON.
PLACE_PREPS = word_list("place_prepositions.txt")
PLACE_NOUNS = word_list("place_nouns.txt")
PLACE_SUFFIXES = frozenset(w.capitalize() for w in word_list("place_suffix_words.txt"))
# An article joined to a surname by a hyphen ("al-", "el-"): "al-Rami" is also "Rami".
SURNAME_PARTICLE_RE = re.compile(r"^(?:al|el|ad|ar|as|an|ash|at|az|ul)-")
# Nouns in apposition that say a name is a place ("Dalby, a river town"), not a person.
PLACE_TITLE_NOUNS = PLACE_NOUNS | word_list("place_title_nouns.txt")
# Nouns in apposition that say a name is an organisation ("Vellar, the parent company").
ORG_TITLE_NOUNS = word_list("org_title_nouns.txt")
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Words that make a name an institution, never a person ("Harbour Council", "Records Office").
ORG_WORD_RE = pattern("institution_words.txt")
# Head nouns of armed forces named by nationality ("Colombian troops", "Venezuela's army").
FORCE_NOUNS = word_list("force_head_nouns.txt")
# Tags of words the tagger sometimes takes into a name at a sentence's start ("Following
# Halvorsen's decision", "Despite Berg"): verbs, prepositions, adverbs.
NOT_NAME_TAGS = frozenset({"VBG", "VBN", "VBD", "IN", "RB", "WRB", "CC"})


def load_title_words() -> frozenset[str]:
    """Role nouns from data/titles.txt ("spokesman", "president", ...)."""
    return word_list("titles.txt")


def place_suffix(name: str) -> bool:
    """The name ends with a word that makes it a place ("Harbour Road", "Central Airport")."""
    last = re.search(r"\b(\w+)$", name)
    return last is not None and last.group(1) in PLACE_SUFFIXES


def institution_name(name: str) -> bool:
    """The name holds a word of an institution, outlet, force or group ("Liberation Movement",
    "History Museum", "Morning Ledger newspaper")."""
    return any(rx.search(name) for rx in (ORG_WORD_RE, MEDIA_RE, MILITARY_RE, GROUP_RE))
