"""Who makes a claim: the speaker of the sentence (its speech verb's subject, "according to
X", or the outlet), the state behind a speaker, and relayed claims ("the general told the
president that …")."""

from __future__ import annotations

from spacy.tokens import Span

from api.extract.claims.syntax import PRONOUNS, SUBJECT_DEPS, country_of_text, subject_phrase
from api.extract.claims.words import RELAY_NOUNS, SPEECH_VERBS


def attribution(sent: Span, source: str | None) -> tuple[str | None, str | None]:
    """Who says the sentence: the subject of its speech verb, 'according to X', or the outlet."""
    for token in sent:
        if token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB":
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


def speaker_state(sent: Span, known: dict[str, str]) -> str | None:
    """The state of whoever speaks the sentence, read from the whole subject of its speech
    verb with appositions ("Lars Dahl, a spokesman for Norway's army, said" → Norway), or
    from an earlier speaker with the same head noun ("the ministry said" after "Norway's
    defence ministry said"). `known` maps those head nouns to states and is updated."""
    for token in sent:
        if token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB":
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
