"""Grammar the claims stage reads everywhere: subjects, the phrase a subject heads, the state
a phrase names."""

from __future__ import annotations

from spacy.tokens import Token

from api.extract.doc_cache import text_of
from api.extract.states import load_states

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


PRONOUNS = frozenset({"it", "he", "she", "they", "which", "who", "we", "i"})


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
        if node.dep_ == "acl" and node.head.dep_ == "dobj" and node.head.head is not node.head:
            node = node.head.head  # "units received the order to leave": the units leave
        elif (
            node.dep_ in {"xcomp", "conj", "ccomp", "advcl", "pcomp", "prep", "pobj", "dobj"}
            and node.head is not node
        ):
            node = node.head
        else:
            return None
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


def prep_object(t: Token, preposition: str) -> Token | None:
    """The object of the first `preposition` attached to `t`: ("fell to the army", "to") →
    "army"; None without one."""
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ == preposition:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def phrase_state(token: Token | None) -> str | None:
    """The state the phrase a token heads names ("Norwegian authorities" → Norway)."""
    return None if token is None else country_of_text(" ".join(w.text for w in token.subtree))
