"""Mentions: the names in an article that may be actors, cleaned of articles, possessives,
titles and edge punctuation, extended where the tagger cut a name short, and found where it
missed one (untagged speakers and institutions, country names, forces named by nationality)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from api.extract.doc_cache import ents_of, text_of
from api.extract.gazetteer import Gazetteer
from api.extract.given_names import is_given_name
from api.extract.lexicon import word_list
from api.extract.states import RSQUO, load_states
from api.extract.states import state_key as _key
from api.extract.titles import apposition_title, leading_titles, premodifier_title, titled_name
from api.extract.vocabulary import (
    ACTOR_LABELS,
    AGENT_DEPS,
    EDGE_CHARS,
    LOCATIVE_PREPS,
    NOT_NAME_TAGS,
    ORG_WORD_RE,
    PLACE_TITLE_NOUNS,
    POSSESSIVE_RE,
    SURNAME_PARTICLE_RE,
    institution_name,
    load_title_words,
)


@dataclass
class Mention:
    """One cleaned entity mention: char offsets into the body, its label and what it may be."""

    start: int
    end: int
    text: str
    label: str
    root: Token
    state: str | None = None  # canonical country if this mention names a state
    titles: list[str] = field(default_factory=list)
    military: bool = False

    @property
    def words(self) -> list[str]:
        return self.text.split()


def is_personal_name(m: Mention) -> bool:
    """A full personal name whatever its label: tagged PERSON, or two to four capitalised
    words with no institution word that open with a known given name or carry a role title
    ("Margaret Vollmer" tagged ORG; "Deputy director …, Idris Kaltenbrunner")."""
    if m.label == "PERSON":
        return True
    if m.label != "ORG":
        return False  # a place or a nationality is never a person's name
    titles = load_title_words()
    words = m.words
    while words and words[0].lower() in titles:
        words = words[1:]  # "General Harlan" is one word after its "title"
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if institution_name(m.text) or _key(words[0]) in load_states().names:
        return False  # "USA Gymnastics": a country's team or body, not a person
    return is_given_name(words[0]) or bool(m.titles)


def clean_span(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int] | None:
    """Char offsets of an entity without determiner, possessive or edge punctuation.

    "the Elysee" → "Elysee"; "Ivan Sorokin's" → "Ivan Sorokin"; "Oslo's" → "Oslo".
    """
    while start_tok < end_tok and doc[start_tok].lower_ in ("the", "a", "an"):
        start_tok += 1
    while end_tok > start_tok and doc[end_tok - 1].text in ("'s", RSQUO + "s", "'", RSQUO):
        end_tok -= 1
    if start_tok >= end_tok:
        return None
    start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1].text)
    text = text_of(doc)[start:end]
    m = POSSESSIVE_RE.search(text)
    if m:
        end -= len(m.group(0))
    text = text_of(doc)[start:end]
    if "(" in text[1:]:
        end = start + text.index("(", 1)  # "Department of State (DoS" → "Department of State"
        text = text_of(doc)[start:end]
    if re.search(r"\s[A-Z][a-z]+\.$", text):
        end -= 1  # "Anton Ho." at the end of a sentence: the stop is not the name's
        text = text_of(doc)[start:end]
    lead = len(text) - len(text.lstrip(EDGE_CHARS + "."))
    trail = len(text) - len(text.rstrip(EDGE_CHARS))
    start, end = start + lead, end - trail
    if end <= start:
        return None
    return start, end


def name_start(doc: Doc, ent: SpacySpan, start: int | None = None) -> int:
    """Start of the name in an entity: leading verbs and prepositions dropped ("Following
    Halvorsen" → "Halvorsen"); a PERSON of one or two words extended back over the given name
    the tagger left out ("Beekeeper Odile Nakamura" tagged "Nakamura" → "Odile Nakamura",
    "Marietta Louise Franklyn" tagged "Louise Franklyn"): a capitalised proper noun, not a
    title, that the given-name list knows, or before one word and not the sentence's first
    (the parse may hang it elsewhere: "of the Council Rosalind Achterberg")."""
    start = ent.start if start is None else start
    while start < ent.end - 1 and doc[start].tag_ in NOT_NAME_TAGS:
        start += 1
    if ent.label_ != "PERSON" or ent.end - start > 2 or start == 0:
        return start
    prev = doc[start - 1]
    one_word = ent.end - start == 1
    if (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.text.isalpha()
        and not prev.ent_type_
        and prev.lower_ not in load_title_words()
        and (is_given_name(prev.text) or (one_word and not prev.is_sent_start))
    ):
        return start - 1
    return start


def name_end(doc: Doc, ent: SpacySpan) -> int:
    """End of a name the tagger cut short: capitalised proper nouns with no entity label of
    their own that continue it in the same noun phrase ("Ana Lucia" + "Ferreira Gomes"), and a
    surname after a lower-case particle ("Tiago Aurelio" + "dos Reis")."""
    if ent.label_ not in ("PERSON", "ORG"):
        return ent.end
    end = ent.end
    if (
        ent.label_ == "PERSON"
        and end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2  # a hyphenated given name the tagger cut: "Park Min" + "-seo"
    while end < len(doc) and end - ent.end < 3:
        tok = doc[end]
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            break
        if not tok.text.isalpha() or tok.lower_ in load_title_words():
            break
        if ent.label_ == "PERSON" and tok.lower_ in PLACE_TITLE_NOUNS:
            break  # "Hidayat" + "Kestrel Island": a place after the name, not more of it
        if tok.dep_ not in ("compound", "flat", "nsubj", "nsubjpass", "dobj", "pobj", "appos"):
            break
        if not tok.i <= doc[end - 1].head.i <= ent.end + 3:
            break  # the name's last word must lean on this one or the words after it
        if end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON":
            break  # "the Harbour Council Rosalind Achterberg": the given name of the person after
        end += 1
    if ent.label_ == "PERSON" and end + 1 < len(doc) and end - ent.end < 3:
        particle, surname = doc[end], doc[end + 1]
        if (
            particle.lower_ in word_list("name_particles.txt")
            and particle.text.islower()
            and surname.text[:1].isupper()
            and surname.is_alpha
            and surname.ent_type_ in ("", "PERSON")
        ):
            return end + 2  # "Tiago Aurelio" + "dos Reis", "Ludwig" + "van Berg"
    return end


def is_agentive(root: Token) -> bool:
    """A capital acts ("Oslo has insisted", "Caracas's army") rather than locates ("in Oslo")."""
    if root.dep_ == "pobj":
        return root.head.lower_ not in LOCATIVE_PREPS
    if root.dep_ == "compound":
        return False
    return root.dep_ in AGENT_DEPS or root.dep_ == "ROOT"


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Every entity that may name an actor, cleaned, with state and title information."""
    states = load_states()
    out: list[Mention] = []
    for ent in split_entities(doc):
        if ent.label_ not in ACTOR_LABELS or page_furniture(doc, ent):
            continue
        start_tok = name_start(doc, ent)
        end_tok = name_end(doc, ent)
        titles: list[str] = []
        if ent.label_ == "PERSON":
            start_tok, lead = leading_titles(doc, ent)
            if lead:
                titles.append(lead)
            start_tok = name_start(doc, ent, start_tok)
        offsets = clean_span(doc, start_tok, end_tok)
        if offsets is None:
            continue
        start, end = offsets
        text = text_of(doc)[start:end]
        if not any(ch.isalpha() for ch in text) or (
            text[0].islower() and not SURNAME_PARTICLE_RE.match(text)  # "al-Rami" is a name
        ):
            continue
        if all(w.lower() in load_title_words() for w in text.split()):
            continue  # "Vice Speaker", "Dr": a role with no name
        if all(t.pos_ == "PRON" for t in doc[start_tok:end_tok]):
            continue  # "you", "me" tagged as an entity
        key = _key(text)
        m = Mention(start, end, text, ent.label_, ent.root)
        if key in states.names:
            m.state = states.names[key]
        elif key in states.capitals and ent.label_ != "NORP":
            if not is_agentive(ent.root):
                continue  # a place named only as a location is not an actor
            m.state = states.capitals[key]
        elif ent.label_ == "NORP":
            continue  # "Russian", "Muscovites": descriptions, not actors
        pre = premodifier_title(doc, start_tok, person=ent.label_ == "PERSON")
        if pre:
            titles.insert(0, pre)
        appos = apposition_title(ent)
        if appos:
            titles.append(appos)
        m.titles = titles
        out.append(m)
    return out


def split_entities(doc: Doc) -> list[SpacySpan]:
    """The tagger's entities, with an institution and the person after it split apart: "the
    Harbour Council Rosalind Achterberg" (one ORG) → "Harbour Council" and a PERSON "Rosalind
    Achterberg", when the words after the institution's last word open with a given name."""
    out: list[SpacySpan] = []
    for ent in ents_of(doc):
        if ent.label_ == "ORG" and titled_name(ent):
            out.append(SpacySpan(doc, ent.start, ent.end, label="PERSON"))  # "Ms Anika Holt"
            continue
        cut = None
        if ent.label_ == "ORG":
            for tok in ent:
                if ORG_WORD_RE.fullmatch(tok.text) and 2 <= ent.end - tok.i - 1 <= 3:
                    cut = tok.i + 1
        rest = doc[cut : ent.end] if cut is not None else None
        if (
            cut is None
            or rest is None
            or not is_given_name(rest[0].text)
            or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
        ):
            out.append(ent)
            continue
        out.append(SpacySpan(doc, ent.start, cut, label="ORG"))
        out.append(SpacySpan(doc, cut, ent.end, label="PERSON"))
    return out


def page_furniture(doc: Doc, ent: SpacySpan) -> bool:
    """The entity stands on a line of its own a few words long with no verb and no closing
    stop: page furniture copied with the article ("Page A8", "Email", "Subscribe"), a byline
    or a caption credit, not a sentence that names an actor."""
    text = text_of(doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : end if end >= 0 else len(text)].strip()
    if len(line.split()) > 4 or line[-1:] in (".", "!", "?", "\u201d", '"'):
        return False
    span = doc.char_span(start, start + len(line), alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)
