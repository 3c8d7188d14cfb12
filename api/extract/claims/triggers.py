"""Claim triggers: the words that say a place was taken, held, entered, left, ceded or
annexed, each with its claim type (rule 1 of the stage), and whether the place comes before
them (passive, relative and predicate forms).

The words are data: `claim_trigger_words.tsv` (one word, one type) and
`claim_phrasal_triggers.tsv` (a word and the next: "pull back", "take part") in the language
pack; the code here reads the constructions around them that a word list cannot say
("taken control of", "in Venezuelan hands", "Venezuelan-held").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from api.extract.claims.parties import party_allows
from api.extract.claims.syntax import country_of_text, phrase_state, prep_object
from api.extract.claims.words import (
    CONTROL_NOUN_WORDS,
    EVERYDAY_VERBS,
    HYPHEN_CONTROL,
    phrasal_triggers,
    trigger_words,
)
from api.extract.states import load_states
from api.extract.types import ClaimType


@dataclass
class Trigger:
    token: Token
    type: ClaimType
    backward: bool  # the place comes before the trigger (passive, relative, "under control")


def triggers(sent: Span, armed: frozenset[str]) -> list[Trigger]:
    """Claim triggers in a sentence, each with its type."""
    found: list[Trigger] = []
    for t in sent:
        ttype = trigger_type(t, armed)
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


def trigger_type(t: Token, armed: frozenset[str]) -> ClaimType | None:
    """The claim type a word signals here, if any: none when its actor is no party to a fight,
    and for everyday verbs ("take", "enter", "leave") none without such an actor ("visas to
    enter the country", "buses were leaving the town"; see `parties`)."""
    ttype = raw_trigger_type(t)
    everyday = t.lemma_.lower() in EVERYDAY_VERBS
    if ttype is not None and not party_allows(t, armed, required=everyday):
        return None
    return ttype


def raw_trigger_type(t: Token) -> ClaimType | None:
    """The claim type a word signals here, if any: the constructions first, then the
    phrasal and single-word tables of the language pack."""
    lemma = t.lemma_.lower()
    lower = t.lower_
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    prev = t.doc[t.i - 1].lower_ if t.i > 0 else ""
    if hyphen_control(t):
        return "control"
    if lemma == "control" and t.pos_ == "NOUN":
        return control_noun_type(t, prev, nxt)
    if lemma == "part" and t.pos_ == "NOUN" and nxt == "of":
        return part_of_type(t)
    if lemma == "hand" and t.pos_ == "NOUN" and t.i > 0:
        owner = t.doc[t.i - 1]  # "in Venezuelan hands", "in our hands"
        if owner.lower_ in {"our", "their"} or load_states().demonym_of(owner.text) is not None:
            return "control"
    # the particle may follow the object: "turned it over to"
    particle = next((c.lower_ for c in t.children if c.dep_ == "prt"), nxt)
    phrasal = phrasal_triggers().get((lemma, nxt)) or phrasal_triggers().get((lemma, particle))
    if phrasal is not None and (not phrasal[1] or t.pos_ in phrasal[1]):
        return phrasal[0]
    if lemma == "raise" and any(
        t.doc[i].lower_ == "flag" for i in range(t.i, min(t.i + 4, len(t.doc)))
    ):
        return "advance"
    if (
        lemma == "claim"
        and t.pos_ == "VERB"
        and any(w.lower_ in {"part", "own"} for w in t.doc[t.i : min(t.i + 12, len(t.doc))])
    ):
        return "annexation"
    if lemma in {"recognise", "recognize"}:
        # "would recognise X as Colombian"; a refusal ("a move X has not recognised") is the
        # denial of another claim (stance.later_denials), not a claim of its own
        return "annexation" if recognised_as(t) else None
    if lower.startswith("liberat"):
        return "capture"
    single = trigger_words().get(lemma)
    if single is not None and (not single[1] or t.pos_ in single[1]):
        return single[0]
    return None


def hyphen_control(t: Token) -> bool:
    """ "Venezuelan-held", "Norwegian-administered" (one token or three): control by the side
    before the hyphen."""
    head, _, tail = t.lower_.rpartition("-")
    if head and tail in HYPHEN_CONTROL:
        return True
    return t.lower_ in HYPHEN_CONTROL and t.i >= 2 and t.doc[t.i - 1].text == "-"


def hyphen_side(t: Token) -> str:
    """The words before the hyphen of a `hyphen_control` trigger ("Venezuelan")."""
    head = t.text.rpartition("-")[0]
    return head if head else t.doc[t.i - 2].text


def recognised_as(t: Token) -> str | None:
    """The state a place is recognised as belonging to: "would recognise X as Colombian" →
    Colombia. Recognising a place's independence, or as a state of its own, annexes nothing."""
    doc = t.doc
    end = min(t.i + 24, t.sent.end)
    for w in doc[t.i + 1 : end]:
        listing = w.i + 1 < len(doc) and doc[w.i + 1].lower_ == "well"  # "as well as"
        if w.lower_ == "as" and not listing and doc[w.i - 1].lower_ not in {"well", "such"}:
            return country_of_text(doc[w.i : min(w.i + 6, t.sent.end)].text)
    return None


def part_of_type(t: Token) -> ClaimType | None:
    """ "X is now part of Norway", "X became part of Norway" (annexation); "X remains part of
    Norway" (control): a place said to belong to a state named after "of"."""
    if t.dep_ not in {"attr", "oprd"} or t.head.lemma_.lower() not in {"be", "become", "remain"}:
        return None
    if not part_of_state(t):
        return None
    changed = t.head.lemma_.lower() == "become" or any(c.lower_ == "now" for c in t.head.children)
    return "annexation" if changed else "control"


def part_of_state(t: Token) -> str | None:
    """The state named after "part of" ("part of Norway" → Norway), if any."""
    return phrase_state(prep_object(t, "of"))


def control_noun_type(t: Token, prev: str, nxt: str) -> ClaimType | None:
    """ "fighting for control of" (contested), "taken control of" (capture), "under control",
    "in control of" (control)."""
    window = [t.doc[i].lower_ for i in range(max(t.i - 8, 0), t.i)]
    if any(CONTROL_NOUN_WORDS.get(w) == "contested" for w in window):
        return "contested"
    before = t.doc[t.i - 2].lower_ if t.i >= 2 else ""  # "took full control"
    if "capture" in {CONTROL_NOUN_WORDS.get(prev), CONTROL_NOUN_WORDS.get(before)}:
        return "capture"
    if prev in {"under", "of"} or nxt == "of" or "under" in window or "in" in window:
        return "control"
    return None


def recapture(t: Token) -> bool:
    """A capture that takes a place back: "retook", "recaptured", "regained", "clawed back"."""
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    return t.lemma_.lower() in {"retake", "retook", "recapture", "regain"} or (
        t.lemma_.lower() == "claw" and nxt == "back"
    )


def is_backward(t: Token, ttype: ClaimType) -> bool:
    """Passive, relative and predicate forms whose place comes before the trigger."""
    if hyphen_control(t):
        return False  # "the Venezuelan-held town of Lisne"
    nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
    before = {t.doc[i].lower_ for i in range(max(t.i - 3, 0), t.i)}
    if t.pos_ == "NOUN" and ttype == "control" and (nxt != "of" or "under" in before):
        return True  # "the town was under Colombian control", "stays under the control of"
    if t.lemma_ == "hand" and t.pos_ == "NOUN":
        return True  # "remains in Venezuelan hands"
    if t.lemma_ == "part" and t.pos_ == "NOUN":
        return True  # "Lisne is now part of Norway"
    if t.lemma_ == "fall" and t.pos_ == "VERB" and nxt == "to":
        return True  # "Lisne fell to Norwegian troops"
    moved_from = ttype in {"withdrawal", "cession"} and nxt == "from"
    if moved_from and not any(c.dep_ == "agent" for c in t.children):
        return False  # "troops must be withdrawn from Lisne": the troops move, Lisne is left
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
