"""The words that tell what a name is: institution, outlet, force and group words, place
nouns and prepositions, title words. Shared by the actor modules (mentions, titles, clusters,
kinds)."""

from __future__ import annotations

import re

from api.extract.lexicon import word_list

# Entity labels that can name an actor; others (DATE, CARDINAL, ...) never do.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# A capital used after these prepositions is a location ("talks in Oslo"), not an agent.
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "from",
        "near",
        "to",
        "into",
        "outside",
        "around",
        "across",
        "through",
        "inside",
        "toward",
        "towards",
        "via",
        "over",
        "within",
        "between",
        "of",
    }
)
AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "conj", "appos"})
POSSESSIVE_RE = re.compile("(?:['\u2019]s|(?<=s)['\u2019])$")
EDGE_CHARS = " \n\"“”'([,;:-\u2018\u2019"
# Name patterns for organisation sub-kinds, checked on the canonical name. Only generic words:
# an outlet known by a brand name alone is recognised by what it does (`_acts_as_outlet`).
MEDIA_RE = re.compile(
    r"\b(news|times|post|journal|herald|tribune|telegraph|gazette|agency|radio|tv|wire|"
    r"television|channel|broadcasting|broadcaster|press|newspaper|chronicle|courier|observer|"
    r"daily|weekly|magazine|network|paper)\b",
    re.I,
)
MILITARY_RE = re.compile(
    r"\b(army|armed forces|forces|navy|air force|marines?|brigade|regiment|battalion|corps|"
    r"division|military|general staff|troops|national guard|command|militia)\b",
    re.I,
)
GROUP_RE = re.compile(
    r"\b(gang|rebels?|insurgents?|separatists?|movement|front|cartel|militants?|jihadists?|"
    r"guerrillas?|brotherhood|syndicate)\b",
    re.I,
)
# A name only ever used after these prepositions, or before these nouns, is a place ("in
# Poltava", "the Chernihiv region"), even when the small model tags it PERSON.
PLACE_PREPS = frozenset(
    {"in", "near", "outside", "around", "into", "toward", "towards", "across", "at"}
)
PLACE_NOUNS = frozenset(
    {
        "region",
        "oblast",
        "city",
        "province",
        "district",
        "village",
        "town",
        "area",
        "front",
        "direction",
        "sector",
        "road",
        "street",
        "avenue",
        "square",
        "airport",
        "county",
        "state",
    }
)
PLACE_SUFFIX_RE = re.compile(r"\b(Road|Street|Avenue|Square|Boulevard|Lane|Bridge|Airport)$")
# An article joined to a surname by a hyphen ("al-", "el-"): "al-Rami" is also "Rami".
SURNAME_PARTICLE_RE = re.compile(r"^(?:al|el|ad|ar|as|an|ash|at|az|ul)-")
# Nouns in apposition that say a name is a place ("Dalby, a river town"), not a person.
PLACE_TITLE_NOUNS = PLACE_NOUNS | frozenset(
    {"village", "town", "capital", "settlement", "hamlet", "name", "port", "suburb", "island"}
)
# Nouns in apposition that say a name is an organisation ("Vellar, the parent company").
ORG_TITLE_RE = re.compile(
    r"^(company|firm|maker|manufacturer|carrier|airline|subsidiary|conglomerate|contractor|"
    r"supplier|retailer|producer|operator|brand|group|bank|insurer|lender|startup|corporation|"
    r"club|team|side|charity|museum|school|university|newspaper|broadcaster|magazine|"
    r"journal|paper|publication|weekly|tabloid|website|site|channel|network|body|agency)$"
)
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Words that make a name an institution, never a person ("Harbour Council", "Records Office").
ORG_WORD_RE = re.compile(
    r"\b(council|office|ministry|party|committee|union|company|inc|corp|group|bank|university|"
    r"association|department|agency|commission|organi[sz]ation|institute|foundation|court|"
    r"parliament|government|cross|service|airlines?|airways|board|authority|club|league|"
    r"congress|senate|assembly|cabinet|legislature|cent(?:er|re)|museum|hospital|school|"
    r"college|academy|fund|trust|society|church|charity|police|campaign)\b",
    re.I,
)
# Head nouns of armed forces named by nationality ("Colombian troops", "Venezuela's army").
FORCE_NOUNS = frozenset({"army", "forces", "troops", "military", "navy", "soldiers"})
# Tags of words the tagger sometimes takes into a name at a sentence's start ("Following
# Halvorsen's decision", "Despite Berg"): verbs, prepositions, adverbs.
NOT_NAME_TAGS = frozenset({"VBG", "VBN", "VBD", "IN", "RB", "WRB", "CC"})


def load_title_words() -> frozenset[str]:
    """Role nouns from data/titles.txt ("spokesman", "president", ...)."""
    return word_list("titles.txt")


def institution_name(name: str) -> bool:
    """The name holds a word of an institution, outlet, force or group ("Equality Movement",
    "History Museum", "Morning Ledger newspaper")."""
    return any(rx.search(name) for rx in (ORG_WORD_RE, MEDIA_RE, MILITARY_RE, GROUP_RE))
