"""Stage 1: actors — the people, organisations, states, forces, groups and media an article names.

One actor per real-world entity per article. spaCy's small model labels the same name
differently from sentence to sentence ("Halvorsen" is PERSON once and ORG the next time, "Oslo" is
PERSON), so labels are treated as votes and names are consolidated first:

* full personal names ("Ivan Sorokin") anchor person actors; a bare surname ("Sorokin"),
  whatever its label, joins the nearest full name ending in it;
* country names, their aliases and metonyms ("the Elysee") are `state` actors; capitals
  ("Oslo", "Caracas", "Hanoi") are states only where they act, not where they locate;
* titles in front of a name or in apposition are attributes, never part of the name; a place
  noun in apposition ("a river town") marks a place, an institution noun ("the parent
  company") an organisation;
* names the tagger cut short are extended over the proper nouns that continue them, surnames
  it skipped join their full name ("al-Rami" and "Rami" too), and an untagged two-to-four word
  name that is the subject of a reporting verb is a person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from api.extract.doc_cache import ents_of, text_of
from api.extract.gazetteer import Gazetteer
from api.extract.given_names import gender_of_honorific, is_given_name
from api.extract.lexicon import word_list
from api.extract.states import RSQUO, StateData, load_states
from api.extract.states import state_key as _key
from api.extract.types import ActorKind, ExtractedActor, Span

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
EDGE_CHARS = " \"“”'([,;:-\u2018\u2019"

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
    r"supplier|retailer|producer|operator|brand|group|bank|insurer|lender|startup|corporation)$"
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


def load_title_words() -> frozenset[str]:
    """Role nouns from data/titles.txt ("spokesman", "president", ...)."""
    return word_list("titles.txt")


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


@dataclass
class Cluster:
    """Mentions that refer to one real-world entity."""

    mentions: list[Mention]
    state: str | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


# ---------------------------------------------------------------- mention cleaning


def _clean_span(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int] | None:
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
    lead = len(text) - len(text.lstrip(EDGE_CHARS + "."))
    trail = len(text) - len(text.rstrip(EDGE_CHARS))
    start, end = start + lead, end - trail
    if end <= start:
        return None
    return start, end


def _leading_titles(doc: Doc, ent: SpacySpan) -> tuple[int, str | None]:
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


# Tags of words the tagger sometimes takes into a name at a sentence's start ("Following
# Spielberg's decision", "Despite Berg"): verbs, prepositions, adverbs.
NOT_NAME_TAGS = frozenset({"VBG", "VBN", "VBD", "IN", "RB", "WRB", "CC"})


def _name_start(doc: Doc, ent: SpacySpan, start: int | None = None) -> int:
    """Start of the name in an entity: leading verbs and prepositions dropped ("Following
    Spielberg" → "Spielberg"); a one-word PERSON extended back over the given name the tagger
    left out ("Beekeeper Odile Nakamura" tagged "Nakamura" → "Odile Nakamura"): a capitalised
    proper noun leaning on it, not a title, and not the sentence's first word unless the
    given-name list knows it (the parse may hang it elsewhere: "of the Council Enver
    Solomon")."""
    start = ent.start if start is None else start
    while start < ent.end - 1 and doc[start].tag_ in NOT_NAME_TAGS:
        start += 1
    if ent.label_ != "PERSON" or ent.end - start != 1 or start == 0:
        return start
    prev = doc[start - 1]
    if (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.text.isalpha()
        and not prev.ent_type_
        and prev.lower_ not in load_title_words()
        and (not prev.is_sent_start or is_given_name(prev.text))
    ):
        return start - 1
    return start


def _name_end(doc: Doc, ent: SpacySpan) -> int:
    """End of a name the tagger cut short: capitalised proper nouns with no entity label of
    their own that continue it in the same noun phrase ("Ana Lucia" + "Ferreira Gomes"), and a
    surname after a lower-case particle ("Marcos Aparecido" + "dos Santos")."""
    if ent.label_ not in ("PERSON", "ORG"):
        return ent.end
    end = ent.end
    while end < len(doc) and end - ent.end < 3:
        tok = doc[end]
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            break
        if not tok.text.isalpha() or tok.lower_ in load_title_words():
            break
        if tok.dep_ not in ("compound", "flat", "nsubj", "nsubjpass", "dobj", "pobj", "appos"):
            break
        if not tok.i <= doc[end - 1].head.i <= ent.end + 3:
            break  # the name's last word must lean on this one or the words after it
        if end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON":
            break  # "the Refugee Council Enver Solomon": the given name of the person after
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
            return end + 2  # "Marcos Aparecido" + "dos Santos", "Ludwig" + "van Berg"
    return end


def _premodifier_title(doc: Doc, start_tok: int, person: bool = False) -> str | None:
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


def _apposition_title(ent: SpacySpan) -> str | None:
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
    ]  # "a spokeswoman", or a proper noun with an article: "a Kentucky Republican"
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


def _is_agentive(root: Token) -> bool:
    """A capital acts ("Oslo has insisted", "Caracas's army") rather than locates ("in Oslo")."""
    if root.dep_ == "pobj":
        return root.head.lower_ not in LOCATIVE_PREPS
    if root.dep_ == "compound":
        return False
    return root.dep_ in AGENT_DEPS or root.dep_ == "ROOT"


def _mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Every entity that may name an actor, cleaned, with state and title information."""
    states = load_states()
    out: list[Mention] = []
    for ent in _split_entities(doc):
        if ent.label_ not in ACTOR_LABELS or _page_furniture(doc, ent):
            continue
        start_tok = _name_start(doc, ent)
        end_tok = _name_end(doc, ent)
        titles: list[str] = []
        if ent.label_ == "PERSON":
            start_tok, lead = _leading_titles(doc, ent)
            if lead:
                titles.append(lead)
            start_tok = _name_start(doc, ent, start_tok)
        offsets = _clean_span(doc, start_tok, end_tok)
        if offsets is None:
            continue
        start, end = offsets
        text = text_of(doc)[start:end]
        if not any(ch.isalpha() for ch in text) or text[0].islower():
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
            if not _is_agentive(ent.root):
                continue  # a place named only as a location is not an actor
            m.state = states.capitals[key]
        elif ent.label_ == "NORP":
            continue  # "Russian", "Muscovites": descriptions, not actors
        pre = _premodifier_title(doc, start_tok, person=ent.label_ == "PERSON")
        if pre:
            titles.insert(0, pre)
        appos = _apposition_title(ent)
        if appos:
            titles.append(appos)
        m.titles = titles
        out.append(m)
    out += _force_mentions(doc, states)
    out += _missed_states(doc, states)
    out += _untagged_speakers(doc)
    out += _untagged_institutions(doc)
    out.sort(key=lambda m: m.start)
    return out


def _split_entities(doc: Doc) -> list[SpacySpan]:
    """The tagger's entities, with an institution and the person after it split apart: "the
    Harbour Council Rosalind Achterberg" (one ORG) → "Harbour Council" and a PERSON "Rosalind
    Achterberg", when the words after the institution's last word open with a given name."""
    out: list[SpacySpan] = []
    for ent in ents_of(doc):
        if ent.label_ == "ORG" and _titled_name(ent):
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


def _page_furniture(doc: Doc, ent: SpacySpan) -> bool:
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


def _titled_name(ent: SpacySpan) -> bool:
    """An entity that is a title and a personal name: an honorific before anything ("Ms
    Anika Holt", "Dr Tan"), or role words before two or three capitalised words
    ("Councillor Rita Fonseca")."""
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
        and not _institution_name(rest.text)
    )


def _untagged_speakers(doc: Doc) -> list[Mention]:
    """Personal names the tagger skipped where they act: the subject of a verb written as two
    to four capitalised words ("Dara Finch-Mole, head of the office, told reporters"), when
    the verb reports speech, the name opens with a known given name, or one of its words is
    a name the tagger found elsewhere in the article ("Alassane Ouattara won" beside a tagged
    "Ouattara"); never an institution name."""
    verbs = word_list("reporting_verbs.txt")
    known = {e.text for e in ents_of(doc) if e.label_ in ("PERSON", "ORG") and len(e) == 1}
    out: list[Mention] = []
    for tok in doc:
        if not tok.tag_.startswith("VB"):
            continue
        reports = tok.lemma_.lower() in verbs
        for subj in tok.children:
            if subj.dep_ not in ("nsubj", "nsubjpass") or subj.pos_ != "PROPN" or subj.ent_type_:
                continue
            span = _untagged_name(doc, subj)
            if span is None:
                continue
            words = span.text.replace("-", " ").split()
            if reports or is_given_name(words[0]) or known & set(words):
                out.append(Mention(span.start_char, span.end_char, span.text, "PERSON", subj))
    return out


def _untagged_institutions(doc: Doc) -> list[Mention]:
    """Institution names the tagger skipped: capitalised words around an institution word,
    with an "of" phrase after it ("A Ministry of Defence spokesman", "the Harbour Council
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
            if not (_capitalised_word(left) or joins):
                break
            start -= 1
        end = tok.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and _capitalised_word(doc[end + 1], True):
            end += 2
            while end < len(doc) and _capitalised_word(doc[end], True):
                end += 1
        span = doc[start:end]
        if sum(1 for t in span if t.text[:1].isupper()) < 2:
            continue
        if start > 0 and doc[start - 1].ent_type_ and doc[start - 1].text[:1].isupper():
            continue  # the end of a longer name the tagger cut ("Aeronautic Defence and Space …")
        taken = end - 1
        out.append(Mention(span.start_char, span.end_char, span.text, "ORG", span.root))
    return out


def _capitalised_word(tok: Token, titles_too: bool = False) -> bool:
    """A capitalised word outside any entity that can be part of a name (a title word only
    after "of": "Ministry of Defence", but not "Defence Minister Office")."""
    return (
        tok.text[:1].isupper()
        and tok.is_alpha
        and not tok.ent_type_
        and tok.pos_ in ("PROPN", "NOUN", "ADJ")
        and (titles_too or tok.lower_ not in load_title_words())
    )


def _untagged_name(doc: Doc, subj: Token) -> SpacySpan | None:
    """The two-to-four-word capitalised name that ends at `subj`, hyphenated parts included
    ("Sombat Boonngam-anong"); None for a role, an institution or the end of a tagged name."""
    first = subj.i
    while first > 0 and first > subj.i - 6:
        left = doc[first - 1]
        joined = left.text == "-" and not left.whitespace_ and not doc[first - 2].whitespace_
        if left.ent_type_ or left.head.i != subj.i or not (left.pos_ == "PROPN" or joined):
            break
        first -= 1
    if first > 0 and doc[first - 1].ent_type_ and doc[first - 1].pos_ == "PROPN":
        return None  # the end of a tagged name ("Ana Lucia" + "Gomes"): already a mention
    span = doc[first : subj.i + 1]
    if all(t.lower_ in load_title_words() for t in span if t.is_alpha):
        return None  # "Prime Minister said": a role, not a name
    words = span.text.replace("-", " ").split()
    capitals = [w for w in words if w[:1].isupper()]
    if not 2 <= len(capitals) <= 4 or not span.text[:1].isupper():
        return None
    return None if _institution_name(span.text) else span


def _missed_states(doc: Doc, states: StateData) -> list[Mention]:
    """Country names and capitals the entity tagger skipped ("Oslo rejected it" with no entity)."""
    out: list[Mention] = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN":
            continue
        key = _key(tok.text)
        country = states.names.get(key)
        if country is None and key in states.capitals and _is_agentive(tok):
            country = states.capitals[key]
        if country is not None:
            m = Mention(tok.idx, tok.idx + len(tok.text), tok.text, "GPE", tok)
            m.state = country
            out.append(m)
    return out


def _force_mentions(doc: Doc, states: StateData) -> list[Mention]:
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
                offsets = _clean_span(doc, span.start, span.end)
                if offsets:
                    m = Mention(
                        offsets[0], offsets[1], text_of(doc)[offsets[0] : offsets[1]], "MIL", tok
                    )
                    m.state = country
                    m.military = True
                    out.append(m)
                break
    return out


# ---------------------------------------------------------------- clustering


def _initials(name: str) -> str:
    """ "Baltic Coastal News Agency" → "BCNA" (skips "of", "the", "for", "and")."""
    skip = ("of", "the", "for", "and", "de")
    return "".join(w[0] for w in name.split() if w.lower() not in skip).upper()


def _cluster(mentions: list[Mention], gazetteer: Gazetteer) -> list[Cluster]:
    """Group mentions of one entity: same state, same full name, surname → nearest full name."""
    clusters: list[Cluster] = []
    by_state: dict[tuple[str, bool], Cluster] = {}
    by_name: dict[str, Cluster] = {}
    singles: list[Mention] = []

    for m in mentions:
        if m.state is not None:
            key = (m.state, m.military)
            if key not in by_state:
                by_state[key] = Cluster([], state=m.state)
                clusters.append(by_state[key])
            by_state[key].mentions.append(m)
        elif len(m.words) >= 2 or (m.label in ("ORG", "FAC") and m.text.isupper()):
            k = _key(m.text)
            if k not in by_name:
                by_name[k] = Cluster([])
                clusters.append(by_name[k])
            by_name[k].mentions.append(m)
        else:
            singles.append(m)

    # full personal names, indexed by surname, in order of first mention
    persons = [c for c in clusters if c.state is None and any(_personal(x) for x in c.mentions)]
    orgs = [c for c in clusters if c.state is None and c not in persons]
    for m in singles:
        target = _surname_target(m, persons) or _org_target(m, orgs)
        if target is not None:
            target.mentions.append(m)
            continue
        k = _key(m.text)
        if k not in by_name:
            by_name[k] = Cluster([])
            clusters.append(by_name[k])
        by_name[k].mentions.append(m)

    # acronyms and shortened organisation names: "BCNA"; "Records Office" in "Oslo Records Office"
    merged: list[Cluster] = []
    for c in sorted(clusters, key=lambda c: -max(len(x.words) for x in c.mentions)):
        host = None if c.state else _org_host(c, merged)
        if host is not None:
            host.mentions += c.mentions
        else:
            merged.append(c)
    return merged


def _surname_key(word: str) -> str:
    """Lookup key of a surname without a joined article: "al-Rami" and "Rami" → "rami"."""
    return SURNAME_PARTICLE_RE.sub("", _key(word))


def _personal(m: Mention) -> bool:
    """A full personal name whatever its label: tagged PERSON, or two to four capitalised
    words with no institution word that open with a known given name or carry a role title
    ("Cecilia Malmström" tagged ORG; "Deputy director …, Hassiba Hadj Sahraoui")."""
    if m.label == "PERSON":
        return True
    if m.label != "ORG":
        return False  # a place or a nationality is never a person's name
    words = m.words
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if _institution_name(m.text):
        return False
    return is_given_name(words[0]) or bool(m.titles)


def _institution_name(name: str) -> bool:
    """The name holds a word of an institution, outlet, force or group ("Equality Movement",
    "History Museum", "Kalameh Sabz newspaper")."""
    return any(rx.search(name) for rx in (ORG_WORD_RE, MEDIA_RE, MILITARY_RE, GROUP_RE))


def _surname_target(m: Mention, persons: list[Cluster]) -> Cluster | None:
    """The full name this bare name refers to: the nearest preceding one ending in it, else
    the next; failing that, the one full name that starts with it (a given name, or a family
    name written first: "Lai" → "Lai Changxing").

    "Sorokin" → "Ivan Sorokin"; "Halvorsen" (labelled GPE) → "Erik Halvorsen"; "al-Rami" and
    "Rami" → "Yusuf al-Rami".
    """
    word = _surname_key(m.text)
    before: tuple[int, Cluster] | None = None
    after: tuple[int, Cluster] | None = None
    starts: set[int] = set()
    for c in persons:
        for x in c.mentions:
            if not _personal(x) or len(x.words) < 2:
                continue
            if _key(x.words[0]) == word:
                starts.add(id(c))
            if _surname_key(x.words[-1]) != word:
                continue
            if x.start < m.start and (before is None or x.start > before[0]):
                before = (x.start, c)
            elif x.start > m.start and (after is None or x.start < after[0]):
                after = (x.start, c)
    chosen = before or after
    if chosen:
        return chosen[1]
    if len(starts) == 1 and m.label in ("PERSON", "ORG", "GPE", "NORP"):
        return next(c for c in persons if id(c) in starts)
    return None


def _org_target(m: Mention, orgs: list[Cluster]) -> Cluster | None:
    """An acronym of a longer organisation name: "BCNA" → "Baltic Coastal News Agency"."""
    if not (m.text.isupper() and len(m.text) >= 2):
        return None
    for c in orgs:
        acronym = m.text.replace(".", "")
        if any(_initials(x.text) == acronym for x in c.mentions if len(x.words) >= 2):
            return c
    return None


def _org_host(c: Cluster, merged: list[Cluster]) -> Cluster | None:
    """A longer non-person name ending with this one: "Oslo Records Office" hosts
    "Records Office"."""
    if any(x.label == "PERSON" for x in c.mentions):
        return None
    names = {_key(x.text) for x in c.mentions}
    for host in merged:
        if host.state or any(x.label == "PERSON" for x in host.mentions):
            continue
        for x in host.mentions:
            hk = _key(x.text)
            for n in names:
                if len(n.split()) >= 2 and hk != n and hk.endswith(" " + n):
                    return host
                if (
                    n.isalpha()
                    and n.upper() == _initials(x.text).upper()
                    and len(n) >= 2
                    and any(y.text.isupper() for y in c.mentions)
                ):
                    return host
    return None


# ---------------------------------------------------------------- kinds and names


def _kind(c: Cluster, gazetteer: Gazetteer) -> ActorKind | None:
    """Decide the kind over all mentions; None when the cluster is not an actor at all.

    A cluster with a two-word PERSON name is a person; a lone word that is mostly tagged as a
    place (or that the gazetteer knows as a place) is not an actor.
    """
    if c.state is not None:
        return "military" if any(m.military for m in c.mentions) else "state"
    labels = Counter(m.label for m in c.mentions)
    multi_person = any(m.label == "PERSON" and len(m.words) >= 2 for m in c.mentions)
    name = _canonical(c)
    if _org_titled(c):
        return "organization"  # "Vellar, the parent company", "Orvik, a parts maker"
    if multi_person and not _institution_name(name):
        return None if _looks_like_place(c, name, gazetteer) else "person"
    place_votes = labels["GPE"] + labels["LOC"] + labels["FAC"]
    if (
        labels["PERSON"]
        and labels["PERSON"] >= labels["ORG"]
        and labels["PERSON"] > place_votes
        and not _institution_name(name)
    ):
        if _looks_like_place(c, name, gazetteer) or not _supported_person(c):
            return None
        return "person"
    full_names = [m for m in c.mentions if _personal(m) and len(m.words) >= 2]
    if full_names and not _institution_name(name) and not _looks_like_place(c, name, gazetteer):
        return "person"  # "said EU commissioner …, Cecilia Malmström" tagged ORG
    if _titled_person_name(c, name) and not all(_located(m) for m in c.mentions):
        return "person"  # "Nadia Okafor, a nurse" even when tagged ORG
    if labels["ORG"] == 0 or place_votes > labels["ORG"]:
        return None  # cities, regions, landmarks: places, not actors
    if MEDIA_RE.search(name):
        return "media"
    if MILITARY_RE.search(name):
        return "military"
    if GROUP_RE.search(name):
        return "group"
    if not ORG_WORD_RE.search(name) and any(_acts_as_outlet(m.root) for m in c.mentions):
        return "media"
    return "organization"


def _supported_person(c: Cluster) -> bool:
    """A one-word name the tagger calls a person is an actor only when the article treats it
    as one: a title or honorific ("Mr Chan", "Gaddafi's son, Hannibal"), it speaks ("said
    Oleh", "Ihor told"), or it comes back and acts. A lone capitalised word ("Twitter",
    "Gunfire", "Order") is not."""
    if any(len(m.words) >= 2 for m in c.mentions):
        return True
    if any(m.titles or _speaks(m.root) for m in c.mentions):
        return True
    acting = [m for m in c.mentions if m.root.dep_ in ("nsubj", "nsubjpass", "poss")]
    return len(c.mentions) >= 2 and bool(acting)  # "Samudio was abducted … Samudio has been"


def _speaks(root: Token) -> bool:
    """The word names who reports something: the subject of a reporting verb, its inverted
    subject ("said Oleh"), or the object of "according to"."""
    head = root.head
    if head.tag_.startswith("VB") and head.lemma_.lower() in word_list("reporting_verbs.txt"):
        return root.dep_ in ("nsubj", "nsubjpass") or (
            root.i > head.i and root.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd")
        )
    if any(
        c.dep_ == "relcl"
        and c.lemma_.lower() in word_list("reporting_verbs.txt")
        and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)
        for c in root.children
    ):
        return True  # "Ouattara, who said"
    return root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _org_titled(c: Cluster) -> bool:
    """Every title of the cluster is an institution noun ("parent company", "carrier")."""
    titles = [t for m in c.mentions for t in m.titles]
    return bool(titles) and all(ORG_TITLE_RE.search(_title_head(t)) for t in titles)


def _acts_as_outlet(root: Token) -> bool:
    """The name reports news or is told things for publication: "Nordpost reported", "told
    Nordpost", "said in an interview with Nordpost"."""
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ == "report":
        return True
    if root.dep_ in ("dobj", "dative") and head.lemma_ == "tell":
        return True
    return (
        root.dep_ == "pobj"
        and head.lower_ == "with"
        and head.head.lower_ in ("interview", "interviews")
    )


def _titled_person_name(c: Cluster, name: str) -> bool:
    """A two-to-four word capitalised name with a role title and no institution word."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if ORG_WORD_RE.search(name) or MEDIA_RE.search(name) or MILITARY_RE.search(name):
        return False
    return any(m.titles for m in c.mentions)


def _located(m: Mention) -> bool:
    """The mention is used as a location: "in Poltava", "the Chernihiv region", "Birchwood Road"."""
    root = m.root
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
        return True
    if root.dep_ == "compound" and root.head.lower_ in PLACE_NOUNS:
        return True
    doc = root.doc
    first = root
    while first.i > 0 and doc[first.i - 1].idx >= m.start:
        first = doc[first.i - 1]
    prev = doc[max(first.i - 2, 0) : first.i]
    if len(prev) == 2 and prev[0].lower_ in PLACE_NOUNS and prev[1].lower_ == "of":
        return True  # "the village of Lisne Yar"
    # a name given to a place: "Lisne, as Oslo calls it", "which uses the name Lisnaya Gora"
    return len(prev) >= 1 and (prev[-1].lemma_.lower() == "call" or prev[-1].lower_ == "name")


def _title_head(title: str) -> str:
    """The head noun of a title: "large village" → "village"; "head of the region" → "head"."""
    words = title.lower().split(" of ")[0].split()
    return words[-1] if words else ""


def _looks_like_place(c: Cluster, name: str, gazetteer: Gazetteer) -> bool:
    """A would-be person that is really a place: a place noun in apposition ("Dalby, a river
    town"), the gazetteer knows it (and no title says otherwise), its name ends like a street,
    or every mention locates something."""
    titles = [t for m in c.mentions for t in m.titles]
    place_titles = [t for t in titles if _title_head(t) in PLACE_TITLE_NOUNS]
    if place_titles and len(place_titles) == len(titles):
        return True
    if titles:
        return False
    if PLACE_SUFFIX_RE.search(name) or gazetteer.is_place_name(name):
        return True
    labels = Counter(m.label for m in c.mentions)
    if labels["GPE"] + labels["LOC"] + labels["FAC"] > labels["PERSON"]:
        return True  # "Azad Kashmir" once as PERSON, "Kashmir" ten times as a place
    acts = any(m.root.dep_ in ("nsubj", "nsubjpass", "poss") for m in c.mentions)
    if not acts and any(_listed_with_place(m.root, gazetteer) for m in c.mentions):
        return True
    return all(_located(m) for m in c.mentions)


def _listed_with_place(root: Token, gazetteer: Gazetteer) -> bool:
    """The name is coordinated with a place ("Phuket, Koh Samui and Pattaya", "Kolodiaz and
    Kucheriv Yar"): a list of names is a list of one kind (asked only of a name that never
    acts as a subject or owner: parses also coordinate "from Queensland and Paul Berg")."""
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    return any(
        p.ent_type_ in ("GPE", "LOC") or gazetteer.is_place_name(_phrase_text(p)) for p in partners
    )


def _phrase_text(tok: Token) -> str:
    """A proper noun with the proper nouns compounded into it: "Yar" → "Kucheriv Yar"."""
    left = [t for t in tok.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    start = left[0].i if left else tok.i
    return str(tok.doc[start : tok.i + 1].text)


def _canonical(c: Cluster) -> str:
    """Fullest proper name: country for states, else the longest PERSON name, else the longest."""
    if c.state is not None and not any(m.military for m in c.mentions):
        return c.state
    people = [m for m in c.mentions if m.label == "PERSON"]
    pool = people if any(len(m.words) >= 2 for m in people) else c.mentions
    best = max(pool, key=lambda m: (len(m.words), len(m.text), -m.start))
    return best.text


def _add_untagged_surnames(doc: Doc, clusters: list[Cluster]) -> None:
    """Mentions the tagger skipped: a lone capitalised proper noun equal to the surname of one
    full personal name in the article ("Voss further said" after "Piet Voss"), or to the first
    word of one when no full name ends with it ("Weerachon said")."""
    owners: dict[str, Cluster | None] = {}
    firsts: dict[str, Cluster | None] = {}
    for c in clusters:
        if c.state is not None:
            continue
        for x in c.mentions:
            if _personal(x) and len(x.words) >= 2:
                k = _surname_key(x.words[-1])
                owners[k] = c if owners.get(k, c) is c else None
                k = _key(x.words[0])
                firsts[k] = c if firsts.get(k, c) is c else None
    for k, first in firsts.items():
        owners.setdefault(k, first)  # a given name (or family name written first) no one ends with
    if not owners:
        return
    spans = sorted((x.start, x.end) for c in clusters for x in c.mentions)
    starts = [a for a, _ in spans]
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        target = owners.get(_surname_key(tok.text))
        if target is None or _inside(spans, starts, tok.idx):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if _name_neighbour(tok, nxt) or _name_neighbour(tok, prev):
            continue  # part of a longer name: another person who shares the surname
        target.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "PERSON", tok))


def _name_neighbour(tok: Token, other: Token | None) -> bool:
    """`other` continues the name `tok` is in: a proper noun joined to it, not a date or
    another entity ("on Friday Trump indicated" is Trump alone)."""
    if other is None or other.pos_ != "PROPN" or other.ent_type_ not in ("", "PERSON"):
        return False
    return other.head.i == tok.i or tok.head.i == other.i


def _inside(spans: list[tuple[int, int]], starts: list[int], char: int) -> bool:
    """Whether `char` falls inside one of the sorted mention spans."""
    i = bisect_right(starts, char) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]


def find_actors(doc: Doc, gazetteer: Gazetteer) -> list[ExtractedActor]:
    """Consolidated actors in order of first mention, keyed "a0", "a1", ...

    "Foreign ministry spokesman Ivan Sorokin said ... Sorokin said" → one person actor
    "Ivan Sorokin", titles ["Foreign ministry spokesman"], aliases ["Sorokin"].
    """
    clusters = _cluster(_mentions(doc, gazetteer), gazetteer)
    _add_untagged_surnames(doc, clusters)
    out: list[ExtractedActor] = []
    for c in sorted(clusters, key=lambda c: c.first):
        kind = _kind(c, gazetteer)
        if kind is None:
            continue
        name = _canonical(c)
        aliases: list[str] = []
        titles: list[str] = []
        for m in sorted(c.mentions, key=lambda m: m.start):
            if m.text != name and m.text not in aliases:
                aliases.append(m.text)
            for t in m.titles:
                if t not in titles:
                    titles.append(t)
        mentions = [Span(m.start, m.end, m.text) for m in sorted(c.mentions, key=lambda m: m.start)]
        affiliation = c.state if kind == "military" else None
        out.append(
            ExtractedActor(
                key=f"a{len(out)}",
                name=name,
                kind=kind,
                aliases=aliases,
                titles=titles if kind == "person" else [],
                affiliation=affiliation,
                mentions=mentions,
            )
        )
    return out
