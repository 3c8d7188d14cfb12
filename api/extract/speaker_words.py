"""What words say about who speaks: pronouns and the gender they carry, nouns for people,
institutions and speech, and what an article tells of a person's gender."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from api.extract.given_names import Gender, gender_of_given_name, gender_of_honorific
from api.extract.lexicon import word_list, word_table
from api.extract.reporting import (
    DOCUMENT_NOUNS,
)
from api.extract.types import ExtractedActor
from api.extract.vocabulary import load_title_words

PERSON_PRONOUNS: dict[str, Gender] = {"he": "m", "she": "f"}
# Pronouns that own or author something ("his remarks", "a post by him"); None: either gender.
OWNER_PRONOUNS: dict[str, Gender | None] = {"his": "m", "him": "m", "her": "f", "their": None}
THING_PRONOUNS = frozenset({"it", "they"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# British and American spellings of institution nouns, each way.
SPELLINGS = {"centre": "center", "center": "centre", "defence": "defense", "defense": "defence"}


@cache
def institution_kinds() -> dict[str, frozenset[str]]:
    """data/institution_nouns.tsv: "organization" → the actor kinds it may stand for."""
    return {
        noun: frozenset(kinds.split())
        for noun, kinds in word_table("institution_nouns.tsv").items()
    }


def speaks_for(noun: Token) -> bool:
    """A noun whose owner or modifier speaks through it: a person or role ("Marsh's
    lawyer"), an institution ("the ministry's press office"), a document ("the union's
    letter") or a capitalised name; not a thing ("Ana Ferris's fever", "the region's ozone")."""
    word = noun.lemma_.lower()
    return (
        noun.text[:1].isupper()
        or is_person_noun(word)
        or word in DOCUMENT_NOUNS
        or word in institution_kinds()
        or word in word_list("speech_nouns.txt")
    )


def is_person_noun(word: str) -> bool:
    """A common noun for a person: "victim", "resident", or a role ("spokesman")."""
    return word in word_list("person_nouns.txt") or word in load_title_words()


def noun_gender(word: str) -> str | None:
    """The gender a person noun tells: "son" → m, "mother" → f, "victim" → None."""
    return word_table("person_nouns.txt").get(word) or None


def gender_of(actor: ExtractedActor) -> Gender | None:
    """What the article tells of a person's gender: an honorific among the titles ("Ms"),
    else the given name ("Cecilia"); None when it tells nothing."""
    for title in actor.titles:
        for word in title.split():
            gender = gender_of_honorific(word)
            if gender is not None:
                return gender
    words = actor.name.split()
    for word in words[:-1]:  # the first given name the list knows ("Constable Simon Hood")
        gender = gender_of_given_name(word)
        if gender is not None:
            return gender
    return None
