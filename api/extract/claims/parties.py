"""Who can hold ground: a claim needs a party able to take or keep a place — a state, an
armed force or group, or a pronoun standing for one. A grid operator that "controls" a
state, a team that "took control of the game", police that "seized" drugs, citizens urged
"to leave" a country and an army that "failed to advance" claim no territory.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from api.extract.claims.syntax import country_of_text, prep_object, subject_of
from api.extract.claims.words import (
    ARMED_NOUNS,
    ATTEMPT_VERBS,
    CIVILIAN_NOUNS,
    ENEMY_NOUNS,
    PARTY_PRONOUNS,
    SPEECH_VERBS,
    STATE_NOUNS,
    STATIVE_VERBS,
)
from api.extract.given_names import is_given_name
from api.extract.types import ExtractedActor
from api.extract.vocabulary import institution_name

ARMED_KINDS = frozenset({"state", "military", "group"})


def armed_names(doc: Doc, actors: list[ExtractedActor]) -> frozenset[str]:
    """The lower-cased names and aliases of the article's states, forces and armed groups,
    and, in an article that speaks of arms at all, of the bodies known only by a name ("the
    RSF", "M23", "Hezbollah"): an institution ("the Harbour Council"), an outlet or a company
    word in the name rules a body out. In a sports page "the Celtics" are no side of a war."""
    armed_article = any(t.lower_ in ARMED_NOUNS for t in doc)
    return frozenset(
        name.lower()
        for actor in actors
        if actor.kind in ARMED_KINDS
        or (armed_article and actor.kind == "organization" and bare_name(actor))
        for name in (actor.name, *actor.aliases)
    )


def bare_name(actor: ExtractedActor) -> bool:
    """A body's name without an institution, outlet or company word in it."""
    return not any(institution_name(name) for name in (actor.name, *actor.aliases))


def actor_names(doc: Doc, actors: list[ExtractedActor]) -> frozenset[str]:
    """The lower-cased names (and surnames) of the article's people and bodies that are
    surely not places: a person whose name starts with a given name ("capture Ana
    Ferreyra", then "capture Ferreyra"), or any of them that acts as a subject somewhere
    ("Jund al-Nasr must stop firing"). A village the tagger took for a person or body stays
    a place."""
    names: set[str] = set()
    for actor in actors:
        if actor.kind == "state":
            continue
        given = actor.kind == "person" and is_given_name(actor.name.split()[0])
        if not (given or acts(doc, actor)):
            continue
        for name in (actor.name, *actor.aliases):
            names.add(name.lower())
            if actor.kind == "person":
                names.add(name.split()[-1].lower())
    return frozenset(names)


def acts(doc: Doc, actor: ExtractedActor) -> bool:
    """Whether a mention of the actor is the subject of a verb that does something ("Jund
    al-Nasr must stop firing"), not of one that only is ("Lisne remains under Norwegian
    control")."""
    for mention in actor.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0 or span.root.dep_ != "nsubj":
            continue
        if span.root.head.lemma_.lower() not in STATIVE_VERBS:
            return True
    return False


def actor_of(t: Token) -> Token | None:
    """The actor of a trigger: the agent of a passive (none when it has no agent: "X was
    captured"), the owner of a control noun ("our control") or whoever is given or takes it
    ("giving him control", "seized control"), the object that an infinitive's subject is
    ("urged its citizens to leave"), else the subject."""
    kids = list(t.children)
    agent = [c for c in kids if c.dep_ == "agent"]
    if agent:
        objects = [c for c in agent[0].children if c.dep_ == "pobj"]
        return objects[0] if objects else agent[0]
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in kids):
        return None
    if t.pos_ == "NOUN":
        owner = [c for c in kids if c.dep_ == "poss"]
        if owner:
            return owner[0]
        if t.dep_ != "dobj":
            return None  # "under the control of", "in our hands": the place is the subject
        given = [c for c in t.head.children if c.dep_ == "dative"]
        return given[0] if given else active_subject(t.head)
    if t.lemma_.lower() == "fall":
        return prep_object(t, "to")  # "Lisne fell to Norwegian troops": the troops took it
    if t.dep_ == "xcomp":
        told = [c for c in t.head.children if c.dep_ == "dobj"]
        if told:
            return told[0]
    return active_subject(t)


def active_subject(t: Token) -> Token | None:
    """The subject of a verb (see `subject_of`) unless it is the patient of a passive."""
    subj = subject_of(t)
    return None if subj is None or subj.dep_ == "nsubjpass" else subj


def is_party(token: Token, armed: frozenset[str]) -> bool:
    """Whether a phrase names a side of a fight: armed forces, a state or its government
    (not its tourists or team), one of the article's states or armed groups, a pronoun for
    one, or a person named where the sentence speaks of arms ("seized control in a military
    coup", not "giving him control" through bribes)."""
    words = {w.lower_ for w in token.subtree}
    if words & ARMED_NOUNS or token.lower_ in PARTY_PRONOUNS:
        return True
    if words & CIVILIAN_NOUNS:
        return False
    phrase = " ".join(w.text for w in token.subtree)
    lowered = f" {phrase.lower()} "
    if words & STATE_NOUNS or any(f" {name} " in lowered for name in armed):
        return True
    if country_of_text(phrase) is not None:
        return True
    named = token.pos_ == "PROPN" and token.ent_type_ == "PERSON"
    return named and bool({w.lower_ for w in token.sent} & ARMED_NOUNS)


def attempted(t: Token) -> bool:
    """A trigger that is only attempted: "failed to advance on X", "tried to take X"."""
    return t.dep_ == "xcomp" and t.head.lemma_.lower() in ATTEMPT_VERBS


def party_allows(t: Token, armed: frozenset[str], required: bool) -> bool:
    """Whether the trigger's actor lets it be a claim: a party when there is an actor;
    with `required` (everyday verbs such as "take", "enter"), an actor that is a party."""
    if attempted(t):
        return False
    actor = actor_of(t)
    if actor is None:
        return not required
    if actor.lower_ in PARTY_PRONOUNS:
        actor = speaker_behind(actor) or actor  # "the enemy claims it took X"
    if required and actor.lower_ == "it":
        return False  # "it takes the country back to war": an everyday verb needs a side
    return is_party(actor, armed)


def speaker_behind(pronoun: Token) -> Token | None:
    """The subject of the speech verb whose reported clause a pronoun is the subject of:
    "the enemy claims it took X" → "enemy"."""
    verb = pronoun.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects and subjects[0].lower_ not in PARTY_PRONOUNS else None


def enemy_actor(t: Token) -> bool:
    """Whether a trigger's actor is "the enemy" (or a pronoun said by it): the side opposed
    to the speaker's."""
    actor = actor_of(t)
    if actor is not None and actor.lower_ in PARTY_PRONOUNS:
        actor = speaker_behind(actor) or actor
    return actor is not None and bool({w.lower_ for w in actor.subtree} & ENEMY_NOUNS)
