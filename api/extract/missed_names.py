"""Names the entity tagger missed or mislabelled: personal names that act as subjects,
institution names around an institution word, country names and capitals, and armed forces
named by nationality ("Colombian troops")."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from api.extract.doc_cache import ents_of, text_of
from api.extract.given_names import is_given_name
from api.extract.mentions import Mention, clean_span, is_agentive
from api.extract.reporting import is_cue
from api.extract.states import StateData, load_states
from api.extract.states import state_key as _key
from api.extract.vocabulary import (
    ACTOR_LABELS,
    FORCE_NOUNS,
    ORG_WORD_RE,
    institution_name,
    load_title_words,
)


def untagged_speakers(doc: Doc) -> list[Mention]:
    """Personal names the tagger skipped (or took for a title: "Jim Lucero" as a WORK_OF_ART)
    where they act: the subject of a verb written as two to four capitalised words ("Dara
    Finch-Mole, head of the office, told reporters"), when the verb reports speech, the name
    opens with a known given name, or one of its words is a name the tagger found elsewhere
    in the article ("Osei Mbatha won" beside a tagged "Mbatha"); never an
    institution name."""
    known = {e.text for e in ents_of(doc) if e.label_ in ("PERSON", "ORG") and len(e) == 1}
    out: list[Mention] = []
    for tok in doc:
        if not tok.tag_.startswith("VB"):
            continue
        reports = is_cue(tok)
        for subj in tok.children:
            if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ != "PROPN":
                continue
            if subj.ent_type_ in ACTOR_LABELS:
                continue
            span = untagged_name(doc, subj)
            if span is None:
                continue
            words = span.text.replace("-", " ").split()
            if reports or is_given_name(words[0]) or known & set(words):
                out.append(Mention(span.start_char, span.end_char, span.text, "PERSON", subj))
    return out


def untagged_institutions(doc: Doc) -> list[Mention]:
    """Institution names the tagger skipped: capitalised words around an institution word,
    with an "of" phrase after it ("A Ministry of Fisheries spokesman", "the Harbour Council
    said"), two capitalised words at least and none inside an entity."""
    out: list[Mention] = []
    taken = -1
    for tok in doc:
        if tok.i <= taken or tok.ent_type_ or not tok.text[:1].isupper():
            continue
        if not ORG_WORD_RE.fullmatch(tok.text):
            continue
        start = tok.i
        while start > 0 and not doc[start - 1].is_sent_start:
            left = doc[start - 1]
            joins = left.lower_ in ("and", "&") and start > 1 and doc[start - 2].text[:1].isupper()
            if not (capitalised_word(left) or joins):
                break
            start -= 1
        end = tok.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and capitalised_word(doc[end + 1], True):
            end += 2
            while end < len(doc) and capitalised_word(doc[end], True):
                end += 1
        span = doc[start:end]
        if sum(1 for t in span if t.text[:1].isupper()) < 2:
            continue
        if start > 0 and doc[start - 1].ent_type_ and doc[start - 1].text[:1].isupper():
            continue  # the end of a longer name the tagger cut ("Aeronautic Defence and Space …")
        taken = end - 1
        out.append(Mention(span.start_char, span.end_char, span.text, "ORG", span.root))
    return out


def capitalised_word(tok: Token, titles_too: bool = False) -> bool:
    """A capitalised word outside any entity that can be part of a name (a title word only
    after "of": "Ministry of Fisheries", but not "Fisheries Minister Office")."""
    return (
        tok.text[:1].isupper()
        and tok.is_alpha
        and not tok.ent_type_
        and tok.pos_ in ("PROPN", "NOUN", "ADJ")
        and (titles_too or tok.lower_ not in load_title_words())
    )


def untagged_name(doc: Doc, subj: Token) -> SpacySpan | None:
    """The two-to-four-word capitalised name that ends at `subj`, hyphenated parts included
    ("Osei Mbatha-kuna"); None for a role, an institution or the end of a tagged name."""
    first = subj.i
    while first > 0 and first > subj.i - 6:
        left = doc[first - 1]
        joined = left.text == "-" and not left.whitespace_ and not doc[first - 2].whitespace_
        if left.ent_type_ in ACTOR_LABELS or left.head.i != subj.i:
            break
        if not (left.pos_ == "PROPN" or joined):
            break
        first -= 1
    if first > 0 and doc[first - 1].ent_type_ in ACTOR_LABELS and doc[first - 1].pos_ == "PROPN":
        return None  # the end of a tagged name ("Ana Lucia" + "Gomes"): already a mention
    span = doc[first : subj.i + 1]
    if all(t.lower_ in load_title_words() for t in span if t.is_alpha):
        return None  # "Prime Minister said": a role, not a name
    words = span.text.replace("-", " ").split()
    capitals = [w for w in words if w[:1].isupper()]
    if not 2 <= len(capitals) <= 4 or not span.text[:1].isupper():
        return None
    return None if institution_name(span.text) else span


def missed_states(doc: Doc, states: StateData) -> list[Mention]:
    """Country names and capitals the entity tagger skipped ("Oslo rejected it" with no entity)."""
    out: list[Mention] = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN":
            continue
        key = _key(tok.text)
        country = states.names.get(key)
        if country is None and key in states.capitals and is_agentive(tok):
            country = states.capitals[key]
        if country is not None:
            m = Mention(tok.idx, tok.idx + len(tok.text), tok.text, "GPE", tok)
            m.state = country
            out.append(m)
    return out


def force_mentions(doc: Doc, states: StateData) -> list[Mention]:
    """Armed forces named by nationality: "Colombian troops", "Norway's army", "Swedish forces"."""
    out: list[Mention] = []
    for tok in doc:
        if tok.lower_ not in FORCE_NOUNS or tok.pos_ != "NOUN":
            continue
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss") and c.i >= tok.i - 3]
        for mod in mods:
            country = states.demonyms.get(_key(mod.text)) or states.names.get(_key(mod.text))
            if country:
                span = doc[mod.i : tok.i + 1]
                offsets = clean_span(doc, span.start, span.end)
                if offsets:
                    m = Mention(
                        offsets[0], offsets[1], text_of(doc)[offsets[0] : offsets[1]], "MIL", tok
                    )
                    m.state = country
                    m.military = True
                    out.append(m)
                break
    return out


def missed_mentions(doc: Doc) -> list[Mention]:
    """Every mention the tagger missed or mislabelled, as `find_mentions` makes the tagged
    ones: forces by nationality, country names and capitals, acting personal names and
    institution names."""
    states = load_states()
    return (
        force_mentions(doc, states)
        + missed_states(doc, states)
        + untagged_speakers(doc)
        + untagged_institutions(doc)
    )
