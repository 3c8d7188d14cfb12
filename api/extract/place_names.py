"""Place names in the text: runs of capitalised tokens the gazetteer knows, with the cues
around them (stage 2, before each name is resolved to one place in `places.py`).

A name is looked up longest first ("Bila Tserkva" before "Bila"), joined over lower-case
connectors when the gazetteer knows the longer name ("Bosnia and Herzegovina"). A gazetteer
name that is only a part of a longer proper name is not a place mention: "Toledo" in "the
Toledo Herald", "Spring" in "the Prague Spring", "Union" in "the Andean Union", "Victoria" in
"Victoria Ames" (a person the actors stage found). The region and settlement nouns around a
name ("the Poltava region", "the village of X", "in X") and the tagger's label are recorded for
`places.py`, which decides with the article's geography whether a weak name is a place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from api.extract.doc_cache import ents_of, text_of
from api.extract.gazetteer import Gazetteer
from api.extract.lexicon import phrase_list, rows, word_list, word_table
from api.extract.states import load_states
from api.extract.types import GazetteerPlace

MAX_NAME_TOKENS = 4
HYPHENS = frozenset({"-", "\u2011"})  # hyphen-minus, non-breaking hyphen
LIST_JOINERS = frozenset({",", "and", "or", "&"})
# Entity labels of a name that may follow a place without a comma ("in Kyiv Monday").
OTHER_NAMES = frozenset({"PERSON", "DATE", "TIME"})


def region_nouns() -> dict[str, str]:
    """'region' → 'regions', 'oblast' → 'oblasts' … (lang/en/region_nouns.tsv)."""
    return word_table("region_nouns.tsv")


def settlement_nouns() -> frozenset[str]:
    return word_list("settlement_nouns.txt")


@dataclass
class Mention:
    """A place name found in the text, before it is resolved to one place."""

    start: int  # character offsets into text_of(doc)
    end: int
    text: str  # the name looked up (without "region" etc.)
    want_region: bool = False
    want_settlement: bool = False
    candidates: list[tuple[int, GazetteerPlace]] = field(default_factory=list)
    label: str = ""  # the tagger's entity label over the name, if any
    cued: bool = False  # a locative word, settlement noun or claim introduces it ("in X")
    person: bool = False  # it is the name (or surname) of a person the article names
    common: bool = False  # the word also stands lower-case in the article ("police")
    modifier: bool = False  # a country name modifying a noun ("US citizens"): context only
    claimed: bool = False  # the place a claim word takes or holds ("captured X", "X fell")


def is_capitalised(token: Token) -> bool:
    """'Siversk', 'U.S.', 'Bila' yes; 'region', 'the' no."""
    text = token.text
    return bool(text) and text[0].isupper() and text.lower() not in word_list("not_place_names.txt")


def covering_entity(doc: Doc, start: int, end: int) -> Span | None:
    """The entity that contains tokens [start, end), if any."""
    for ent in ents_of(doc):
        if ent.start <= start and end <= ent.end:
            return ent
    return None


def joined(doc: Doc, end: int) -> bool:
    """Whether token `end` is a hyphen joining the capitalised tokens on either side."""
    return (
        end + 1 < len(doc)
        and doc[end].text in HYPHENS
        and is_capitalised(doc[end + 1])
        and not doc[end].whitespace_
        and not doc[end - 1].whitespace_
    )


def name_end(doc: Doc, start: int) -> int:
    """End of a run of capitalised tokens joined by hyphens ('Kamianka-Dniprovska', 'Bila
    Tserkva')."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS * 2:
        if is_capitalised(doc[end]) or joined(doc, end):
            end += 1
        else:
            break
    return end


def connected_ends(doc: Doc, end: int) -> list[int]:
    """Ends past `end` reached over lower-case connectors ("Bosnia and Herzegovina",
    "Tel al-Hawa"), longest first; each is tried only as a whole gazetteer name."""
    connectors = word_list("name_connectors.txt")
    ends: list[int] = []
    i = end
    while len(ends) < 2:
        j = i
        while (
            j < len(doc) and j - i < 3 and (doc[j].lower_ in connectors or doc[j].text in HYPHENS)
        ):
            j += 1
        if j == i or j >= len(doc) or not is_capitalised(doc[j]):
            break
        i = name_end(doc, j)
        ends.append(i)
    return ends[::-1]


def region_follows(doc: Doc, end: int) -> tuple[bool, int]:
    """Whether a region word follows the name: 'Poltava region' → (True, end of 'region');
    'Poltava, Chernihiv, Volyn and Lviv regions' → (True, end) for each name but
    the span keeps only the name."""
    nouns = region_nouns()
    if end < len(doc) and doc[end].lower_ in nouns:
        return True, end + 1
    plurals = set(nouns.values())
    i = end
    while i < len(doc) and i - end < 14:
        token = doc[i]
        if token.lower_ in plurals:
            return True, end
        if token.text in LIST_JOINERS or is_capitalised(token) or token.text == "-":
            i += 1
            continue
        break
    return False, end


def settlement_cue(doc: Doc, start: int, end: int) -> bool:
    """'the city of Siversk', 'the villages of X and Y', 'Poltava city', 'town of Soledar'."""
    nouns = settlement_nouns()
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in nouns:
        return True
    if end < len(doc) and doc[end].lower_ in {"city", "town", "village"}:
        return True
    # second member of a list: "the villages of Zorivka and Lisne"
    j = start - 1
    while j >= 0 and (doc[j].text in {",", "and", "or"} or is_capitalised(doc[j])):
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in nouns


def locative_cue(doc: Doc, start: int) -> bool:
    """'in Siversk', 'near Soledar', 'from Staromaiorske and' (list members count too)."""
    j = start - 1
    while j >= 0 and (doc[j].text in {",", "and", "or"} or is_capitalised(doc[j])):
        j -= 1
    return j >= 0 and (
        doc[j].lower_ in word_list("locative_words.txt") or doc[j].lower_ in settlement_nouns()
    )


def part_of_longer_name(doc: Doc, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """Whether tokens [start, end) are only a part of a longer proper name: a capitalised
    word (or a hyphen and one) runs on before or after them ("the Prague Spring", "the Toledo
    Herald", "Radio Lisboa-Norte", "Tel al-Hawa"), other than a region or settlement noun
    ("Poltava Oblast", "Panama City") or a place of its own ("Russia-Ukraine")."""
    if start > 0:
        prev = doc[start - 1]
        if prev.text in HYPHENS and not prev.whitespace_:
            return True
        opener = prev.is_sent_start and prev.pos_ not in {"PROPN", "ADJ"}
        demonym = load_states().demonym_of(prev.text) is not None  # "Russian Bryansk"
        if is_capitalised(prev) and not (opener or demonym or gazetteer.is_place_name(prev.text)):
            return True
    if end < len(doc):
        nxt = doc[end]
        if nxt.text in HYPHENS and not nxt.whitespace_ and end + 1 < len(doc):
            nxt = doc[end + 1]
            if is_capitalised(nxt) and not gazetteer.is_place_name(nxt.text):
                return True
        elif is_capitalised(nxt):
            if nxt.is_sent_start or (nxt.ent_iob_ == "B" and nxt.ent_type_ in OTHER_NAMES):
                return False  # "said in Kyiv Monday", "in Minsk Ivanov said": a new name
            lower = nxt.lower_
            suffix = lower in region_nouns() or lower in settlement_nouns()
            return not suffix and not gazetteer.is_place_name(nxt.text)
    return False


def inside_actor(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether characters [start, end) lie strictly inside a mention of a person or body."""
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)


def scan_mentions(
    doc: Doc, gazetteer: Gazetteer, actor_spans: list[tuple[int, int]], people: set[str]
) -> list[Mention]:
    """Longest gazetteer names over runs of capitalised tokens, kept when the name or its
    context makes it a place (see the module docstring). `actor_spans` are the character
    spans of the article's people and bodies; `people` the lower-cased names and surnames of
    its people."""
    lowered = {t.lower_ for t in doc if t.text.islower() and not t.is_sent_start}
    mentions: list[Mention] = []
    i = 0
    while i < len(doc):
        if not is_capitalised(doc[i]):
            i += 1
            continue
        run_end = name_end(doc, i)
        found = None
        for end in [*connected_ends(doc, run_end), *range(run_end, i, -1)]:
            found = try_mention(doc, gazetteer, i, end, end > run_end)
            if found is not None:
                break
        if found is None:
            i += 1
            continue
        mention, end = found
        if not inside_actor(actor_spans, mention.start, mention.end):
            mention.person = mention.text.lower() in people
            mention.common = mention.text.lower() in lowered
            mentions.append(mention)
        i = end
    return mentions


def try_mention(
    doc: Doc, gazetteer: Gazetteer, start: int, end: int, connected: bool
) -> tuple[Mention, int] | None:
    """A Mention for tokens [start, end) when they name a place here, with the token it
    ends at; else None. A `connected` name ("Bosnia and Herzegovina") must be a gazetteer name."""
    if doc[end - 1].text in HYPHENS:
        return None
    ent = covering_entity(doc, start, end)
    # "Lincoln" inside "Lincoln Burrows": a part of a person's name is not a place
    if (
        ent is not None
        and ent.label_ == "PERSON"
        and (ent.start, ent.end) != (start, end)
        and len(ent) > 1
    ):
        return None
    text = text_of(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
    site = site_mention(doc, gazetteer, start, end, text)
    if site is not None:
        return site
    candidates = gazetteer.matches(text)
    if connected and not candidates:
        return None
    want_region, span_end = region_follows(doc, end)
    if want_region:
        candidates = gazetteer.matches(f"{text} region") + candidates
    if not candidates or load_states().demonym_of(text) is not None:
        return None  # "Somali", "Russian": a demonym is never a place mention
    if not want_region and part_of_longer_name(doc, gazetteer, start, end):
        return None
    if text.isupper() and len(text) > 1:
        # "UN", "UK": an acronym names a body or a state, never a village of that name
        candidates = [c for c in candidates if c[1].kind != "settlement"]
        if not candidates:
            return None
    best_rank = min(rank for rank, _ in candidates)
    label = ent.label_ if ent is not None else ""
    claimed = claim_cue(doc, start, end)
    common_noun = end - start == 1 and doc[start].pos_ == "NOUN"
    if common_noun and not (want_region or claimed or settlement_cue(doc, start, end)):
        return None  # "Police seized …", "Spring storms": the tagger reads a common noun
    strong = gazetteer.is_place_name(text) or want_region
    want_settlement = settlement_cue(doc, start, end)
    cued = want_settlement or claimed or locative_cue(doc, start)
    if label == "NORP" and best_rank > 0:
        return None  # "Russian" is a demonym; "Bryansk" (mislabelled NORP) is a name
    if not strong:
        located = label in {"GPE", "LOC", "FAC"}
        sentence_start = doc[start].is_sent_start
        if (
            (best_rank > 1 and not (located or claimed))
            or (sentence_start and not (located or claimed))
            or not (cued or located)
        ):
            return None
    last = doc[span_end - 1]
    mention = Mention(
        start=doc[start].idx,
        end=last.idx + len(last.text),
        text=text,
        want_region=want_region,
        want_settlement=want_settlement,
        candidates=candidates,
        label=label,
        cued=cued,
        modifier=country_modifier(doc, start, end, candidates),
        claimed=claimed,
    )
    return mention, span_end


# Words between a claim word and the place it takes: "captured the town of X", "took control
# of most of X", "pushed into the outskirts of X".
CLAIM_LEAD = frozenset(
    {"the", "town", "city", "village", "of", "outskirts", "centre", "center", "most", "part"}
)


@cache
def claim_words() -> frozenset[str]:
    """The words that signal a territorial claim on their own, as the claims stage reads them
    from lang/en/claim_trigger_words.tsv, and "control" ("push", "give" need a particle)."""
    return frozenset({row[0] for row in rows("claim_trigger_words.tsv")} | {"control"})


def claim_cue(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is what a claim word takes or holds: "captured X", "took control of
    the town of X", "withdrew from X", "X fell to …", "X was recaptured", "X remains under …
    control". War reporting names a small town so even where it never names its country."""
    words = claim_words()
    j = start - 1
    while j >= 0 and start - j <= 6 and doc[j].lower_ in CLAIM_LEAD:
        j -= 1
    lead = doc[j].lemma_.lower() if j >= 0 else ""
    if lead in {"into", "from"} and j > 0:
        lead = doc[j - 1].lemma_.lower()  # "pushed into X", "withdrew from X"
    if lead in words or lead == "push":
        return True
    root = doc[start:end].root
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = root.head
    under = any(c.lower_ in {"under", "in"} for c in verb.children)
    fell = verb.lemma_ == "fall" and any(c.lower_ == "to" for c in verb.children)
    held = under and verb.lemma_ in {"remain", "stay", "be"}
    taken = root.dep_ == "nsubjpass" and verb.lemma_.lower() in words  # "X was recaptured"
    return taken or fell or held  # the subject of "captured" is who takes, not what


def country_modifier(
    doc: Doc, start: int, end: int, candidates: list[tuple[int, GazetteerPlace]]
) -> bool:
    """A country name used as a modifier of a common noun ("US citizens", "U.S. dollars"):
    it says whose, like a demonym, and names no place."""
    if candidates[0][1].kind != "country":
        return False
    root = doc[start:end].root
    return root.dep_ in {"compound", "amod", "nmod"} and root.head.pos_ == "NOUN"


def site_mention(
    doc: Doc, gazetteer: Gazetteer, start: int, end: int, text: str
) -> tuple[Mention, int] | None:
    """'the Rivne nuclear power plant': a named site (gazetteer data) as one place."""
    for suffix in phrase_list("facility_suffixes.txt"):
        stop = end + len(suffix)
        if stop > len(doc) or tuple(doc[i].lower_ for i in range(end, stop)) != suffix:
            continue
        last = doc[stop - 1]
        full = text_of(doc)[doc[start].idx : last.idx + len(last.text)]
        candidates = gazetteer.matches(full)
        if candidates:
            mention = Mention(
                start=doc[start].idx,
                end=last.idx + len(last.text),
                text=full,
                want_settlement=True,
                candidates=candidates,
                cued=True,
            )
            return mention, stop
    return None
