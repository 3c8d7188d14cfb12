"""Stage 3: quotes — who said what.

Direct quotes are found by pairing quotation marks paragraph by paragraph (a stray mark only
spoils its own paragraph), then attributed by the reporting verb next to them:

    “…,” Sorokin said.       after:  cue and speaker follow the closing mark
    Marsh said: “…”          before: cue and speaker precede the opening mark
    “…,” he said, “…”        middle: both halves take the cue between them
    “…” (new paragraph)      continuation: inherits the previous quote's speaker

Speakers are resolved to actor keys: names through the actors' mentions, "he"/"she" to the
last person who was a subject, "it" to the last organisation or state, role nouns ("the
spokesman") through the actors' titles, "the statement" to the previous quote's speaker.
Unnamed sources ("said the officer") keep their words in `speaker_text` with no speaker.
Reported speech ("Sorokin said Berg would attend") is emitted as `indirect`.

Also: "quoted Berg as saying" (the one quoted speaks); documents as speakers ("a statement by
the union", "released a statement saying", a joint statement has no single speaker, "a letter
seen by" an outlet is not the outlet's); names in apposition to a role ("said the head of the
union, Bram Weller"); a pronoun prefers the one who speaks in the sentence of its antecedent
("According to X, Y is …. “…,” he said" → X); lower-case fragments woven into the reporter's
sentence are `partial`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from api.extract.doc_cache import text_of
from api.extract.lexicon import word_list
from api.extract.types import ExtractedActor, ExtractedQuote, QuoteKind

OPEN_MARKS = frozenset("“„«")
CLOSE_MARKS = frozenset("”»")
STRAIGHT = '"'
SENT_END = frozenset({".", "!", "?"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it", "they"})
# Words that show a quote is the speaker's own voice, not a phrase borrowed by the reporter.
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
# Nouns for documents and channels: their "speaker" is whoever issued them.
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "letter",
        "report",
        "document",
        "communique",
        "release",
        "post",
        "message",
        "note",
        "memo",
        "announcement",
        "bulletin",
        "update",
        "tweet",
        "notice",
        "briefing",
    }
)
# "quoted X as saying", "cited X as saying": the object is the speaker.
QUOTING_VERBS = frozenset({"quote", "cite"})
# Verbs by which a document reaches a third party: "a letter seen by X" was not written by X.
ACCESS_VERBS = frozenset({"see", "obtain", "review", "leak", "receive", "read", "publish"})
CLAUSE_LINKS = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp", "prep"})
PARTIAL_MAX_WORDS = 5  # an embedded quote longer than this with a verb is a clause, not a phrase
WINDOW_CHARS = 1500  # how far back a pronoun may look for its antecedent


def load_verbs() -> frozenset[str]:
    """Reporting-verb lemmas from data/reporting_verbs.txt ("say", "tell", "add", ...)."""
    return word_list("reporting_verbs.txt")


@dataclass
class Marked:
    """Words between one pair of marks: `start:end` is the text, `open`/`close` the mark offsets."""

    start: int
    end: int
    open: int
    close: int | None  # None: the quote runs to the end of the paragraph (continued later)
    para: int


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


@dataclass
class Attribution:
    speaker: str | None
    text: str | None
    cue: str | None
    confidence: float


# ---------------------------------------------------------------- marks


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of each non-empty line: the body separates paragraphs by newlines."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def pair_marks(text: str, start: int, end: int, para: int) -> list[Marked]:
    """Pair the quotation marks of one paragraph.

    Curly marks say which way they face; a straight mark opens when nothing is open and closes
    otherwise. Apostrophes (Norwegians', troops') are never marks. A mark left open at the end
    of the paragraph makes a quote that runs to the paragraph's end (news style for a quote
    continued in the next paragraph).
    """
    out: list[Marked] = []
    opened: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_MARKS or (ch == STRAIGHT and opened is None):
            opened = i  # a second opener replaces an unclosed one: the first was a stray
        elif (ch in CLOSE_MARKS or ch == STRAIGHT) and opened is not None:
            span = _trim(text, opened + 1, i)
            if span:
                out.append(Marked(span[0], span[1], opened, i, para))
            opened = None
    if opened is not None:
        span = _trim(text, opened + 1, end)
        if span:
            out.append(Marked(span[0], span[1], opened, None, para))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop edge spaces and a trailing comma: “settlement,” → "settlement"."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


# ---------------------------------------------------------------- document index


class Index:
    """Per-document lookups: which token is inside a quote or an actor mention."""

    def __init__(self, doc: Doc, actors: list[ExtractedActor], marked: list[Marked]) -> None:
        self.doc = doc
        self.actors = {a.key: a for a in actors}
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
            subject = source or (
                root.dep_ in SUBJ_DEPS
                or (root.head.dep_ in SUBJ_DEPS and root.dep_ in ("appos", "compound", "poss"))
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
            if _is_cue(tok):
                subj = _subject_of(tok)
            elif tok.lower_ == "according" and tok.i + 1 < len(self.doc):
                subj = next((c for c in self.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if subj is None:
                continue
            out.add(subj.i)
            out.update(t.i for t in _appositions(subj))
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


# ---------------------------------------------------------------- attribution


def _is_cue(tok: Token) -> bool:
    """A reporting verb: "said", "told", "added", "insisted" (not the noun "reports")."""
    if tok.lemma_.lower() not in load_verbs() and tok.lower_ not in ("said", "says"):
        return False
    if tok.text[:1].isupper() and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "PROPN":
        return False  # a capitalised word inside a name ("Ali Said Rostami"), not a verb
    return tok.tag_.startswith("VB") or tok.lower_ in ("said", "says")


def _after_segment(ix: Index, q: Marked, para_end: int) -> list[Token]:
    """Tokens after the closing mark up to the sentence end or the next quote.

    “…,” Sorokin said Tuesday. → [",", "Sorokin", "said", "Tuesday"]
    """
    if q.close is None:
        return []
    out: list[Token] = []
    i = ix.token_at(q.close + 1)
    while i < len(ix.doc) and ix.doc[i].idx < para_end:
        tok = ix.doc[i]
        if ix.quote_of[i] >= 0 or tok.text in SENT_END or tok.text in OPEN_MARKS | {STRAIGHT}:
            break
        out.append(tok)
        i += 1
    return out


def _before_segment(ix: Index, q: Marked, para_start: int, skip_quotes: bool) -> list[Token]:
    """Tokens before the opening mark back to the sentence start (or the previous quote).

    Marsh said: “…” → ["Marsh", "said", ":"]. With `skip_quotes`, earlier quotes in the
    sentence are stepped over: Okafor told Nordpost every plan “…”: “…” reaches "told".
    """
    out: list[Token] = []
    i = ix.token_at(q.open) - 1
    while i >= 0 and ix.doc[i].idx >= para_start:
        tok = ix.doc[i]
        if ix.quote_of[i] >= 0:
            if not skip_quotes:
                break
            i -= 1
            continue
        if tok.text in SENT_END:
            break
        out.append(tok)
        i -= 1
    out.reverse()
    return out


def _subject_of(verb: Token, inverted_ok: bool = True) -> Token | None:
    """Who does the reporting verb: its nearest subject, the subject of the verb it hangs on,
    or an inverted subject right after it ("said Lindqvist", "added the engineer")."""
    quoted = _quoted_source(verb)
    if quoted is not None:
        return quoted
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
        return verb.head  # "a statement saying …": the statement's issuer speaks
    subjects = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    subjects.sort(key=lambda c: abs(c.i - verb.i))
    if subjects:
        return subjects[0]
    head = verb
    for _ in range(4):  # "refused to comment but said", "defended … whilst promising"
        if head.dep_ not in CLAUSE_LINKS or head.head is head:
            break
        head = head.head
        for child in head.children:
            if child.dep_ in SUBJ_DEPS:
                return child
    if not inverted_ok:
        return None
    for child in verb.rights:
        if (
            child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd", "dative")
            and child.pos_ in ("PROPN", "NOUN")
            and child.i <= verb.i + 3
        ):
            return child
    return None


def _quoted_source(verb: Token) -> Token | None:
    """ "The agency quoted Kellner as saying" / "Kellner was quoted as saying" → "Kellner":
    the one quoted speaks, not the one who quotes."""
    if verb.head.lower_ == "as" and verb.dep_ in ("pcomp", "advcl", "pobj"):
        verb = verb.head.head
    if verb.lemma_.lower() not in QUOTING_VERBS:
        return None
    if not any(c.lower_ == "as" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    return None


def _appositions(tok: Token) -> list[Token]:
    """Names in apposition anywhere in a speaker's phrase: "the head of the union Marl, Bram
    Weller" → [Weller] (relative clauses are not searched)."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ not in ("relcl", "acl", "ccomp")]
    while stack:
        cur = stack.pop()
        if cur.dep_ == "appos":
            out.append(cur)
        stack.extend(c for c in cur.children if c.dep_ not in ("relcl", "acl", "ccomp"))
    out.sort(key=lambda t: t.i)
    return out


def _according_to(segment: list[Token]) -> Token | None:
    """ "according to Nordpost" → the token "Nordpost"."""
    for tok in segment:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to":
            for child in tok.doc[tok.i + 1].children:
                if child.dep_ == "pobj":
                    return child
            if tok.i + 2 < len(tok.doc):
                return tok.doc[tok.i + 2]
    return None


def _phrase(tok: Token) -> str:
    """The words naming a speaker: "the engineer" from "the engineer, who was ..."."""
    left = [t for t in tok.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nummod")]
    start = left[0].i if left else tok.i
    return tok.doc[start : tok.i + 1].text


class Resolver:
    """Maps a speaker token to an actor key, using what came before it."""

    def __init__(self, ix: Index) -> None:
        self.ix = ix
        self.last_speaker: str | None = None

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
            for app in _appositions(tok):
                key = ix.actor_of[app.i]
                if key and ix.actors[key].kind == "person":
                    return key
        for child in tok.lefts:
            if child.dep_ in ("compound", "poss", "amod") and ix.actor_of[child.i]:
                return ix.actor_of[child.i]
        for child in tok.children:
            if child.dep_ == "appos" and ix.actor_of[child.i]:
                return ix.actor_of[child.i]
        return None

    def antecedent(self, before: int, person: bool) -> str | None:
        """The last compatible actor before `before`: a subject if one is near, else any.

        A speaking pronoun prefers a speaker: in the sentence of the nearest subject, the one
        who speaks ("according to X, Y is …", "X said Y was …") wins over the other subjects.
        """
        fallback: str | None = None
        found: MentionRef | None = None
        for ref in reversed(self.ix.mentions):
            if ref.start >= before:
                continue
            if found is not None and ref.sent != found.sent:
                break
            if before - ref.start > WINDOW_CHARS and fallback is not None:
                break
            if (ref.kind == "person") != person:
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

    def by_document(self, noun: Token) -> str | None:
        """The issuer of a document: "a statement by the union given by spokesman Voss" → Voss;
        "the ministry's letter" → the ministry; "released a statement" → who released it; a
        joint statement has no single speaker; else the speaker of the quote before."""
        ix = self.ix
        if any(c.lower_ == "joint" for c in noun.lefts):
            return None
        found: list[str] = []
        stack = list(noun.children)
        while stack:
            cur = stack.pop()
            if cur.dep_ in ("relcl", "ccomp") or (
                cur.pos_ == "VERB" and cur.lemma_.lower() in ACCESS_VERBS
            ):
                continue
            key = ix.actor_of[cur.i]
            if key:
                found.append(key)
            stack.extend(cur.children)
        people = [k for k in found if ix.actors[k].kind == "person"]
        if people or found:
            return (people or found)[0]
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            issuer = _subject_of(noun.head, inverted_ok=False)
            if issuer is not None and issuer.i != noun.i:
                key, _ = self.resolve(issuer)
                if key:
                    return key
        return self.last_speaker

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
        """ "the spokesman" → the last actor titled spokesman; "the ministry" → "defence
        ministry"."""
        word = noun.lemma_.lower()
        word_form = noun.lower_
        best: tuple[int, str] | None = None
        for ref in self.ix.mentions:
            if ref.start >= before:
                break
            actor = self.ix.actors[ref.key]
            titled = any({word, word_form} & set(t.lower().split()) for t in actor.titles)
            named = actor.kind != "person" and actor.name.lower().split()[-1] in (word, word_form)
            if titled or named:
                best = (ref.start, ref.key)
        return best[1] if best else None

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
            return key, tok.text if self.ix.actor_of[tok.i] else _phrase(tok)
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            return self.antecedent(tok.idx, person=True), tok.text
        if low in THING_PRONOUNS:
            return self.antecedent(tok.idx, person=False), tok.text
        if tok.pos_ == "PRON":
            return None, tok.text
        if tok.pos_ == "PROPN":
            return self.by_phrase(tok) or self.by_name(tok), _phrase(tok)
        if tok.lemma_.lower() in DOCUMENT_NOUNS:
            return self.by_document(tok), _phrase(tok)
        if tok.pos_ == "NOUN":
            return self.by_role(tok, tok.idx), _phrase(tok)
        return None, _phrase(tok)


def _cue_in(segment: list[Token], last: bool) -> Token | None:
    """The reporting verb of a segment: the first after a quote, the last before one."""
    cues = [t for t in segment if _is_cue(t)]
    if not cues:
        return None
    return cues[-1] if last else cues[0]


def _attribute_with(
    res: Resolver, cue: Token | None, segment: list[Token], inverted_ok: bool = True
) -> Attribution | None:
    """Speaker from a cue verb, or from "according to X" in the segment."""
    if cue is not None:
        subj = _subject_of(cue, inverted_ok)
        if subj is None:
            subj = _adjacent_name(res.ix, cue, segment)
        if subj is not None:
            key, text = res.resolve(subj)
            return Attribution(key, text, cue.lemma_.lower(), 0.9 if key else 0.6)
        return Attribution(None, None, cue.lemma_.lower(), 0.3)
    src = _according_to(segment)
    if src is not None:
        key, text = res.resolve(src)
        return Attribution(key, text, "according to", 0.8 if key else 0.5)
    return None


def _adjacent_name(ix: Index, cue: Token, segment: list[Token]) -> Token | None:
    """When the parse gives no subject: a name or pronoun right next to the verb."""
    pos = [t.i for t in segment]
    for i in (cue.i + 1, cue.i - 1, cue.i + 2, cue.i - 2):
        if i in pos:
            tok = ix.doc[i]
            if ix.actor_of[i] or tok.pos_ in ("PROPN", "PRON"):
                return tok
    return None


def _ends_attribution(segment: list[Token]) -> bool:
    """The before-segment leads straight into the quote: "said:" / "said," / "told Nordpost:" /
    a cue verb right before the mark ("says “…”", "saying “…”")."""
    if not segment:
        return False
    return segment[-1].text in (":", ",") or _is_cue(segment[-1])


def _direct_or_partial(
    text: str, q: Marked, ix: Index, before: list[Token], after: list[Token], para_start: int
) -> QuoteKind:
    """`direct` for a quoted clause, `partial` for a few borrowed words in the reporter's sentence.

    “The port will … next week,” Sorokin said → direct; called the offer “a start” → partial;
    the plan was “a betrayal of every voter,” Sorokin said → partial (the quote opens in lower
    case inside the reporter's own clause and carries no first-person words).
    """
    words = text.split()
    doc_text = text_of(ix.doc)
    raw_end = q.close if q.close is not None else q.end
    ends_clause = doc_text[raw_end - 1] in ",.!?" if raw_end > q.start else False
    prev = doc_text[para_start : q.open].rstrip()
    at_start = not prev or prev[-1] in ".!?:"
    if q.close is None or at_start:
        return "direct"
    inner = ix._tokens(q.start, q.end)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in inner)
    own_words = any(t.lower_ in FIRST_PERSON for t in inner)
    lead_in = _ends_attribution(before) and (
        _cue_in(before, last=True) is not None or _according_to(before) is not None
    )
    if text[:1].islower() and not lead_in and not own_words:
        return "partial"  # a fragment woven into the reporter's sentence
    after_attr = bool(after) and after[0].text in (",", "”")
    after_attr = after_attr and _cue_in(after, last=False) is not None
    if ends_clause and (after_attr or (len(words) > 2 and has_verb)):
        return "direct"
    if after_attr and len(words) > 3:
        return "direct"
    cue_right_before = any(_is_cue(t) for t in before[-3:]) or (before and before[-1].text == ",")
    if cue_right_before and len(words) >= 3 and (has_verb or len(words) > PARTIAL_MAX_WORDS):
        return "direct"
    if len(words) > PARTIAL_MAX_WORDS * 2 and has_verb:
        return "direct"
    return "partial"


def find_quotes(doc: Doc, actors: list[ExtractedActor]) -> list[ExtractedQuote]:
    """Direct and partial quotes in text order, then indirect (reported) speech."""
    text = text_of(doc)
    paras = paragraphs(text)
    marked: list[Marked] = []
    for pi, (ps, pe) in enumerate(paras):
        marked += pair_marks(text, ps, pe, pi)
    ix = Index(doc, actors, marked)
    res = Resolver(ix)
    out: list[ExtractedQuote] = []
    prev: tuple[Marked, Attribution] | None = None
    for q in marked:
        ps, pe = paras[q.para]
        before = _before_segment(ix, q, ps, skip_quotes=False)
        after = _after_segment(ix, q, pe)
        attr = _attribute(res, q, before, after, ps, prev)
        kind = _direct_or_partial(text[q.start : q.end], q, ix, before, after, ps)
        out.append(
            ExtractedQuote(
                text=text[q.start : q.end],
                kind=kind,
                start=q.start,
                end=q.end,
                speaker=attr.speaker,
                speaker_text=attr.text,
                cue=attr.cue,
                confidence=attr.confidence,
            )
        )
        if kind == "direct" or (attr.cue and attr.speaker and q.close is not None):
            # a partial quote with its own cue ("it is “…,” he said.") still hands its
            # speaker to the quote that follows it
            prev = (q, attr)
            if attr.speaker:
                res.last_speaker = attr.speaker
    out += find_indirect(doc, ix, res)
    return out


def _attribute(
    res: Resolver,
    q: Marked,
    before: list[Token],
    after: list[Token],
    para_start: int,
    prev: tuple[Marked, Attribution] | None,
) -> Attribution:
    """Try, in order: the cue after the quote, the cue before it, the whole sentence before
    it (stepping over earlier quotes), then inherit from the previous quote."""
    ix = res.ix
    after_first = bool(after) and after[0].text in (",", "”", "-", "\u2014", "\u2013")
    tries: list[tuple[Token | None, list[Token], bool]] = []
    if after_first or not _ends_attribution(before):
        tries.append((_cue_in(after, last=False), after, True))
        tries.append((_cue_in(before, last=True), before, False))
    else:
        tries.append((_cue_in(before, last=True), before, False))
        tries.append((_cue_in(after, last=False), after, True))
    wide = _before_segment(ix, q, para_start, skip_quotes=True)
    tries.append((_cue_in(wide, last=True), wide, False))
    for cue, seg, inverted_ok in tries:
        attr = _attribute_with(res, cue, seg, inverted_ok)
        if attr is not None and (attr.speaker or attr.text):
            return attr
    # continuation: “…,” he said. “…”  /  a new paragraph that opens with a mark
    if prev is not None:
        pq, pattr = prev
        same_para = pq.para == q.para
        continued = pq.para == q.para - 1 and text_of(ix.doc)[para_start : q.open].strip() == ""
        if same_para or continued:
            return Attribution(pattr.speaker, pattr.text, None, pattr.confidence * 0.8)
    # a colon with no verb: "She continued: “…”" is handled above; "The union's view: “…”"
    if before and before[-1].text == ":":
        for tok in before:
            if tok.dep_ in SUBJ_DEPS:
                key, txt = res.resolve(tok)
                return Attribution(key, txt, None, 0.4)
    return Attribution(None, None, None, 0.2)


def find_indirect(doc: Doc, ix: Index, res: Resolver) -> list[ExtractedQuote]:
    """Reported speech: a reporting verb outside quotes with a clause complement.

    "Sorokin said Berg would attend" → indirect "Berg would attend", speaker Sorokin.
    """
    out: list[ExtractedQuote] = []
    for tok in doc:
        if ix.quote_of[tok.i] >= 0 or not _is_cue(tok):
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if comp is None:
            continue
        toks = sorted(comp.subtree, key=lambda t: t.i)
        if any(ix.quote_of[t.i] >= 0 for t in toks) or len(toks) < 4:
            continue
        if toks[0].dep_ == "mark" and toks[0].lower_ == "that":
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if len(toks) < 3:
            continue
        subj = _subject_of(tok)
        if subj is None:
            continue
        key, speaker_text = res.resolve(subj)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        out.append(
            ExtractedQuote(
                text=text_of(doc)[start:end],
                kind="indirect",
                start=start,
                end=end,
                speaker=key,
                speaker_text=speaker_text,
                cue=tok.lemma_.lower(),
                confidence=0.6 if key else 0.3,
            )
        )
    return out
