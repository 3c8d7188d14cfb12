"""The speaker index of one article: which token is inside a quote or names an actor, and
the actor mentions (subjects, sources, sentences) a pronoun may stand for."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from api.extract.marks import Marked
from api.extract.reporting import (
    SUBJ_DEPS,
    appositions,
    is_cue,
    subject_of,
)
from api.extract.speaker_words import gender_of
from api.extract.types import ExtractedActor

WINDOW_CHARS = 1500  # how far back a pronoun or a document may look for what it stands for


def _before_subjectless_verb(doc: Doc, end: int) -> bool:
    """The name stands right before a verb the parse gave no subject ("on Friday Adair
    indicated"): it is that verb's subject."""
    if end >= len(doc):
        return False
    verb = doc[end]
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "conj", "ccomp"):
        return False  # "forces fighting in the east": a participle, not a clause of its own
    return not any(c.dep_ in SUBJ_DEPS for c in verb.children)


@dataclass
class MentionRef:
    """An actor mention as the resolver needs it.

    `subject`: the mention is a grammatical subject (or the inverted subject of a cue verb);
    `source`: it names who speaks ("X said", "said X", "according to X"); `sent`: its sentence.
    """

    start: int
    key: str
    kind: str
    subject: bool
    source: bool = False
    sent: int = 0


class Index:
    """Per-document lookups: which token is inside a quote or an actor mention."""

    def __init__(self, doc: Doc, actors: list[ExtractedActor], marked: list[Marked]) -> None:
        self.doc = doc
        self.actors = {a.key: a for a in actors}
        self.marked = marked
        self.gender = {
            a.key: g for a in actors if a.kind == "person" and (g := gender_of(a)) is not None
        }
        n = len(doc)
        self.quote_of: list[int] = [-1] * n
        self.actor_of: list[str | None] = [None] * n
        for qi, q in enumerate(marked):
            last = q.close if q.close is not None else q.end
            for tok in self._tokens(q.open, last + 1):
                self.quote_of[tok.i] = qi
        self.sent_of: list[int] = [0] * n
        for si, sent in enumerate(doc.sents):  # one pass over the sentences of the Doc
            for k in range(sent.start, sent.end):
                self.sent_of[k] = si
        spans: list[tuple[str, str, int, int, int]] = []
        for a in actors:
            for m in a.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                for tok in span:
                    self.actor_of[tok.i] = a.key
                spans.append((a.key, a.kind, m.start, span.start, span.end))
        sources = self._source_tokens()
        self.mentions: list[MentionRef] = []
        for key, kind, start, s_tok, e_tok in spans:
            if self.quote_of[s_tok] >= 0:
                continue  # names inside quoted words are not antecedents outside them
            root = doc[s_tok:e_tok].root
            source = any(k in sources for k in range(s_tok, e_tok))
            subject = (
                source
                or root.dep_ in SUBJ_DEPS
                or (root.head.dep_ in SUBJ_DEPS and root.dep_ in ("appos", "compound", "poss"))
                or _before_subjectless_verb(doc, e_tok)
            )
            self.mentions.append(
                MentionRef(start, key, kind, subject, source, self.sent_of[root.i])
            )
        self.mentions.sort(key=lambda r: r.start)

    def _source_tokens(self) -> set[int]:
        """Tokens that name a speaker: the subject of a cue verb outside quotes (with the names
        in apposition to it) and the object of "according to"."""
        out: set[int] = set()
        for tok in self.doc:
            if self.quote_of[tok.i] >= 0:
                continue
            subj: Token | None = None
            if is_cue(tok):
                subj = subject_of(tok)
            elif tok.lower_ == "according" and tok.i + 1 < len(self.doc):
                subj = next((c for c in self.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if subj is None:
                continue
            out.add(subj.i)
            out.update(t.i for t in appositions(subj))
        return out

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def token_at(self, char: int) -> int:
        """Index of the first token that starts at or after `char` (len(doc) if none)."""
        lo, hi = 0, len(self.doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.doc[mid].idx < char:
                lo = mid + 1
            else:
                hi = mid
        return lo
