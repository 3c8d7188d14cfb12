"""Stage 4: territorial claims — who says which side holds, took, lost or should cede a place.

Rules over the parsed sentences (no extra parse):

1. a *trigger* word sets the claim type: "captured", "seized", “liberated” (capture);
   "controls", "holds", "in control of", "under Colombian control", "Venezuelan-held" (control);
   "entered", "pushed into", "foothold" (advance); "withdrew from", "pulled back" (withdrawal);
   "fighting for control of" (contested); "cede", "hand over", "must leave" (cession);
   "annexed", "claims … as its own" (annexation);
2. the *place* is the first place named after the trigger (with the places coordinated with
   it: "Zorivka and Lisne"), or, for passive and relative forms ("Lisne, long held
   by Venezuelan forces", "which its army never entered"), the place before
   it; "the city", "the village", "the region" refer back to the last place of that kind;
   a capitalised name the gazetteer does not know, right after the trigger or after "the
   village of", is still a claim (no place key, the name as written);
3. the *controller* is the state behind the subject or agent ("Colombian troops" → Colombia,
   "its forces" → the country of the body that said it); withdrawals and cessions give the
   place to the other side;
4. *stance* is `denied` when the trigger is negated ("had not entered", "never captured") or
   the sentence rejects it ("denied reports that …", "is not true"); a bare rejection
   ("Caracas dismissed it as invented") answers the last claim by the other side, "rejected
   the account" its main (first capture or control) claim (`responds_to`); a rejection later
   in the same sentence ("…, a claim Caracas dismissed") keeps the assertion and adds a denial;
5. *modality* from modals and cues: would/could → hypothetical, must/demand → demanded,
   plan/draft → proposed, "could not be independently verified" → unverified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from api.extract.doc_cache import text_of
from api.extract.states import load_states
from api.extract.types import (
    ActorKind,
    ClaimType,
    ExtractedActor,
    ExtractedClaim,
    ExtractedPlace,
    Modality,
)
from api.extract.types import Span as TextSpan

# ---------------------------------------------------------------- lexicon

# Country names, aliases, capitals, metonyms and demonyms come from data/states.json through
# `load_states()` (shared with the actors stage); no country is named here.

CAPTURE_LEMMAS = frozenset(
    {"capture", "seize", "retake", "recapture", "liberate", "regain", "conquer", "storm"}
)
CONTROL_LEMMAS = frozenset({"control", "hold", "occupy"})
ADVANCE_LEMMAS = frozenset({"enter", "infiltrate", "advance", "foothold", "penetrate"})
WITHDRAWAL_LEMMAS = frozenset({"withdraw", "retreat", "abandon"})
CESSION_LEMMAS = frozenset({"cede", "surrender"})
ANNEX_LEMMAS = frozenset({"annex", "annexation"})
SPEECH_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "insist",
        "claim",
        "report",
        "announce",
        "state",
        "write",
        "add",
        "deny",
        "reject",
        "dismiss",
        "confirm",
        "post",
    }
)
# Verbs of everyday use that signal a claim only with a side of a fight as actor.
EVERYDAY_LEMMAS = frozenset({"take", "enter", "leave", "storm", "fall", "abandon", "push"})
ARMED_WORDS = frozenset(
    {
        "troops",
        "forces",
        "force",
        "units",
        "unit",
        "soldiers",
        "army",
        "armies",
        "military",
        "brigade",
        "brigades",
        "battalion",
        "battalions",
        "regiment",
        "fighters",
        "militants",
        "rebels",
        "insurgents",
        "paratroopers",
        "marines",
        "militia",
        "militias",
        "group",
        "groups",
        "detachment",
        "detachments",
        "infantry",
        "assault",
        "enemy",
        "garrison",
    }
)
CIVILIAN_WORDS = frozenset(
    {"team", "girls", "boys", "students", "tourists", "buses", "aircraft", "visitors", "fans"}
)
DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute"})
DEMAND_NOUNS = frozenset({"demand", "ultimatum", "proposal", "plan", "condition", "terms"})
DEMAND_LEMMAS = frozenset({"demand", "insist", "expect", "require", "want", "urge", "must"})
PLAN_WORDS = frozenset({"plan", "proposal", "draft", "framework", "deal", "agreement"})
ANAPHORS = {
    "city": "settlement",
    "town": "settlement",
    "village": "settlement",
    "settlement": "settlement",
    "region": "region",
    "oblast": "region",
}
COORDINATION = re.compile(
    r"^(?:\s|,|and|or|as well as|along with|the|villages?|towns?|cities|of)*$", re.I
)
# "Lisne, as Oslo calls Lisnoye, and Zorivka": a renaming aside inside a list of places
RENAMING = re.compile(r",\s*(?:as|which)\s+[\w’'. -]{1,30}?\s+calls?\s+[\w’' -]{1,40}?,", re.I)
# Phrases that call a statement false ("is not true", "does not match the facts", "pure fiction").
NEGATION_TEXT = re.compile(
    r"\b(?:(?:is|are|was|were) (?:not true|false|untrue|fake)|untrue|"
    r"(?:do|does|did) not (?:correspond|match|reflect)(?: to)? (?:reality|the facts|the truth)|"
    r"(?:a |pure )?(?:fantasy|fantasies|fiction|fabrication|fabrications)|wishful thinking)\b",
    re.I,
)
UNVERIFIED = re.compile(r"could not (?:be )?(?:independently )?(?:verif|confirm)", re.I)
EXTENT = re.compile(
    r"\b(?:(?:more than|less than|about|roughly|some|almost|nearly|around|over|only|"
    r"approximately)\s+)?(?:\d[\d,.]*\s*(?:percent|per cent|%)|"
    r"\d[\d,.]*\s*square kilomet(?:re|er)s|"
    r"(?:one|two|three|four)[- ](?:fifths?|thirds?|quarters?)|an? (?:fifth|third|quarter|half)|"
    r"half|all|most|part|parts|the whole|the entire|completely|entirely|full|fully)\b",
    re.I,
)
FRACTIONS = {"fifth": 0.2, "third": 1 / 3, "quarter": 0.25, "half": 0.5}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class PlaceRef:
    """A place the claim is about: its key (if resolved), the text as written, its offsets."""

    key: str | None
    text: str
    start: int
    end: int
    kind: str  # settlement | region | country | unknown


@dataclass
class Trigger:
    token: Token
    type: ClaimType
    backward: bool  # the place comes before the trigger (passive, relative, "under control")


# ---------------------------------------------------------------- entry point


def find_claims(
    doc: Doc, actors: list[ExtractedActor], places: list[ExtractedPlace], source: str | None
) -> tuple[list[ExtractedClaim], list[ExtractedActor]]:
    """Territorial claims in article order, plus the actors they needed that `actors` lacks.

    >>> # "Colombian troops captured Lisne, the army said."
    >>> # → capture of Lisne, controller Colombia, claimant the army
    """
    book = ActorBook(actors)
    sides = Sides(doc, actors)
    refs = place_refs(doc, places)
    claims: list[ExtractedClaim] = []
    claim_sents: list[int] = []
    last_controller: str | None = None
    last_subject_state: str | None = None
    heads: dict[str, str] = {}
    for sent_index, sent in enumerate(doc.sents):
        claimant_name, claimant_text = attribution(sent, source)
        relayer: str | None = None
        relayed = relay(sent)
        if relayed is not None:
            claimant_name, claimant_text = relayed[0], relayed[0]
            relayer = book.key_for(relayed[1], "organization")
        spoken_by = speaker_state(sent, heads)  # always read: it records the speakers' states
        speaker_country = country_of_text(claimant_text or "") or spoken_by
        # "its forces", "our units" of a speaker whose state is not named here ("It said its
        # forces …", "he told TV: “Our units …”") belong to the state of the last subject
        own_country = speaker_country or last_subject_state
        last_subject_state = subject_state(sent) or last_subject_state
        sentence_claims: list[ExtractedClaim] = []
        seen: set[tuple[str, int]] = set()
        for trig in triggers(sent):
            targets = claim_places(doc, sent, trig, refs)
            if not targets:
                continue
            ctype = trig.type
            modality = modality_of(sent, trig.token)
            if ctype == "withdrawal" and modality in {"demanded", "proposed", "hypothetical"}:
                ctype = "cession"
            rejecter = later_rejection(sent, trig.token)
            denied = rejecter is None and is_denied(sent, trig.token)
            actor_country = controller_country(
                sent, trig, speaker_country, own_country, last_controller
            )
            controller: str | None = actor_country
            previous: str | None = None
            if ctype in {"withdrawal", "cession"} and actor_country is not None:
                controller = sides.opponent(actor_country)
                previous = actor_country
                if trig.token.lemma_ in {"hand", "return"}:  # "hand back" gives it back
                    controller, previous = sides.opponent(actor_country), actor_country
            if ctype == "capture" and controller is not None and recapture(trig.token):
                previous = sides.opponent(controller)  # "retook Lisne": the other side held it
            if ctype == "contested":
                controller = None
                # "forces fighting in Norway" locates a fight; it does not contest the country
                targets = [r for r in targets if r.kind != "country"]
                if not targets:
                    continue
            if controller is not None:
                last_controller = controller if ctype != "contested" else last_controller
            extent_text = extent_between(doc, trig.token, targets[0])
            value, unit = extent_value(extent_text)
            for target in targets:
                if (target.text.lower(), trig.token.i) in seen:
                    continue
                seen.add((target.text.lower(), trig.token.i))
                sentence_claims.append(
                    ExtractedClaim(
                        place_text=target.text,
                        type=ctype,
                        stance="denied" if denied else "asserted",
                        modality=modality,
                        evidence=TextSpan(sent.start_char, sent.end_char, sent.text),
                        place=target.key,
                        claimant=book.key_for(
                            claimant_name, "media" if claimant_name == source else "organization"
                        )
                        if claimant_name
                        else None,
                        claimant_text=claimant_text,
                        relayed_by=relayer,
                        controller=book.state_key(controller) if controller else None,
                        controller_text=controller,
                        previous_controller=book.state_key(previous) if previous else None,
                        extent_text=extent_text,
                        extent_value=value,
                        extent_unit=unit,
                        confidence=0.6,
                    )
                )
        answers = later_denials(sent, sentence_claims, len(claims), book)
        sentence_claims.extend(answers)
        if not sentence_claims:
            bare = bare_denial(
                sent, claims, claim_sents, sent_index, claimant_text, spoken_by, book
            )
            if bare is not None:
                sentence_claims.append(bare)
        for claim in sentence_claims:
            if claim.stance == "denied" and claim.responds_to is None:
                claim.responds_to = answered_claim(claims, claim)
        claims.extend(sentence_claims)
        claim_sents.extend([sent_index] * len(sentence_claims))
    mark_unverified(doc, claims, claim_sents)
    drop_redundant_bare_denials(claims, claim_sents)
    return claims, book.extra


# ---------------------------------------------------------------- actors


class ActorBook:
    """Finds actor keys by name, creating the missing ones ("c0", "c1", …)."""

    def __init__(self, actors: list[ExtractedActor]) -> None:
        self.actors = actors
        self.extra: list[ExtractedActor] = []

    def _find(self, names: set[str], kinds: set[ActorKind] | None = None) -> str | None:
        for actor in [*self.actors, *self.extra]:
            if kinds is not None and actor.kind not in kinds:
                continue
            if {actor.name.lower(), *(a.lower() for a in actor.aliases)} & names:
                return actor.key
        return None

    def state_key(self, country: str) -> str:
        """The state actor for 'Norway' (also found as 'Oslo' or another alias of it)."""
        names = {country.lower()} | load_states().words_for(country)
        key = self._find({country.lower()}) or self._find(names, {"state"})
        return key or self._create(country, "state")

    def key_for(self, name: str, kind: ActorKind) -> str:
        """The actor called `name` (or an alias of it); created when missing."""
        lowered = name.lower()
        key = self._find({lowered, lowered.removeprefix("the ")})
        country = load_states().country_of(name)
        if key is None and country is not None:
            return self.state_key(country)
        return key or self._within(lowered) or self._create(name, kind)

    def _within(self, phrase: str) -> str | None:
        """The known person or organisation named inside a longer phrase, longest name first.

        >>> # "Colombian President Ana Ferreyra" → the actor "Ana Ferreyra"
        """
        padded = f" {phrase} "
        best: tuple[int, str] | None = None
        for actor in [*self.actors, *self.extra]:
            if actor.kind not in ("person", "organization", "military", "media"):
                continue
            for name in (actor.name, *actor.aliases):
                inside = len(name) > 3 and f" {name.lower()} " in padded
                if inside and (best is None or len(name) > best[0]):
                    best = (len(name), actor.key)
        return None if best is None else best[1]

    def _create(self, name: str, kind: ActorKind) -> str:
        key = f"c{len(self.extra)}"
        self.extra.append(ExtractedActor(key=key, name=name, kind=kind))
        return key


class Sides:
    """The states an article shows in conflict, for withdrawals and cessions.

    Assumption (general, not tied to any conflict): territorial claims are about a two-sided
    fight, so a place one side leaves or cedes goes to *the other side*. The other side is the
    state, other than the one giving the place up, that the article most often names with armed
    forces ("Norwegian troops", an actor of kind `military`), then most often names at all
    (country names, capitals, metonyms, demonyms in the text and the state actors of stage 1),
    then first. With no other state in the article, there is no new controller.
    """

    def __init__(self, doc: Doc, actors: list[ExtractedActor]) -> None:
        states = load_states()
        self.rank: dict[str, tuple[int, int, int]] = {}
        armed: dict[str, int] = {}
        named: dict[str, int] = {}
        first: dict[str, int] = {}
        for a in actors:
            if a.kind == "military" and a.affiliation:
                armed[a.affiliation] = armed.get(a.affiliation, 0) + max(len(a.mentions), 1)
            if a.kind == "state":
                named.setdefault(a.name, 0)
                first.setdefault(a.name, a.mentions[0].start if a.mentions else len(text_of(doc)))
        for offset, country in states.find_in(text_of(doc)):
            named[country] = named.get(country, 0) + 1
            first[country] = min(first.get(country, offset), offset)
        for country in {*named, *armed}:
            self.rank[country] = (
                armed.get(country, 0),
                named.get(country, 0),
                -first.get(country, len(text_of(doc))),
            )

    def opponent(self, country: str) -> str | None:
        """The other side of the fight (see the class docstring)."""
        others = [c for c in self.rank if c != country]
        return max(others, key=lambda c: self.rank[c]) if others else None


# ---------------------------------------------------------------- places


def place_refs(doc: Doc, places: list[ExtractedPlace]) -> list[PlaceRef]:
    """Every place mention (from stage 2) plus names after 'the village of' that the
    gazetteer does not know ('the villages of Zorivka and Lisne')."""
    refs = [
        PlaceRef(p.key, m.text, m.start, m.end, p.place.kind) for p in places for m in p.mentions
    ]
    covered = {(r.start, r.end) for r in refs}
    for token in doc:
        if (
            token.lower_ in {"village", "villages", "town", "settlement", "settlements"}
            and token.i + 2 < len(doc)
            and doc[token.i + 1].lower_ == "of"
        ):
            j = token.i + 2
            while j < len(doc):
                if doc[j].text[:1].isupper():
                    k = j
                    while k + 1 < len(doc) and (
                        doc[k + 1].text[:1].isupper()
                        or (doc[k + 1].text == "-" and not doc[k].whitespace_)
                    ):
                        k += 1
                    start, end = doc[j].idx, doc[k].idx + len(doc[k].text)
                    if not any(s <= start < e for s, e in covered):
                        refs.append(
                            PlaceRef(None, text_of(doc)[start:end], start, end, "settlement")
                        )
                    j = k + 1
                elif doc[j].text in {",", "and", "or"}:
                    j += 1
                else:
                    break
    refs.sort(key=lambda r: r.start)
    return [r for r in refs if not acting_state(doc, r)]


def acting_state(doc: Doc, ref: PlaceRef) -> bool:
    """A capital or country name that acts or owns in its clause ("Kyiv insisted", "under
    Moscow's control", "held by Kyiv") names the state, not the place of a claim."""
    if ref.kind == "country" or load_states().country_of(ref.text) is None:
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    if head.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "by"


def territory_ref(sent: Span, after: int, countries: dict[str, str]) -> PlaceRef | None:
    """'about a third of Venezuelan territory' → a reference to Venezuela by its demonym."""
    for token in sent:
        if token.i <= after or token.lower_ != "territory" or token.i == sent.start:
            continue
        prev = token.doc[token.i - 1]
        country = load_states().country_of(prev.text)
        if country is not None:
            start, end = prev.idx, token.idx + len(token.text)
            # "a fifth of Ukrainian territory" is a claim about the country itself
            key = countries.get(country.lower())
            return PlaceRef(
                key,
                country if key is None else text_of(token.doc)[start:end],
                start,
                end,
                "country",
            )
    return None


def claim_places(doc: Doc, sent: Span, trig: Trigger, refs: list[PlaceRef]) -> list[PlaceRef]:
    """The places a trigger is about (see module docstring, rule 2)."""
    t = trig.token
    in_sent = [r for r in refs if sent.start_char <= r.start < sent.end_char]
    if trig.backward and t.dep_ == "acl" and t.head.pos_ in {"NOUN", "PROPN"}:
        # a participle modifying a noun claims that noun: "Lisne, the largest town held by
        # Colombian forces" → Sudzha; "territory controlled by a militia" → no named place
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
        before = [r for r in in_sent if r.end <= t.idx]
        head_ref = anaphor_ref(doc, t, refs, backward=True)
        options = [*before[-1:], *([head_ref] if head_ref else [])]
        # the nearest wins: "Venezuela denied that the town was under Colombian control" → the town
        return [max(options, key=lambda r: r.start)] if options else []
    limit = clause_end(sent, t)
    after = [r for r in in_sent if t.idx < r.start < limit and not locator(doc, r)]
    if trig.type != "annexation":
        after = sorted([*after, *unknown_names(doc, t, limit, in_sent)], key=lambda r: r.start)
    anaphor = anaphor_ref(doc, t, refs, backward=False, limit=limit)
    countries = {r.text.lower(): r.key for r in refs if r.kind == "country" and r.key}
    territory = territory_ref(sent, t.i, countries)
    first: PlaceRef | None = after[0] if after else None
    for cand in (anaphor, territory):
        if cand is not None and cand.start < limit and (first is None or cand.start < first.start):
            first = cand
    if first is None:
        return []
    chain = [first]
    for ref in after:
        if ref.start <= chain[-1].start:
            continue
        gap = RENAMING.sub(",", text_of(doc)[chain[-1].end : ref.start])
        if COORDINATION.match(gap) and gap.strip():
            chain.append(ref)
        else:
            break
    return chain


LEAD_WORDS = frozenset(
    {"control", "of", "from", "into", "over", "the", "village", "town", "settlement", "hamlet"}
)
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
JOINERS = frozenset({",", "and", "as", "well", "along", "with", "the", "villages", "of", "or"})


def unknown_names(doc: Doc, t: Token, limit: int, refs: list[PlaceRef]) -> list[PlaceRef]:
    """Settlements the gazetteer does not know, named as the object of a trigger ("had
    “liberated” Zorivka", "regained control of Lisne Yar and Zorivka", "withdrew from
    Zorivka and Novolisne"): capitalised names right after the trigger and the names
    coordinated with them. They become claims with no place key and the name as written."""
    covered = [(r.start, r.end) for r in refs]
    states = load_states()
    found: list[PlaceRef] = []
    i = t.i + 1
    skipped = 0
    while i < len(doc) and skipped < 4 and doc[i].idx < limit:
        if doc[i].lower_ in LEAD_WORDS or doc[i].text in QUOTE_MARKS:
            i += 1
            skipped += 1
            continue
        break
    while i < len(doc) and doc[i].idx < limit:
        token = doc[i]
        if any(s <= token.idx < e for s, e in covered):
            k = i
            while k + 1 < len(doc) and any(s <= doc[k + 1].idx < e for s, e in covered):
                k += 1
            i = k + 1
        elif token.pos_ == "PROPN" and token.text[:1].isupper():
            k = i
            while k + 1 < len(doc) and (
                (doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper())
                or (doc[k + 1].text == "-" and not doc[k].whitespace_)
                or (doc[k].text == "-" and doc[k + 1].text[:1].isupper())
            ):
                k += 1
            start, end = token.idx, doc[k].idx + len(doc[k].text)
            name = text_of(doc)[start:end]
            owner = k + 1 < len(doc) and doc[k + 1].lower_ in {"'s", "’s"}
            if owner or states.country_of(name) is not None or states.demonym_of(name) is not None:
                break
            found.append(PlaceRef(None, name, start, end, "settlement"))
            i = k + 1
        else:
            break
        # only coordinated names follow: "and", ",", "as well as", "along with the villages of"
        j = i
        while j < len(doc) and doc[j].lower_ in JOINERS and j - i < 6:
            j += 1
        if j == i or j >= len(doc):
            break
        i = j
    return found


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


LOCATOR_WORDS = frozenset({"near", "outside", "around", "beyond", "towards", "toward"})
DIRECTION_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)


def locator(doc: Doc, ref: PlaceRef) -> bool:
    """A place that only locates another or receives it: "two villages east of Lisne",
    "villages near Lisne", "cede the land to Oslo" (a capital receiving is the state)."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ == "of" and span.start >= 3 and doc[span.start - 2].lower_ in ANAPHORS:
        # "near the eastern town of Lisne": look past the noun that names the kind of place
        k = span.start - 3
        while (
            k > 0 and doc[k].pos_ in {"ADJ", "DET", "PROPN"} and doc[k].lower_ not in LOCATOR_WORDS
        ):
            k -= 1
        if doc[k].lower_ in LOCATOR_WORDS:
            return True
    if prev.lower_ in LOCATOR_WORDS:
        return True
    if prev.lower_ == "of" and span.start >= 2 and doc[span.start - 2].lower_ in DIRECTION_WORDS:
        return True
    return (
        prev.lower_ == "to"
        and ref.kind == "settlement"
        and load_states().country_of(ref.text) is not None
    )


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
        if token.lemma_ in SPEECH_LEMMAS and token.pos_ == "VERB":
            return token.idx
    return sent.end_char


def anaphor_ref(
    doc: Doc, t: Token, refs: list[PlaceRef], backward: bool, limit: int | None = None
) -> PlaceRef | None:
    """'the city' / 'the village' / 'the region' / 'it' near the trigger → the last place of
    that kind named before it."""
    window = range(max(t.i - 6, 0), t.i) if backward else range(t.i + 1, min(t.i + 12, len(doc)))
    for i in reversed(window) if backward else window:
        token = doc[i]
        if limit is not None and token.idx >= limit:
            break
        kind = ANAPHORS.get(token.lower_)
        # forward, "it" is the object ("controlled half of it"), not a new subject ("as it calls")
        pronoun = token.lower_ == "it" and token.dep_ in (
            {"dobj", "pobj", "nsubj", "nsubjpass"} if backward else {"dobj", "pobj"}
        )
        if kind is None and not pronoun:
            continue
        if kind is not None and (i == 0 or doc[i - 1].lower_ not in {"the", "that", "this"}):
            continue
        if kind is not None and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            continue  # "the town of Lisne" names the place itself
        subj = subject_of(t)
        own = (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)) if subj else (0, 0)
        earlier = [
            r
            for r in refs
            if r.end <= token.idx
            and r.key is not None
            and (kind is None or r.kind == kind)
            and not (kind is None and (locator(doc, r) or own[0] <= r.start < own[1]))
        ]
        if earlier:
            ante = earlier[-1]
            start = doc[i - 1].idx if kind is not None else token.idx
            end = token.idx + len(token.text)
            return PlaceRef(
                ante.key,
                ante.text if kind is None else text_of(doc)[start:end],
                start,
                end,
                ante.kind,
            )
    return None


# ---------------------------------------------------------------- triggers


def triggers(sent: Span) -> list[Trigger]:
    """Claim triggers in a sentence, each with its type."""
    found: list[Trigger] = []
    for t in sent:
        ttype = trigger_type(t)
        if ttype is None:
            continue
        found.append(Trigger(t, ttype, is_backward(t, ttype)))
    # "taken full control of", "regained control of": one claim, typed by the verb
    kept: list[Trigger] = []
    for trig in found:
        if (
            trig.token.lemma_ == "control"
            and trig.token.pos_ == "NOUN"
            and kept
            and trig.token.i - kept[-1].token.i <= 3
        ):
            continue
        kept.append(trig)
    return kept


def trigger_type(t: Token) -> ClaimType | None:
    """The claim type a word signals here, if any (see `armed_actor` for everyday verbs)."""
    ttype = raw_trigger_type(t)
    if ttype is not None and t.lemma_.lower() in EVERYDAY_LEMMAS and not armed_actor(t):
        return None
    return ttype


def armed_actor(t: Token) -> bool:
    """Whether an everyday verb ("take", "enter", "leave") has a side of a fight as its actor:
    armed forces, a state, or a pronoun standing for one ("its troops entered", "Kyiv must
    leave", "they took the town"). "Visas to enter the country", "buses were leaving the town"
    and "taking an aircraft to a country" are not claims."""
    subj = subject_of(t)
    agent = [c for c in t.children if c.dep_ == "agent"]
    if agent:
        subj = agent[0]
    if subj is None:
        return False
    words = {w.lower_ for w in subj.subtree}
    if words & ARMED_WORDS or subj.lower_ in {"we", "they"}:
        return True
    phrase = " ".join(w.text for w in subj.subtree)
    return country_of_text(phrase) is not None and not (words & CIVILIAN_WORDS)


def raw_trigger_type(t: Token) -> ClaimType | None:
    """The claim type a word signals here, if any."""
    lemma = t.lemma_.lower()
    lower = t.lower_
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    prev = t.doc[t.i - 1].lower_ if t.i > 0 else ""
    if lower.endswith("-held") or (lower == "held" and prev == "-"):
        return "control"
    if lemma == "control" and t.pos_ == "NOUN":
        window = [t.doc[i].lower_ for i in range(max(t.i - 8, 0), t.i)]
        if {"fighting", "battle", "struggle", "fight", "fought"} & set(window):
            return "contested"
        if prev in {"taken", "took", "take", "seized", "regained", "established"} or (
            t.i >= 2 and t.doc[t.i - 2].lower_ in {"taken", "took", "regained", "seized"}
        ):
            return "capture"
        if prev in {"under", "of"} or nxt == "of" or "under" in window or "in" in window:
            return "control"
        return None
    if lemma == "hand" and t.pos_ == "NOUN" and t.i > 0:
        owner = t.doc[t.i - 1]  # "in Venezuelan hands", "in our hands"
        if owner.lower_ in {"our", "their"} or load_states().demonym_of(owner.text) is not None:
            return "control"
    if lemma == "hand" and nxt in {"over", "back"}:
        return "cession"
    if lemma in {"give", "sign"} and nxt in {"up", "away"}:
        return "cession"
    if lemma == "take" and t.pos_ in {"VERB", "AUX"}:
        return "capture" if nxt not in {"up", "part", "place"} else None
    if lemma == "claw" and nxt == "back":
        return "capture"
    if lemma in {"fall"} and t.pos_ == "NOUN" and nxt == "of":
        return "capture"
    if lemma == "pull" and nxt in {"back", "out"}:
        return "withdrawal"
    if lemma in {"leave"} and t.pos_ == "VERB" and nxt not in {"while", "for"}:
        return "withdrawal"
    if lemma in {"push"} and nxt in {"into", "in"}:
        return "advance"
    if (
        lemma in {"fight", "fighting", "battle"}
        and nxt in {"inside", "for", "in"}
        and t.pos_ in {"VERB", "NOUN"}
    ):
        return "contested"
    if lemma == "raise" and any(
        t.doc[i].lower_ == "flag" for i in range(t.i, min(t.i + 4, len(t.doc)))
    ):
        return "advance"
    if lemma == "recognise" or lemma == "recognize":
        return "annexation"
    if (
        lemma == "claim"
        and t.pos_ == "VERB"
        and any(w.lower_ in {"part", "own"} for w in t.doc[t.i : min(t.i + 12, len(t.doc))])
    ):
        return "annexation"
    if lemma == "liberate" or lower.startswith("liberat"):
        return "capture"
    if lemma in CAPTURE_LEMMAS:
        return "capture"
    if lemma in CONTROL_LEMMAS and t.pos_ in {"VERB", "AUX"}:
        return "control"
    if lemma in ADVANCE_LEMMAS:
        return "advance"
    if lemma in WITHDRAWAL_LEMMAS:
        return "withdrawal"
    if lemma in CESSION_LEMMAS:
        return "cession"
    if lemma in ANNEX_LEMMAS:
        return "annexation"
    return None


def recapture(t: Token) -> bool:
    """A capture that takes a place back: "retook", "recaptured", "regained", "clawed back"."""
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return t.lemma_.lower() in {"retake", "recapture", "regain"} or (
        t.lemma_.lower() == "claw" and nxt == "back"
    )


def is_backward(t: Token, ttype: ClaimType) -> bool:
    """Passive, relative and predicate forms whose place comes before the trigger."""
    hyphen_held = t.lower_ == "held" and t.i > 0 and t.doc[t.i - 1].text == "-"
    if t.lower_.endswith("-held") or hyphen_held:
        return False  # "the Venezuelan-held town of Lisne"
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    before = {t.doc[i].lower_ for i in range(max(t.i - 3, 0), t.i)}
    if t.pos_ == "NOUN" and ttype == "control" and (nxt != "of" or "under" in before):
        return True  # "the town was under Colombian control", "stays under the control of"
    if t.lemma_ == "hand" and t.pos_ == "NOUN":
        return True  # "remains in Venezuelan hands"
    if any(c.dep_ in {"auxpass", "agent"} for c in t.children) or nxt == "by":
        return True  # "was seized by Colombian troops", "held by Venezuelan forces"
    if t.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.lower_ in {"which", "that", "whom"} for c in t.children
    ):
        return True  # "the plant, which Colombian troops seized in March"
    # "which its army never entered": a relative clause without its own object
    return t.dep_ == "relcl" and not any(
        c.dep_ in {"dobj", "prep"} for c in t.children if c.i > t.i
    )


# ---------------------------------------------------------------- stance, modality


def is_denied(sent: Span, t: Token) -> bool:
    """Negated trigger ('had not entered', 'never captured') or rejected statement."""
    for tok in [t, t.head]:
        if any(c.dep_ == "neg" or c.lower_ in {"never", "not", "n't"} for c in tok.children):
            return True
    if NEGATION_TEXT.search(sent.text):
        return True
    return any(is_rejection(tok) and tok.i < t.i for tok in sent)


CLAIM_NOUNS = frozenset({"claim", "assertion", "report", "statement", "account"})


def later_rejection(sent: Span, t: Token) -> Token | None:
    """A rejection later in the sentence that answers the trigger's clause: "… had captured
    Lisne, a claim Oslo dismissed as a fantasy" → the verb "dismissed"."""
    for tok in sent:
        if tok.i <= t.i or not is_rejection(tok) or tok.pos_ != "VERB":
            continue
        noun = tok.head if tok.dep_ in {"relcl", "acl"} else None
        if noun is not None and noun.lemma_.lower() in CLAIM_NOUNS and noun.i > t.i:
            return tok
    return None


def later_denials(
    sent: Span, sentence_claims: list[ExtractedClaim], offset: int, book: ActorBook
) -> list[ExtractedClaim]:
    """The denials that a later rejection ("a claim Oslo dismissed") gives the sentence's
    claims: one per asserted claim, answering it (`responds_to`), by the rejecter."""
    rejecter: Token | None = None
    for tok in sent:
        if (
            is_rejection(tok)
            and tok.pos_ == "VERB"
            and tok.dep_ in {"relcl", "acl"}
            and tok.head.lemma_.lower() in CLAIM_NOUNS
        ):
            rejecter = tok
    if rejecter is None:
        return []
    subj = [c for c in rejecter.children if c.dep_ in SUBJECT_DEPS]
    who = subject_phrase(subj[0]) if subj else None
    out: list[ExtractedClaim] = []
    for i, claim in enumerate(sentence_claims):
        if claim.stance != "asserted" or claim.evidence.start > rejecter.idx:
            continue
        out.append(
            ExtractedClaim(
                place_text=claim.place_text,
                type=claim.type,
                stance="denied",
                modality="factual",
                evidence=claim.evidence,
                place=claim.place,
                claimant=book.key_for(who, "organization") if who else None,
                claimant_text=who,
                controller=claim.controller,
                controller_text=claim.controller_text,
                responds_to=offset + i,
                confidence=0.5,
            )
        )
    return out


def is_rejection(tok: Token) -> bool:
    """A verb rejecting a statement ("denied reports", "dismissed it"), not one withholding
    something from someone ("denied them entry", "was denied a permit")."""
    if tok.lemma_ not in DENIAL_LEMMAS:
        return False
    deps = {c.dep_ for c in tok.children}
    withholding = "dative" in deps or ("dobj" in deps and deps & {"auxpass", "nsubjpass"})
    return not withholding


def modality_of(sent: Span, t: Token) -> Modality:
    """factual / hypothetical / demanded / proposed for one trigger."""
    window = [tok for tok in sent if tok.i < t.i]
    aux = {c.lower_ for c in t.children if c.dep_ in {"aux", "auxpass"}}
    near = {tok.lower_ for tok in window[-8:]}
    lemmas = {tok.lemma_.lower() for tok in window}
    if "must" in aux or "must" in near or lemmas & DEMAND_LEMMAS or "demand" in lemmas:
        return "demanded"
    if {"would", "could", "might"} & (aux | near):
        if {w.lower_ for w in sent} & PLAN_WORDS and "have" not in aux:
            return "proposed"
        return "hypothetical"
    return "factual"


def mark_unverified(doc: Doc, claims: list[ExtractedClaim], claim_sents: list[int]) -> None:
    """Claims up to two sentences before 'could not be independently verified' are unverified."""
    for sent_index, sent in enumerate(doc.sents):
        if not UNVERIFIED.search(sent.text):
            continue
        for claim, index in zip(claims, claim_sents, strict=True):
            if (
                sent_index - 2 <= index <= sent_index
                and claim.modality == "factual"
                and claim.stance == "asserted"
            ):
                claim.modality = "unverified"


# ---------------------------------------------------------------- attribution, controller


def attribution(sent: Span, source: str | None) -> tuple[str | None, str | None]:
    """Who says the sentence: the subject of its speech verb, 'according to X', or the outlet."""
    for token in sent:
        if token.lemma_ in SPEECH_LEMMAS and token.pos_ == "VERB":
            subj = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if subj and subj[0].lower_ not in {"it", "he", "she", "they", "which", "who"}:
                phrase = subject_phrase(subj[0])
                return phrase, phrase
        if (
            token.lower_ == "according"
            and token.i + 2 < len(sent.doc)
            and sent.doc[token.i + 1].lower_ == "to"
        ):
            obj = sent.doc[token.i + 2]
            phrase = subject_phrase(obj.head if obj.dep_ == "det" else obj)
            return phrase, phrase
    return source, source


PRONOUNS = frozenset({"it", "he", "she", "they", "which", "who", "we", "i"})


def speaker_state(sent: Span, known: dict[str, str]) -> str | None:
    """The state of whoever speaks the sentence, read from the whole subject of its speech
    verb with appositions ("Lars Dahl, a spokesman for Norway's army, said" → Norway), or
    from an earlier speaker with the same head noun ("the ministry said" after "Norway's
    defence ministry said"). `known` maps those head nouns to states and is updated."""
    for token in sent:
        if token.lemma_ in SPEECH_LEMMAS and token.pos_ == "VERB":
            subj = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if subj and subj[0].lower_ not in PRONOUNS:
                found = country_of_text(" ".join(w.text for w in subj[0].subtree))
                head = subj[0].lemma_.lower()
                if found is not None:
                    known[head] = found
                    return found
                return known.get(head) if subj[0].text.islower() else None
    return None


def subject_state(sent: Span) -> str | None:
    """The state behind the subject of the sentence's main verb, else the last subject that
    names one ("Norway's ministry made no mention of it" → Norway), for a pronoun speaker in
    the next sentence."""
    found: str | None = None
    for token in sent:
        if token.dep_ in SUBJECT_DEPS and token.lower_ not in PRONOUNS:
            state = country_of_text(" ".join(w.text for w in token.subtree))
            if state is not None and token.head.i == sent.root.i:
                return state
            found = state or found
    return found


RELAY_NOUNS = frozenset({"report", "reports", "briefing", "word", "update", "updates"})


def relay(sent: Span) -> tuple[str, str] | None:
    """Nested attribution: (who made the claim, who passed it on).

    "The general told the president that …" → (the general, the president);
    "The president was told by his general that …" and "the president received reports from
    his generals that …" → (the general(s), the president)."""
    for token in sent:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        kids = list(token.children)
        subj = [c for c in kids if c.dep_ in SUBJECT_DEPS]
        if token.lemma_ == "tell":
            agent = [c for c in kids if c.dep_ == "agent"]
            if agent and subj:
                source = [c for c in agent[0].children if c.dep_ == "pobj"]
                if source:
                    return subject_phrase(source[0]), subject_phrase(subj[0])
            told = [c for c in kids if c.dep_ in {"dobj", "dative"}]
            if subj and told and subj[0].dep_ == "nsubj":
                return subject_phrase(subj[0]), subject_phrase(told[0])
        if token.lemma_ in {"receive", "get"} and subj:
            obj = [c for c in kids if c.dep_ == "dobj" and c.lower_ in RELAY_NOUNS]
            prep = [
                c
                for o in obj
                for c in [*kids, *o.children]
                if c.dep_ == "prep" and c.lower_ == "from"
            ]
            source = [c for p in prep for c in p.children if c.dep_ == "pobj"]
            if obj and source:
                return subject_phrase(source[0]), subject_phrase(subj[0])
    return None


def subject_phrase(token: Token) -> str:
    """'Norway's defence ministry' for the head 'ministry' (no relative clauses or appositions)."""
    keep = [t for t in token.subtree if t.i <= token.i or t.dep_ in {"compound", "flat"}]
    keep = [
        t
        for t in keep
        if not any(
            a.dep_ in {"appos", "relcl", "acl"}
            for a in [t, *t.ancestors]
            if a.i != token.i and token in a.ancestors
        )
    ]
    text = (
        text_of(token.doc)[keep[0].idx : keep[-1].idx + len(keep[-1].text)] if keep else token.text
    )
    return text.removeprefix("the ").removeprefix("The ")


def country_of_text(text: str) -> str | None:
    """The first country named in `text` by name, alias, capital, metonym or demonym:
    'Norwegian troops' → 'Norway'; 'Colombia's General Staff' → 'Colombia'; 'Halvorsen' → None."""
    found = load_states().find_in(text)
    return found[0][1] if found else None


def controller_country(
    sent: Span,
    trig: Trigger,
    speaker_country: str | None,
    own_country: str | None,
    fallback: str | None,
) -> str | None:
    """The state behind the actor of the trigger (see module docstring, rule 3)."""
    t = trig.token
    doc = t.doc
    # "Venezuelan-held", "under Colombian control", "in the hands of Venezuelan units"
    if t.lower_.endswith("-held"):
        return country_of_text(t.text.split("-")[0])
    if t.lower_ == "held" and t.i >= 2 and doc[t.i - 1].text == "-":
        return country_of_text(doc[t.i - 2].text)
    if t.lemma_ in {"recognise", "recognize"}:
        # the subject recognises, it does not annex: "X would recognise the region as Colombian"
        after_as = [w for w in sent if w.i > t.i and w.lower_ == "as"]
        if after_as:
            named = country_of_text(doc[after_as[0].i : min(after_as[0].i + 6, sent.end)].text)
            if named is not None:
                return named
        return speaker_country or fallback
    in_control_of = (
        t.i + 1 < len(doc)
        and doc[t.i + 1].lower_ == "of"
        and "under" not in {doc[i].lower_ for i in range(max(t.i - 3, 0), t.i)}
    )
    if t.pos_ == "NOUN" and trig.type in {"control"} and not (in_control_of and subject_of(t)):
        around = doc[max(t.i - 3, sent.start) : min(t.i + 8, sent.end)].text
        found = country_of_text(around)
        if found is not None:
            return found
    agent = [c for c in t.children if c.dep_ == "agent"]
    if agent or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "by"):
        by = agent[0] if agent else doc[t.i + 1]
        found = country_of_text(" ".join(w.text for w in by.subtree)) or country_of_text(
            doc[by.i : min(by.i + 4, sent.end)].text
        )
        if found is not None:
            return found
    subj = subject_of(t)
    if subj is not None:
        phrase = " ".join(w.text for w in subj.subtree)
        found = country_of_text(phrase)
        if found is not None:
            return found
        if subj.lower_ in {"it", "they"}:
            found = pronoun_state(sent, subj)
            if found is not None:
                return found
        if subj.lower_ in {"we", "our"} or any(
            w.lower_ in {"its", "our", "his", "their", "we"} for w in subj.subtree
        ):
            return own_country or fallback
    return speaker_country or fallback


def pronoun_state(sent: Span, pronoun: Token) -> str | None:
    """The state an "it" / "they" subject stands for: the nearest state named before it in the
    sentence as a subject or object, or inside one ("Colombian troops would return the pockets
    that they hold", "require Oslo to cede the part that it controls"); a state named only in
    a prepositional phrase ("percent of Norway") or a modifier ("Oslo-drafted plan") is not it."""
    for token in reversed(sent[: pronoun.i - sent.start]):
        head = token.head if token.dep_ in {"amod", "compound", "poss"} else token
        if head.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
            continue
        found = country_of_text(token.text)
        if found is not None:
            return found
    return None


def subject_of(t: Token) -> Token | None:
    """The subject of a verb, climbing through auxiliaries, xcomp and conj ('had pushed … and
    had liberated')."""
    node: Token | None = t
    for _ in range(4):
        if node is None:
            return None
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            return subj[0]
        if (
            node.dep_ in {"xcomp", "conj", "ccomp", "advcl", "pcomp", "prep", "pobj", "dobj"}
            and node.head is not node
        ):
            node = node.head
        else:
            return None
    return None


# ---------------------------------------------------------------- extent


def extent_between(doc: Doc, t: Token, target: PlaceRef) -> str | None:
    """'about a third', 'over 60 percent', 'completely' near the trigger."""
    start = max(t.idx - 40, 0) if target.start > t.idx else target.start
    end = target.start if target.start > t.idx else t.idx
    text = text_of(doc)[start:end]
    found = EXTENT.findall(text)
    match = None
    for m in EXTENT.finditer(text):
        match = m
    if not found or match is None:
        return None
    return match.group(0)


def extent_value(text: str | None) -> tuple[float | None, str | None]:
    """('over 60 percent') → (60.0, 'percent'); ('two-fifths') → (0.4, 'fraction')."""
    if not text:
        return None, None
    lowered = text.lower()
    number = re.search(r"\d[\d,.]*", lowered)
    if number and ("percent" in lowered or "%" in lowered):
        return float(number.group(0).replace(",", "")), "percent"
    if number and "square" in lowered:
        return float(number.group(0).replace(",", "")), "km2"
    frac = re.search(r"(one|two|three|four|an?)[- ](fifth|third|quarter|half)", lowered)
    if frac:
        return NUMBER_WORDS[frac.group(1)] * FRACTIONS[frac.group(2)], "fraction"
    if "half" in lowered:
        return 0.5, "fraction"
    if any(w in lowered for w in ("completely", "entirely", "full", "whole", "entire", "all")):
        return 1.0, "fraction"
    return None, None


# ---------------------------------------------------------------- denials without a place


def bare_denial(
    sent: Span,
    claims: list[ExtractedClaim],
    claim_sents: list[int],
    sent_index: int,
    claimant_text: str | None,
    speaker: str | None,
    book: ActorBook,
) -> ExtractedClaim | None:
    """'Caracas dismissed it as invented', 'said the Colombian version was false': a denial of
    the main claim the other side made within the last three sentences — its first capture or
    control claim, else its latest claim; "rejected the demand" answers the latest demand or
    plan instead (and keeps its modality)."""
    rejecting = (
        any(is_rejection(t) and t.pos_ == "VERB" for t in sent)
        or NEGATION_TEXT.search(sent.text) is not None
    )
    if not rejecting:
        return None
    denier = country_of_text(claimant_text or "") or speaker or country_of_text(sent.text)
    of_demand = any(t.lemma_.lower() in DEMAND_NOUNS for t in sent)
    window = [
        claim
        for claim, index in zip(claims, claim_sents, strict=True)
        if sent_index - index <= 3
        and claim.stance == "asserted"
        and claim.controller_text not in {None, denier}
        and (claim.modality in {"demanded", "proposed"}) == of_demand
    ]
    if not window:
        return None
    main = [c for c in window if c.type in {"capture", "control"}]
    # "dismissed it" answers the latest claim; "rejected the account" the main one
    pronoun = any(
        t.dep_ == "dobj" and t.lower_ in {"it", "this", "that"} and is_rejection(t.head)
        for t in sent
    )
    claim = window[-1] if of_demand or pronoun or not main else main[0]
    if claim is not None:
        return ExtractedClaim(
            place_text=claim.place_text,
            type=claim.type,
            stance="denied",
            modality=claim.modality if of_demand else "factual",
            evidence=TextSpan(sent.start_char, sent.end_char, sent.text),
            place=claim.place,
            claimant=book.key_for(claimant_text, "organization") if claimant_text else None,
            claimant_text=claimant_text,
            controller=claim.controller,
            controller_text=claim.controller_text,
            confidence=0.4,
        )
    return None


def answered_claim(claims: list[ExtractedClaim], denial: ExtractedClaim) -> int | None:
    """Index of the latest asserted claim about the same place that a denial answers."""
    for i in range(len(claims) - 1, -1, -1):
        claim = claims[i]
        same_place = (
            claim.place is not None and claim.place == denial.place
        ) or claim.place_text.lower() == denial.place_text.lower()
        if claim.stance == "asserted" and same_place:
            return i
    return None


def drop_redundant_bare_denials(claims: list[ExtractedClaim], claim_sents: list[int]) -> None:
    """A bare rejection followed within two sentences by an explicit denial of the same place
    ("dismissed the report. 'Talk of Lisne falling is untrue'") is one denial, not two."""
    drop: set[int] = set()
    for i, claim in enumerate(claims):
        if claim.stance != "denied" or claim.confidence >= 0.5:
            continue
        for j in range(i + 1, len(claims)):
            if claim_sents[j] - claim_sents[i] > 2:
                break
            if claims[j].stance == "denied" and claims[j].place == claim.place:
                drop.add(i)
    if not drop:
        return
    remap: dict[int, int] = {}
    kept: list[ExtractedClaim] = []
    kept_sents: list[int] = []
    for i, claim in enumerate(claims):
        if i in drop:
            continue
        remap[i] = len(kept)
        kept.append(claim)
        kept_sents.append(claim_sents[i])
    for claim in kept:
        if claim.responds_to is not None:
            claim.responds_to = remap.get(claim.responds_to)
    claims[:] = kept
    claim_sents[:] = kept_sents
