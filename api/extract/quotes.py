"""Stage 3: quotes — who said what.

Direct quotes are found by pairing quotation marks paragraph by paragraph (`marks`), then
attributed, in this order (`_attribute`):

    “…,” Sorokin said.            after:  cue and speaker follow the closing mark
    Marsh said: “…”               before: cue and speaker precede the opening mark
    “…,” he said, “…”             middle: both halves take the cue between them
    Borg: “…”                     a name alone before a colon
    Berg voiced concern that “…”  no cue: the subject of the quote's own sentence
    Berg rejected it. “…”         no cue: the subject of the sentence before
    “…” (new paragraph)           continuation: the previous quote's speaker

A cue after a finished quote that reports a clause of its own (“…” Berg said the plan would
fail) or that leads the next quote (“…” Then he added “…”) belongs to its own words.
`speakers` turns the speaking token into an actor: names, pronouns by agreement and
paragraph, role nouns, documents and their issuers, unnamed people (no speaker). Unnamed
sources ("said the officer") keep their words in `speaker_text` with no speaker. Reported
speech ("Sorokin said Berg would attend") is emitted as `indirect`. Lower-case fragments
woven into the reporter's sentence, and titles of works and slogans, are `partial`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from api.extract.doc_cache import text_of
from api.extract.indirect import find_indirect
from api.extract.marks import OPEN_MARKS, STRAIGHT, Marked, pair_marks, paragraphs
from api.extract.quote_kinds import direct_or_partial, ends_attribution
from api.extract.reporting import (
    SENT_END,
    SUBJ_DEPS,
    according_to,
    clause_subject,
    cue_in,
    has_own_content,
    main_verbs,
    subject_of,
)
from api.extract.speaker_index import Index
from api.extract.speaker_words import is_person_noun
from api.extract.speakers import Resolver
from api.extract.types import ExtractedActor, ExtractedQuote

OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you", "it"})


@dataclass
class Attribution:
    speaker: str | None
    text: str | None
    cue: str | None
    confidence: float


def sentence_before(ix: Index, pos: int, floor: int) -> list[Token]:
    """The tokens of the sentence that ends before char `pos`, not reaching back past
    `floor`; sentence ends inside quotes do not end it."""
    doc = ix.doc
    i = ix.token_at(pos) - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    out: list[Token] = []
    while i >= 0 and doc[i].idx >= floor:
        tok = doc[i]
        if tok.text in SENT_END and ix.quote_of[i] < 0 and any(not t.is_punct for t in out):
            break
        out.append(tok)
        i -= 1
    out.reverse()
    return out


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
            if not skip_quotes or _ends_sentence(ix, ix.marked[ix.quote_of[i]]):
                break
            i -= 1
            continue
        if tok.text in SENT_END:
            break
        out.append(tok)
        i -= 1
    out.reverse()
    return out


def _ends_sentence(ix: Index, q: Marked) -> bool:
    """The quote closes on a full stop, question or exclamation mark: “… is disgusted.”"""
    if q.close is None:
        return True
    return text_of(ix.doc)[q.start : q.close].rstrip()[-1:] in SENT_END


def _attribute_with(
    res: Resolver, cue: Token | None, segment: list[Token], inverted_ok: bool = True
) -> Attribution | None:
    """Speaker from a cue verb, or from "according to X" in the segment."""
    if cue is not None:
        subj = subject_of(cue, inverted_ok)
        if subj is not None and (res.ix.quote_of[subj.i] >= 0 or subj.pos_ == "VERB"):
            subj = None  # the parse reached into the quoted words ("adding that “you …”") or
            # took a participle for the subject ("Asked about it, Ana Berg, a nurse, said")
        if subj is not None and _object_taken_for_subject(res, cue, subj):
            subj = _clause_speaker(res.ix, segment)  # "criticised the plan, saying": not the plan
        if subj is None:
            subj = _named_before(res.ix, cue) or _adjacent_name(res.ix, cue, segment)
        if subj is not None:
            key, text = res.resolve(subj)
            return Attribution(key, text, cue.lemma_.lower(), 0.9 if key else 0.6)
        return Attribution(None, None, cue.lemma_.lower(), 0.3)
    src = according_to(segment)
    if src is not None:
        key, text = res.resolve(src)
        return Attribution(key, text, "according to", 0.8 if key else 0.5)
    return None


def _object_taken_for_subject(res: Resolver, cue: Token, subj: Token) -> bool:
    """A participle cue ("saying", "stating") whose parsed subject is a thing before it, or
    any word after the subject of the verb it hangs on: the object of that clause
    ("criticised Israel for the death toll, saying …", "made a comment saying …"), not the one
    who speaks."""
    if cue.tag_ != "VBG" or subj.i > cue.i:
        return False
    main = cue.head  # "Dunstan linked the bomber to the network, saying": Dunstan's participle
    if (
        main.pos_ in ("VERB", "AUX")
        and main.i < subj.i
        and any(c.dep_ in SUBJ_DEPS and c.i < main.i for c in main.children)
    ):
        return True
    if subj.pos_ != "NOUN":
        return False
    return res.ix.actor_of[subj.i] is None and not is_person_noun(subj.lemma_.lower())


def _clause_speaker(ix: Index, segment: list[Token]) -> Token | None:
    """Who the reporter's clause is about: its main verb's subject, or, where the parse gives
    that verb none, the name the verb follows ("In a comment to the Post, Colonel Ana Berg
    shared the view:")."""
    subject = clause_subject(segment)
    if subject is not None:
        return subject
    for verb in main_verbs(segment):
        named = _named_before(ix, verb)
        if named is not None:
            return named
    return None


def _named_before(ix: Index, verb: Token) -> Token | None:
    """A subject the parse missed: an actor named right before the verb, or before the
    apposition that ends at it."""
    if verb.i > 0 and ix.actor_of[verb.i - 1] is not None and ix.quote_of[verb.i - 1] < 0:
        return ix.doc[verb.i - 1]
    return _named_before_apposition(ix, verb)


def _named_before_apposition(ix: Index, cue: Token) -> Token | None:
    """When the parse gives the verb no subject: "Ana Berg, a nurse at the clinic, said" →
    the person named right before the comma that opens the apposition ending at the verb."""
    doc = ix.doc
    i = cue.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    i -= 1
    while i >= 0 and doc[i].text not in (",", ".", ":", ";") and ix.quote_of[i] < 0:
        i -= 1
    if i < 1 or doc[i].text != ",":
        return None
    key = ix.actor_of[i - 1]
    return doc[i - 1] if key is not None and ix.actors[key].kind == "person" else None


def _adjacent_name(ix: Index, cue: Token, segment: list[Token]) -> Token | None:
    """When the parse gives no subject: a name or pronoun right next to the verb."""
    pos = [t.i for t in segment]
    for i in (cue.i + 1, cue.i - 1, cue.i + 2, cue.i - 2):
        if i in pos:
            tok = ix.doc[i]
            if tok.lower_ in OBJECT_PRONOUNS or ix.quote_of[i] >= 0:
                continue  # "wishes to succeed him, said": him is not who speaks
            if ix.actor_of[i] or tok.pos_ in ("PROPN", "PRON"):
                return tok
    return None


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
        res.named_in_quote = res.named_between(q.start, q.end)
        attr = _attribute(res, q, before, after, paras, prev)
        kind = direct_or_partial(text[q.start : q.end], q, ix, before, after, ps)
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
    res.named_in_quote = frozenset()
    out += find_indirect(doc, ix, res)
    return out


def _attribute(
    res: Resolver,
    q: Marked,
    before: list[Token],
    after: list[Token],
    paras: list[tuple[int, int]],
    prev: tuple[Marked, Attribution] | None,
) -> Attribution:
    """Try, in order: a cue verb next to the quote (after it, before it, or earlier in its
    sentence); for a quote inside a reporter's sentence with no cue ("X expressed concern
    that “…”", "X shared the view: “…”"), that sentence's subject; for a quote that opens a
    sentence, the subject of the sentence before ("X criticised the plan. “…”") unless that
    sentence holds the previous quote; then the previous quote's speaker."""
    ix = res.ix
    para_start = paras[q.para][0]
    for cue, seg, inverted_ok in _cue_tries(ix, q, before, after, para_start):
        attr = _attribute_with(res, cue, seg, inverted_ok)
        if attr is not None and (attr.speaker or attr.text):
            return attr
    named = _name_and_colon(ix, before)
    if named is not None:
        return Attribution(ix.actor_of[named.i], named.text, None, 0.7)
    if before:
        wide = _before_segment(ix, q, para_start, skip_quotes=True)
        subject = _clause_speaker(ix, [t for t in wide if ix.quote_of[t.i] < 0])
        if subject is not None:
            key, text = res.resolve(subject)
            if key is not None:
                return Attribution(key, text, None, 0.5)
    else:
        attr = _from_sentence_before(res, q, paras, prev)
        if attr is not None:
            return attr
    # continuation: “…,” he said. “…”  /  a new paragraph that opens with a mark
    if prev is not None:
        pq, pattr = prev
        same_para = pq.para == q.para
        continued = pq.para == q.para - 1 and text_of(ix.doc)[para_start : q.open].strip() == ""
        if same_para or continued:
            return Attribution(pattr.speaker, pattr.text, None, pattr.confidence * 0.8)
    return Attribution(None, None, None, 0.2)


def _name_and_colon(ix: Index, before: list[Token]) -> Token | None:
    """Transcript style: a name alone before a colon ("Borg: “…”") speaks the quote."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text != ":":
        return None
    keys = {ix.actor_of[t.i] for t in words[:-1]}
    return words[-2] if len(keys) == 1 and None not in keys else None


def _cue_tries(
    ix: Index, q: Marked, before: list[Token], after: list[Token], para_start: int
) -> list[tuple[Token | None, list[Token], bool]]:
    """(cue, segment, inverted subject allowed) in the order to try them: the cue after the
    quote or the one before it, whichever the punctuation binds closer, then the whole
    sentence before it (stepping over earlier quotes)."""
    after_first = bool(after) and after[0].text in (",", "”", "-", "\u2014", "\u2013")
    after_cue = cue_in(after, last=False)
    if (
        after_cue is not None
        and not _binds_back(ix, q)
        and (has_own_content(after_cue, ix.quote_of) or _leads_next_quote(ix, after, after_cue))
    ):
        after_cue = None  # “…” Ana said the plan would fail / “…” Then she added “…”
    tries: list[tuple[Token | None, list[Token], bool]] = []
    if after_first or not ends_attribution(before):
        tries.append((after_cue, after, True))
        tries.append((cue_in(before, last=True), before, False))
    else:
        tries.append((cue_in(before, last=True), before, False))
        tries.append((after_cue, after, True))
    wide = _before_segment(ix, q, para_start, skip_quotes=True)
    tries.append((cue_in(wide, last=True), wide, False))
    return tries


def _leads_next_quote(ix: Index, after: list[Token], cue: Token) -> bool:
    """The cue stands right before the next quote's opening mark ("Acting it out, he added
    “Bang”"): it introduces that quote, not the one before it."""
    if not after:
        return False
    nxt = after[-1].i + 1
    if nxt >= len(ix.doc) or ix.quote_of[nxt] < 0:
        return False
    between = [t for t in after if t.i > cue.i]
    return all(t.is_punct or t.is_space for t in between)


def _binds_back(ix: Index, q: Marked) -> bool:
    """The quote ends in a comma (or a dash) inside or right after its marks: the words after
    it finish its sentence (“…,” she said)."""
    if q.close is None:
        return False
    text = text_of(ix.doc)
    inside = text[q.start : q.close].rstrip()
    outside = text[q.close + 1 : q.close + 3].lstrip()
    return inside[-1:] in (",", "-", "\u2014", "\u2013") or outside[:1] in (",", "\u2014", "\u2013")


def _from_sentence_before(
    res: Resolver, q: Marked, paras: list[tuple[int, int]], prev: tuple[Marked, Attribution] | None
) -> Attribution | None:
    """A quote that opens its sentence with no cue: the subject of the reporter's sentence
    before it ("Ana Berg rejected the plan. “…”"), in its paragraph or, for a quote that opens
    a paragraph, at the end of the paragraph before. None when that sentence holds the
    previous quote (the quote continues it) or names no actor as its subject."""
    ix = res.ix
    para_start, _ = paras[q.para]
    floor = para_start
    if not text_of(ix.doc)[para_start : q.open].strip():
        if q.para == 0:
            return None
        floor = paras[q.para - 1][0]
    sentence = sentence_before(ix, q.open, floor)
    if not sentence:
        return None
    if prev is not None and sentence[0].idx <= prev[0].open < sentence[-1].idx + 1:
        return None
    words = [t for t in sentence if ix.quote_of[t.i] < 0]
    for subject in (_clause_speaker(ix, words), _reported_by(words)):
        if subject is not None:
            key, text = res.resolve(subject)
            if key is not None:
                return Attribution(key, text, None, 0.5)
    return None


def _reported_by(words: list[Token]) -> Token | None:
    """Who the sentence says it reports: the subject of its reporting verb, in a clause of
    its own or not ("As Ingrid Solheim told the Ledger, the harbour has silted up.")."""
    cue = cue_in(words, last=True)
    return None if cue is None else subject_of(cue, inverted_ok=False)
