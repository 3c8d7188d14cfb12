"""The sides of a claim (rule 3 of the stage): the state behind the actor of a trigger (the
controller), the other side of the fight for withdrawals and cessions, and the actor keys the
claims point to (created when stage 1 lacks them)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from api.extract.claims.syntax import country_of_text, phrase_state, prep_object, subject_of
from api.extract.claims.triggers import (
    Trigger,
    hyphen_control,
    hyphen_side,
    part_of_state,
    recognised_as,
)
from api.extract.doc_cache import text_of
from api.extract.states import load_states
from api.extract.types import ActorKind, ExtractedActor


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
    if hyphen_control(t):
        return country_of_text(hyphen_side(t))
    if t.lemma_ == "part" and t.pos_ == "NOUN":
        return part_of_state(t) or speaker_country or fallback
    taker = prep_object(t, "to") if t.lemma_ == "fall" else None
    if taker is not None:  # "Lisne fell to Norwegian troops"
        return phrase_state(taker) or fallback
    if t.lemma_ in {"recognise", "recognize"}:
        # the subject recognises, it does not annex: "X would recognise the region as Colombian"
        return recognised_as(t) or speaker_country or fallback
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
        # the token with the names compounded before it: "Czech Republic forces"
        found = country_of_text(token.doc[token.left_edge.i : token.i + 1].text)
        if found is None and token.dep_ == "compound":
            found = country_of_text(token.doc[token.i : head.i + 1].text)
        if found is not None:
            return found
    return None


def recipient_state(t: Token) -> str | None:
    """The state a place is handed to: "turned it over to Norwegian authorities" → Norway."""
    return phrase_state(prep_object(t, "to"))
