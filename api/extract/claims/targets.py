"""Claim targets: the places a trigger is about (rule 2 of the stage) — the place named after
the trigger and those coordinated with it, the place before a passive or relative trigger,
"the city" for the last city named, and names the gazetteer does not know right after a
trigger ("the villages of Zorivka and Lisne")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from api.extract.claims.place_refs import (
    PlaceRef,
    anaphor_ref,
    locator,
    territory_ref,
    unknown_names,
)
from api.extract.claims.triggers import Trigger, hyphen_control
from api.extract.claims.words import (
    ADJUNCT_PREPOSITIONS,
    ANAPHORS,
    GROUND_NOUNS,
    LISTING_WORDS,
    SPEECH_VERBS,
)
from api.extract.doc_cache import text_of

COORDINATION = re.compile(
    r"^(?:\s|,|and|or|as well as|along with|the|villages?|towns?|cities|of)*$", re.I
)
# "Lisne, as Oslo calls Lisnoye, and Zorivka": a renaming aside inside a list of places
RENAMING = re.compile(r",\s*(?:as|which)\s+[\w’'. -]{1,30}?\s+calls?\s+[\w’' -]{1,40}?,", re.I)


def claim_places(
    doc: Doc, sent: Span, trig: Trigger, refs: list[PlaceRef], actor_words: frozenset[str]
) -> list[PlaceRef]:
    """The places a trigger is about (see module docstring, rule 2). `actor_words` holds the
    lower-cased names of the article's people and bodies, which are never places."""
    t = trig.token
    in_sent = [r for r in refs if sent.start_char <= r.start < sent.end_char]
    if trig.backward and t.dep_ == "acl" and t.head.pos_ in {"NOUN", "PROPN"}:
        # a participle modifying a noun claims that noun: "Lisne, the largest town held by
        # Colombian forces" → Lisne; "territory controlled by a militia" → no named place
        head = t.head
        if head.dep_ == "appos":
            named = [r for r in in_sent if r.start <= head.head.idx < r.end]
            if named:
                return coordinated(doc, named[0], in_sent)
        if head.lower_ not in ANAPHORS and not any(r.start <= head.idx < r.end for r in in_sent):
            return []
    relative = any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"which", "that", "whom"}
        for c in t.children
    )
    if trig.backward and t.dep_ == "relcl" and relative and t.head.pos_ == "NOUN":
        # "two villages near Lisne that Colombian forces seized": the villages, not named;
        # "the regional capital, Lisne, which …" names it by apposition
        head = t.head
        nouns = [head, *(c for c in head.children if c.dep_ == "appos")]
        if head.dep_ == "appos":
            nouns.append(head.head)
        if head.lower_ not in ANAPHORS and not any(
            r.start <= n.idx < r.end for n in nouns for r in in_sent
        ):
            return []
    if trig.backward:
        included = including(doc, t, in_sent)
        if included:
            return included
        # an owner is the side, not the place: "under Norway's control"
        before = [r for r in in_sent if r.end <= t.idx and not owner(doc, r)]
        head_ref = anaphor_ref(doc, t, refs, backward=True)
        options = [*before[-1:], *([head_ref] if head_ref else [])]
        # the nearest wins: "Venezuela denied that the town was under Colombian control" → the town
        return [max(options, key=lambda r: r.start)] if options else []
    if t.head.dep_ == "appos" and hyphen_control(t):
        # "Lisne, a Norwegian-held town": the town in apposition is the place named before
        named = [r for r in in_sent if r.start <= t.head.head.idx < r.end]
        if named:
            return named[:1]
    limit = clause_end(sent, t)
    after = [r for r in in_sent if t.idx < r.start < limit and not locator(doc, r)]
    if trig.type != "annexation":
        unknown = unknown_names(doc, t, limit, in_sent)
        unknown = [r for r in unknown if r.text.lower() not in actor_words]
        after = sorted([*after, *unknown], key=lambda r: r.start)
    after = [r for r in after if not adjunct(doc, trig, r)]
    # the first place must be the object (those coordinated with it follow it)
    while after and beside_object(doc, trig, after[0]):
        after = after[1:]
    anaphor = anaphor_ref(doc, t, refs, backward=False, limit=limit)
    if anaphor is not None and adjunct(doc, trig, anaphor):
        anaphor = None
    vague = anaphor is not None and "country" in ANAPHORS.get(anaphor.text.split()[-1].lower(), "")
    if vague and trig.type == "contested":
        anaphor = None  # "fighting in the area" locates a fight; it names no place
    countries = {r.text.lower(): r.key for r in refs if r.kind == "country" and r.key}
    territory = territory_ref(sent, t.i, countries)
    first: PlaceRef | None = after[0] if after else None
    for cand in (anaphor, territory):
        if cand is not None and cand.start < limit and (first is None or cand.start < first.start):
            first = cand
    if first is None:
        return []
    listed = namely(doc, first, in_sent)
    if listed:
        return listed  # "the Norwegian-held areas of X, namely A and B": A and B
    chain = [first]
    for ref in after:
        if ref.start <= chain[-1].start:
            continue
        gap = RENAMING.sub(",", text_of(doc)[chain[-1].end : ref.start])
        side = opens_clause(doc, ref) or owner(doc, ref)  # "…, Norway's minister said"
        if COORDINATION.match(gap) and gap.strip() and not side:
            chain.append(ref)
        else:
            break
    return chain


# Claim types whose object is the place itself: a place in a prepositional adjunct only
# says where it happened ("took control of the game in X"); an advance or a fight may be
# "in" the place it is about.
OBJECT_TYPES = frozenset({"capture", "control", "withdrawal", "cession", "annexation"})


def adjunct(doc: Doc, trig: Trigger, ref: PlaceRef) -> bool:
    """Whether a place after a trigger only says where something happened: reached from it
    through a preposition such as "in" or "at" ("held rallies in X", "seized drugs at X",
    "took control of the match in X"), not as its object ("took control of X") nor as the
    place of ground taken or held ("hold positions in X")."""
    if trig.type not in OBJECT_TYPES:
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    t = trig.token
    modifier = t.dep_ in {"amod", "compound", "acl"}  # "the family-run hotel in X"
    anchors = {t.i, t.head.i} if t.pos_ == "NOUN" or modifier else {t.i}
    node = span.root
    crossed = False
    for _ in range(10):
        if node.i in anchors:
            return crossed
        prep = node.head
        # "took in refugees from X": for a capture or a hold, "from" only says whence
        source = prep.lower_ == "from" and trig.type in {"capture", "control", "annexation"}
        placing = prep.lower_ in ADJUNCT_PREPOSITIONS or source
        if node.dep_ in {"pobj", "pcomp"} and placing:
            # "positions in X", "two villages in the X region": ground inside X is X's
            located = prep.head if prep.head.i not in anchors else None
            ground = located is not None and located.lemma_.lower() in GROUND_NOUNS
            crossed = crossed or not (ground or (located is None and takes_ground(t)))
        if node.head.i == node.i:
            return modifier  # a modifier claims the noun it modifies, not a place elsewhere
        node = node.head
    return modifier


def beside_object(doc: Doc, trig: Trigger, ref: PlaceRef) -> bool:
    """Whether a verb trigger's direct object is something else than the place: "captured
    the cup after beating X", "seized the initiative against X". Ground ("took two villages
    near X") and pronouns ("took it") leave the place open."""
    t = trig.token
    objects = [c for c in t.children if c.dep_ == "dobj"]
    if t.pos_ != "VERB" or trig.type not in OBJECT_TYPES or not objects:
        return False
    obj = objects[0]
    if obj.pos_ == "PRON" or obj.lemma_.lower() in GROUND_NOUNS or obj.lower_ in ANAPHORS:
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return not (obj.left_edge.i <= span.root.i <= obj.right_edge.i)


def including(doc: Doc, t: Token, refs: list[PlaceRef]) -> list[PlaceRef]:
    """The places listed after "including" on a trigger ("still under Norway's control,
    including Lisne and Zorivka")."""
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ in LISTING_WORDS:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            named = [r for r in refs if objects and r.start <= objects[0].idx < r.end]
            if named:
                return coordinated(doc, named[0], refs)
    return []


def namely(doc: Doc, ref: PlaceRef, refs: list[PlaceRef]) -> list[PlaceRef]:
    """The places a place is narrowed to by a list in apposition ("Kashmir, namely A and
    B")."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    for appos in span.root.children:
        listing = any(c.lower_ in LISTING_WORDS for c in appos.children)
        named = [r for r in refs if r.start <= appos.idx < r.end]
        if appos.dep_ == "appos" and listing and named:
            return coordinated(doc, named[0], refs)
    return []


def owner(doc: Doc, ref: PlaceRef) -> bool:
    """A place in the possessive, owning what follows ("Norway's control")."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "poss"


def takes_ground(t: Token) -> bool:
    """Whether a trigger's object is ground ("hold positions", "pulled back from two
    villages"), so that a place "in" which it happens is the place claimed."""
    heads = [t, *(c for c in t.children if c.dep_ in {"advmod", "prt"})]
    objects = [c for c in t.children if c.dep_ == "dobj"]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ not in ADJUNCT_PREPOSITIONS:
                objects.extend(c for c in prep.children if c.dep_ == "pobj")
    return any(o.lemma_.lower() in GROUND_NOUNS for o in objects)


def opens_clause(doc: Doc, ref: PlaceRef) -> bool:
    """A place that is the subject of a new clause ("the annexation of Lisne, Norway has
    …") is not coordinated with the places before it."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in {"nsubj", "nsubjpass"}


def coordinated(doc: Doc, first: PlaceRef, refs: list[PlaceRef]) -> list[PlaceRef]:
    """`first` and the places coordinated with it: "Zorivka and Lisne"."""
    chain = [first]
    for ref in refs:
        if ref.start <= chain[-1].start:
            continue
        gap = RENAMING.sub(",", text_of(doc)[chain[-1].end : ref.start])
        if COORDINATION.match(gap) and gap.strip():
            chain.append(ref)
        else:
            break
    return chain


def clause_end(sent: Span, t: Token) -> int:
    """Character offset where the trigger's clause (as far as its object goes) ends."""
    count = 0
    for token in sent:
        if token.i <= t.i:
            continue
        count += 1
        if count == 1 and token.text in {'"', "”"}:
            continue  # the closing mark of a scare-quoted trigger: had “liberated” Lisne
        if token.text in {";", "“", '"'} or count > 18:
            return token.idx
        if token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB":
            return token.idx
    return sent.end_char
