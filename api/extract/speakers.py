"""Speakers: who a reporting verb's subject is, as an actor of the article.

Names resolve through the actors' mentions; "he"/"she" to the last person who was a subject
(preferring the one who speaks in that sentence: "According to X, Y is …. “…,” he said" → X);
"it"/"they" to the last organisation or state; role nouns ("the spokesman") through the
actors' titles; documents ("a statement by the union", "released a statement saying") to
whoever issued them; "the statement" to the speaker before.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from api.extract.doc_cache import text_of
from api.extract.documents import Documents
from api.extract.given_names import Gender
from api.extract.reporting import (
    DOCUMENT_NOUNS,
    SENT_END,
    SUBJ_DEPS,
    appositions,
    phrase,
)
from api.extract.speaker_index import WINDOW_CHARS, Index, MentionRef
from api.extract.speaker_words import (
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPELLINGS,
    THING_PRONOUNS,
    institution_kinds,
    is_person_noun,
    noun_gender,
    speaks_for,
)

# Links inside a role's noun phrase that may lead to the person holding it ("professor and
# author X", "Governor of Washington X"); clauses and other prepositions are not followed.
ROLE_PHRASE_DEPS = frozenset({"compound", "conj", "appos", "flat", "pobj", "prep", "nmod"})


class Resolver:
    """Maps a speaker token to an actor key, using what came before it."""

    def __init__(self, ix: Index) -> None:
        self.ix = ix
        self.last_speaker: str | None = None
        # actors the quote being attributed names in the third person: not its speaker by a
        # pronoun ("He said, “Lena Marsh was …”" is not Marsh speaking)
        self.named_in_quote: frozenset[str] = frozenset()
        self.documents = Documents(self)

    def actor_in(self, tok: Token) -> str | None:
        """The actor named by the token or its noun phrase: an appositive person first
        ("Colombia's chief …, Rodrigo Llanes"), then the head, then its modifiers ("the Records
        Office letter")."""
        ix = self.ix
        for child in tok.children:
            if child.dep_ == "appos":
                key = ix.actor_of[child.i]
                if key and ix.actors[key].kind == "person":
                    return key
        if ix.actor_of[tok.i]:
            return ix.actor_of[tok.i]
        if tok.pos_ == "NOUN":  # "the general secretary of the union Marl, Bram Weller"
            for app in appositions(tok):
                key = ix.actor_of[app.i]
                if key and ix.actors[key].kind == "person":
                    return key
        named = (
            self.person_in_role_phrase(tok)
            or self.institution_of(tok)
            or self.named_before_role(tok)
        )
        if named is not None:
            return named
        for child in tok.lefts:
            key = ix.actor_of[child.i]
            if child.dep_ not in ("compound", "poss", "amod") or key is None:
                continue
            if ix.actors[key].kind == "person" and is_person_noun(tok.lemma_.lower()):
                return None  # "Marsh's spokesman", "Kessel's son": someone else, unnamed
            if not speaks_for(tok):
                return None  # "Ana Ferris's fever", "the region's ozone": a thing, not a voice
            return key
        for child in tok.children:
            if child.dep_ == "appos" and ix.actor_of[child.i]:
                return ix.actor_of[child.i]
        return None

    def named_between(self, start: int, end: int) -> frozenset[str]:
        """The actors with a mention between char `start` and `end`."""
        ix = self.ix
        first, last = ix.token_at(start), ix.token_at(end)
        return frozenset(k for k in ix.actor_of[first:last] if k is not None)

    def named_before_role(self, role: Token) -> str | None:
        """A person named right before an indefinite role in apposition, however the parse
        hangs it: "Nura Halane, another resident said" → Nura Halane."""
        if role.pos_ != "NOUN" or not any(c.lower_ in ("a", "an", "another") for c in role.lefts):
            return None
        start = min(t.i for t in role.subtree if t.i <= role.i)
        if start < 2 or self.ix.doc[start - 1].text != ",":
            return None
        key = self.ix.actor_of[start - 2]
        return key if key is not None and self.ix.actors[key].kind == "person" else None

    def institution_of(self, part: Token) -> str | None:
        """The institution a part of it speaks for: "the armed wing of the movement", "the
        press office of the ministry" (an institution noun followed by "of" and an actor that
        is no person)."""
        if part.lemma_.lower() not in institution_kinds():
            return None
        for prep in part.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    key = self.ix.actor_of[obj.i] if obj.dep_ == "pobj" else None
                    if key is not None and self.ix.actors[key].kind != "person":
                        return key
        return None

    def person_in_role_phrase(self, role: Token) -> str | None:
        """A person named inside a speaker's role phrase, however the parse hangs the name:
        "Canadian historian and professor Idris Kaltenbrunner", "Governor of Vermont Ellen Collins".
        An "of" phrase counts only where a place or institution comes before the name in it
        ("of Vermont Ellen Collins"), not "the father of Ana Berg" (someone else)."""
        if role.pos_ not in ("NOUN", "ADJ", "PROPN") or self.ix.actor_of[role.i] is not None:
            return None
        if role.dep_ not in SUBJ_DEPS and not is_person_noun(role.lemma_.lower()):
            return None
        stack = [c for c in role.children if c.dep_ in ROLE_PHRASE_DEPS]
        while stack:
            cur = stack.pop()
            key = self.ix.actor_of[cur.i]
            if key is not None and self.ix.actors[key].kind == "person":
                if cur.dep_ != "pobj" or any(
                    t.ent_type_ in ("GPE", "ORG", "NORP") for t in cur.lefts
                ):
                    return key
                continue
            stack.extend(c for c in cur.children if c.dep_ in ROLE_PHRASE_DEPS)
        return None

    def antecedent(self, before: int, person: bool, gender: Gender | None = None) -> str | None:
        """The actor a pronoun at `before` stands for: one named earlier in its own paragraph
        first (a paragraph that introduces a person goes on about them: "Deputy director …
        Tobias Rehnquist Lund was sentenced … He interrupted the judge … He said"), else
        the last compatible actor before it (`nearest`)."""
        text = text_of(self.ix.doc)
        para_start = text.rfind("\n", 0, before) + 1
        own = self.nearest(before, person, gender, floor=para_start)
        return own if own is not None else self.nearest(before, person, gender)

    def nearest(
        self, before: int, person: bool, gender: Gender | None = None, floor: int = 0
    ) -> str | None:
        """The last compatible actor before `before`: a subject if one is near, else any.
        A person must agree with the pronoun's gender where the article tells it ("Ms",
        "Mr", a known given name): "she" never goes to Mr Berg.

        A speaking pronoun prefers a speaker: in the sentence of the nearest subject, the one
        who speaks ("according to X, Y is …", "X said Y was …") wins over the other subjects.
        """
        fallback: str | None = None
        found: MentionRef | None = None
        for ref in reversed(self.ix.mentions):
            if ref.start >= before:
                continue
            if ref.start < floor:
                break
            if found is not None and ref.sent != found.sent:
                break
            if before - ref.start > WINDOW_CHARS and fallback is not None:
                break
            if (ref.kind == "person") != person:
                continue
            if ref.key in self.named_in_quote:
                continue
            if gender is not None and self.ix.gender.get(ref.key, gender) != gender:
                continue
            if found is not None:
                if ref.source:
                    return ref.key
                continue
            if ref.subject:
                if ref.source:
                    return ref.key
                found = ref
                continue
            if fallback is None:
                fallback = ref.key
        return found.key if found is not None else fallback

    def subjects_before(self, pronoun: Token) -> Iterator[Token]:
        """The subjects outside quotes before a pronoun in its paragraph, nearest first (other
        pronouns skipped)."""
        doc, ix = self.ix.doc, self.ix
        for k in range(pronoun.i - 1, -1, -1):
            tok = doc[k]
            if tok.text == "\n" or pronoun.idx - tok.idx > WINDOW_CHARS:
                return
            if ix.quote_of[k] < 0 and tok.dep_ in SUBJ_DEPS and tok.pos_ != "PRON":
                yield tok

    def relative(self, pronoun: Token) -> tuple[str | None, str]:
        """Who "who"/"which" stands for: the actor named right before it ("rejected by Ana
        Berg who said", however the parse hangs the clause), else the noun its clause
        modifies ("a statement which read" → the statement's issuer)."""
        before = pronoun.i - 1
        if before >= 0 and self.ix.doc[before].text == ",":
            before -= 1
        key = self.ix.actor_of[before] if before >= 0 else None
        if key is not None and pronoun.lower_ == "who" and self.ix.actors[key].kind != "person":
            # "Terence Vail, an expert from the Harbour Institute, who said": the person
            person = self.person_before(pronoun)
            key, before = (person, before) if person is None else person
        if key is not None:
            return key, self.ix.doc[before].text
        noun = pronoun.head.head
        if noun.i == pronoun.i:
            return None, pronoun.text
        return self.resolve(noun)

    def person_before(self, pronoun: Token) -> tuple[str, int] | None:
        """The nearest person named before a relative pronoun in its sentence, with the index
        of the token that names them."""
        ix = self.ix
        for k in range(pronoun.i - 1, max(pronoun.i - 16, -1), -1):
            if ix.doc[k].text in SENT_END or ix.quote_of[k] >= 0:
                return None
            key = ix.actor_of[k]
            if key is not None and ix.actors[key].kind == "person":
                return key, k
        return None

    def by_phrase(self, tok: Token) -> str | None:
        """A multi-word name the tagger split or spelt differently: the person actor sharing
        at least two of its words ("Ana Liesel Voss" → "Ana Liesel Vos")."""
        words = {t.lower_ for t in tok.lefts if t.dep_ in ("compound", "flat")} | {tok.lower_}
        if len(words) < 2:
            return None
        best: tuple[int, str] | None = None
        for actor in self.ix.actors.values():
            if actor.kind != "person":
                continue
            shared = len(words & set(actor.name.lower().split()))
            if shared >= 2 and (best is None or shared > best[0]):
                best = (shared, actor.key)
        return best[1] if best else None

    def by_role(self, noun: Token, before: int) -> str | None:
        """ "the spokesman" → the last actor titled spokesman (an "ex-" or "former" aside);
        "the ministry" → "defence ministry"; "the organization" → the last organisation named
        (data/institution_nouns.tsv says which kinds each such noun stands for)."""
        if any(c.lower_ in ("a", "an", "another") for c in noun.lefts):
            return None  # "another resident": someone new, not the resident named before
        words = {noun.lemma_.lower(), noun.lower_, noun.lower_.removeprefix("ex-")}
        words |= {SPELLINGS.get(w, w) for w in words}  # "the centre" for a "… Center"
        best: tuple[int, str] | None = None
        for ref in self.ix.mentions:
            if ref.start >= before:
                break
            actor = self.ix.actors[ref.key]
            titled = any(words & set(t.lower().split()) for t in actor.titles)
            named = actor.kind != "person" and actor.name.lower().split()[-1] in words
            if titled or named:
                best = (ref.start, ref.key)
        if best is not None:
            return best[1]
        kinds = institution_kinds().get(noun.lemma_.lower())
        if kinds is None:
            return None
        for ref in reversed(self.ix.mentions):
            if ref.start < before and ref.kind in kinds and before - ref.start <= WINDOW_CHARS:
                return ref.key
        return None

    def unnamed_subject(self, pronoun: Token) -> Token | None:
        """A person the article does not name, standing as the nearest subject before a
        pronoun in its paragraph: "One of the victims … recalled the attack. “…,” he said"."""
        ix = self.ix
        for tok in self.subjects_before(pronoun):
            if ix.actor_of[tok.i] is not None or (tok.pos_ != "NOUN" and tok.lower_ != "one"):
                return None
            head = tok
            if tok.lower_ == "one":  # "one of the victims"
                of = next((c for c in tok.children if c.lower_ == "of"), None)
                head = next((c for c in of.children if c.dep_ == "pobj"), tok) if of else tok
            if not is_person_noun(head.lemma_.lower()):
                return None
            if noun_gender(head.lemma_.lower()) not in (None, PERSON_PRONOUNS.get(pronoun.lower_)):
                continue  # "Her son begged her to leave. “…,” she said": not the son
            named = self.actor_in(tok) or self.by_role(head, tok.idx)
            in_phrase = any(  # "Former chief of the river police Tobias Lund was …"
                (key := ix.actor_of[t.i]) is not None and ix.actors[key].kind == "person"
                for t in tok.subtree
            )
            return None if named is not None or in_phrase else tok
        return None

    def by_name(self, tok: Token) -> str | None:
        """A name the entity tagger missed: "Olga Marsh" → the actor "Marsh" (same surname)."""
        word = tok.text.lower()
        for actor in self.ix.actors.values():
            names = [actor.name, *actor.aliases]
            if any(n.lower().split()[-1] == word for n in names if n):
                return actor.key
        return None

    def resolve(self, tok: Token) -> tuple[str | None, str]:
        """(actor key or None, speaker words) for a speaker token."""
        key = self.by_phrase(tok) if tok.pos_ == "PROPN" else None
        key = key or self.actor_in(tok)
        if key:
            return key, tok.text if self.ix.actor_of[tok.i] else phrase(tok)
        low = tok.lower_
        if low in RELATIVE_PRONOUNS and tok.head.dep_ in ("relcl", "acl"):
            return self.relative(tok)
        if low in PERSON_PRONOUNS:
            if self.unnamed_subject(tok) is not None:
                return None, tok.text
            gender = PERSON_PRONOUNS[low]
            key = self.antecedent(tok.idx, True, gender)
            if key is not None:
                self.ix.gender.setdefault(key, gender)  # "she" told us: later "he" is not her
            return key, tok.text
        if low == "it" and tok.dep_ in ("nsubjpass", "expl"):
            return None, tok.text  # "It is noted that “…”": nobody
        if low in THING_PRONOUNS:
            document = self.documents.subject_before(tok)
            if document is not None:
                return self.documents.speaker(document), tok.text
            return self.antecedent(tok.idx, person=False), tok.text
        if tok.pos_ == "PRON":
            return None, tok.text
        if tok.pos_ == "PROPN" and any(c.lower_ == "the" for c in tok.lefts):
            key = self.by_role(tok, tok.idx)  # "the Vermont Democrat said"
            if key is not None:
                return key, phrase(tok)
        if tok.pos_ == "PROPN" or tok.text[:1].isupper():
            # a name the tagger missed, or tagged as a common noun ("Fitzroy told")
            key = self.by_phrase(tok) or self.by_name(tok)
            if key is not None or tok.pos_ == "PROPN":
                return key, phrase(tok)
        if tok.lemma_.lower() in DOCUMENT_NOUNS:
            return self.documents.speaker(tok), phrase(tok)
        if tok.pos_ == "NOUN" and speaks_for(tok):
            author = self.documents.author_of(tok)  # "his responses described it as “…”"
            if author is not None:
                return author[1], phrase(tok)
        if tok.pos_ == "NOUN":
            return self.by_role(tok, tok.idx), phrase(tok)
        return None, phrase(tok)
