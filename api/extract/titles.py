"""Titles and roles around a name: before it ("Foreign ministry spokesman Ivan Sorokin",
"Ms Anika Holt") or in apposition ("Olga Marsh, a spokeswoman for …"). A title is an
attribute of its actor, never part of the name."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from api.extract.given_names import gender_of_honorific
from api.extract.vocabulary import MODIFIER_DEPS, institution_name, load_title_words


def leading_titles(doc: Doc, ent: SpacySpan) -> tuple[int, str | None]:
    """Split title words off the front of a PERSON entity.

    "President Ana Ferreyra" → (index of "Ana", "President"); "Ivan Sorokin" → (start, None).
    """
    titles = load_title_words()
    i = ent.start
    while i < ent.end - 1 and doc[i].lower_ in titles:
        i += 1
    if i == ent.start:
        return ent.start, None
    return i, doc[ent.start : i].text


def premodifier_title(doc: Doc, start_tok: int, person: bool = False) -> str | None:
    """Title words right before a name.

    "Foreign ministry spokesman Ivan Sorokin" → "Foreign ministry spokesman"; "Colombian President
    Ana Ferreyra" → "Colombian President"; "the mayor's son-in-law Tomas Berg" → "son-in-law"
    (stops at 's); "rookie defenceman Jake Olsen" → "rookie defenceman" (before a name tagged
    PERSON, any lower-case noun right before it is a role, listed title or not).
    """
    titles = load_title_words()
    i = start_tok - 1
    first = start_tok
    has_title = False
    while i >= 0 and start_tok - i <= 6:
        tok = doc[i]
        if (tok.is_punct and tok.text != "-") or tok.pos_ in (
            "DET",
            "VERB",
            "AUX",
            "ADP",
            "PRON",
            "PART",
            "NUM",
            "CCONJ",
            "SCONJ",
        ):
            break
        if tok.lower_ in titles or ("-" in tok.text and tok.lower_.split("-")[0] in titles):
            has_title = True
        elif tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.dep_ not in MODIFIER_DEPS:
            break
        first = i
        i -= 1
    if first == start_tok:
        return None
    last = doc[start_tok - 1]
    if not has_title and not (person and last.pos_ == "NOUN" and last.text.islower()):
        return None  # a lower-case noun leaning on a person's name is a role ("goalkeeper Berg")
    # the word next to the name must itself be a role noun or title ("ministry spokesman")
    if last.lower_ not in titles and last.pos_ != "NOUN" and "-" not in last.text:
        return None
    return doc[first:start_tok].text


def apposition_title(ent: SpacySpan) -> str | None:
    """A role noun in apposition to a name.

    "Olga Marsh, a spokeswoman for ..." → "spokeswoman"; "Colombia's chief of the naval staff,
    Rodrigo Llanes" → "chief of the naval staff"; "the province's acting mayor" → "acting mayor".
    """
    root = ent.root
    candidates = [
        c
        for c in root.children
        if c.dep_ == "appos"
        and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and any(d.dep_ == "det" for d in c.lefts)))
    ]  # "a spokeswoman", or a proper noun with an article: "a Vermont Democrat"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        candidates.append(root.head)
    for noun in candidates:
        left = [t for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i == noun.i - 1]
        start = left[0].i if left else noun.i
        end = noun.i + 1
        for child in noun.rights:
            # "chief of the naval staff": keep a short "of ..." phrase
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                sub_end = max(t.i for t in child.subtree) + 1
                overlaps = any(ent.start <= t.i < ent.end for t in child.subtree)
                if sub_end - end <= 5 and not overlaps:
                    end = sub_end
        return str(noun.doc[start:end].text)
    return None


def titled_name(ent: SpacySpan) -> bool:
    """An entity that is a title and a personal name: an honorific before anything ("Ms
    Anika Holt", "Dr Okafor"), or role words before two or three capitalised words
    ("Councillor Rita Fonseca"; not one: "General Harlan", "Foreign Affairs")."""
    if len(ent) >= 2 and (gender_of_honorific(ent[0].text) or ent[0].lower_ in ("dr", "dr.")):
        return True
    titles = load_title_words()
    i = ent.start
    while i < ent.end and ent.doc[i].lower_ in titles:
        i += 1
    rest = ent.doc[i : ent.end]
    return (
        i > ent.start
        and 2 <= len(rest) <= 3
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
        and not institution_name(rest.text)
    )


def title_head(title: str) -> str:
    """The head noun of a title: "large village" → "village"; "head of the region" → "head"."""
    words = title.lower().split(" of ")[0].split()
    return words[-1] if words else ""
