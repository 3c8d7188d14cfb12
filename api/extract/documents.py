"""Documents as speakers: who issued a statement, letter, ruling or post ("a statement by
the union", "released a statement saying", "the ruling reads" after "the judge's ruling"), and
who wrote what someone owns or authored ("his remarks", "a post by him"). A joint statement
has no single speaker; "a leaked letter" whose author is not told is nobody's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from api.extract.lexicon import word_list
from api.extract.reporting import (
    DOCUMENT_NOUNS,
    subject_of,
)
from api.extract.speaker_index import WINDOW_CHARS
from api.extract.speaker_words import (
    OWNER_PRONOUNS,
    RELATIVE_PRONOUNS,
    is_person_noun,
)

if TYPE_CHECKING:
    from api.extract.speakers import Resolver

# Verbs by which a document reaches a third party: "a letter seen by X" was not written by X.
ACCESS_VERBS = word_list("document_access_verbs.txt")


class Documents:
    """The document questions a speaker resolver asks, answered over its article."""

    def __init__(self, res: Resolver) -> None:
        self.res = res
        self.ix = res.ix

    def speaker(self, noun: Token) -> str | None:
        """The issuer of a document: "a statement by the union given by spokesman Voss" → Voss;
        "the ministry's letter" → the ministry; "released a statement" → who released it; a
        joint statement has no single speaker; "the statement" → the issuer of the document
        named last before it ("an official release from the union … read the statement");
        else the speaker of the quote before. "A letter" whose author is not told is nobody's."""
        known, key = self.issuer(noun)
        if known:
            return key
        if any(c.lower_ in ("a", "an") for c in noun.lefts):
            return None  # "a leaked letter": a new document whose author is not told
        for earlier in self.before(noun.i):
            known, key = self.issuer(earlier)
            if known:
                return key
        return self.res.last_speaker

    def issuer(self, noun: Token) -> tuple[bool, str | None]:
        """(whether the document's issuer is told, who): told by an actor inside its phrase,
        by the subject of the verb that issues it, or as nobody single (a joint statement)."""
        ix = self.ix
        if any(c.lower_ == "joint" for c in noun.lefts):
            return True, None
        found: list[str] = []
        stack = list(noun.children)
        while stack:
            cur = stack.pop()
            if cur.dep_ in ("relcl", "ccomp") or (
                cur.pos_ == "VERB" and cur.lemma_.lower() in ACCESS_VERBS
            ):
                continue
            if cur.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children
            ):
                continue  # "a resolution to endorse the movement": what it says, not its author
            key = ix.actor_of[cur.i]
            if key:
                found.append(key)
            stack.extend(cur.children)
        people = [k for k in found if ix.actors[k].kind == "person"]
        if people or found:
            return True, (people or found)[0]
        author = self.author_of(noun)
        if author is not None:
            return author
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ in ("in", "through", "via"):
            verb = verb.head  # "said in a statement": whoever said it issued it
        if (noun.dep_ == "dobj" or verb is not noun.head) and verb.pos_ == "VERB":
            issuer = subject_of(verb, inverted_ok=False)
            if issuer is not None and issuer.i != noun.i and issuer.lower_ not in RELATIVE_PRONOUNS:
                key, _ = self.res.resolve(issuer)
                if key:
                    return True, key
        return False, None

    def author_of(self, noun: Token) -> tuple[bool, str | None] | None:
        """Who a document or remark is "by" or "from", or whose it is, when a pronoun or an
        unnamed person tells it: "one post by him" → his antecedent; "his responses" →
        his antecedent; "the post by an unknown author" → nobody named."""
        for child in noun.children:
            owner = None
            if child.dep_ == "poss" and child.pos_ == "PRON":
                owner = child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                owner = next((c for c in child.children if c.dep_ == "pobj"), None)
            if owner is None:
                continue
            named = self.ix.actor_of[owner.i]
            if named is not None:
                return True, named  # "a warning by the Tsunami Center"
            if owner.lower_ in OWNER_PRONOUNS:
                return True, self.res.antecedent(owner.idx, True, OWNER_PRONOUNS[owner.lower_])
            if owner.pos_ == "NOUN" and is_person_noun(owner.lemma_.lower()):
                return True, None
        return None

    def before(self, i: int) -> list[Token]:
        """Document nouns outside quotes before token `i`, nearest first, within the window."""
        doc, ix = self.ix.doc, self.ix
        floor = doc[i].idx - WINDOW_CHARS
        return [
            doc[k]
            for k in range(i - 1, -1, -1)
            if doc[k].idx >= floor
            and ix.quote_of[k] < 0
            and doc[k].pos_ == "NOUN"
            and doc[k].lemma_.lower() in DOCUMENT_NOUNS
        ]

    def subject_before(self, pronoun: Token) -> Token | None:
        """A document that "it" stands for: the nearest subject before the pronoun, in its
        paragraph, when that subject is a document ("the joint statement said: “…” It also
        set a target: “…”")."""
        tok = next(self.res.subjects_before(pronoun), None)
        return tok if tok is not None and tok.lemma_.lower() in DOCUMENT_NOUNS else None
