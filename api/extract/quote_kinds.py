"""Quote kinds: `direct` for words someone said, `partial` for a few words borrowed into the
reporter's sentence (a scare-quoted term, a quoted predicate, a title, a slogan)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from api.extract.doc_cache import text_of
from api.extract.lexicon import word_list
from api.extract.marks import Marked
from api.extract.reporting import (
    SENT_END,
    SUBJ_DEPS,
    according_to,
    cue_in,
    is_cue,
)
from api.extract.speaker_index import Index
from api.extract.types import QuoteKind

# Words that show a quote is the speaker's own voice, not a phrase borrowed by the reporter.
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
# The end of one sentence and the start of the next: a word (not an initial, "U.N.") closed by
# a stop, then a capital.
SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+[\"“‘']?[A-Z]")
PARTIAL_MAX_WORDS = 5  # an embedded quote longer than this with a verb is a clause, not a phrase


def ends_attribution(segment: list[Token]) -> bool:
    """The before-segment leads straight into the quote: "said:" / "said," / "told Nordpost:" /
    a cue verb right before the mark ("says “…”", "saying “…”", "adding that “…”")."""
    if not segment:
        return False
    if len(segment) >= 2 and segment[-1].lower_ == "that" and is_cue(segment[-2]):
        return True
    return segment[-1].text in (":", ",") or is_cue(segment[-1])


def _titled_work(text: str, before: list[Token]) -> bool:
    """A title in marks, not words someone said: a film, song or book ("the film “Gone with
    the Tide”"), a slogan or a sign ("signs reading “No War”"): Title Case with no closing
    stop, or the marks follow a noun or verb that names a work (data/work_nouns.txt)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words or text.rstrip()[-1:] in (".", "!", "?"):
        return False
    lead = [t.lemma_.lower() for t in before[-3:] if not t.is_punct]
    if lead and lead[-1] in word_list("work_nouns.txt"):
        return True
    small = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "at", "by"}
    capitalised = [w for w in words if w[:1].isupper() or w.lower() in small]
    return 2 <= len(words) <= 8 and len(capitalised) == len(words) and words[0][:1].isupper()


def _predicate_only(inner: list[Token]) -> bool:
    """The quoted words are a predicate whose subject stands outside the marks: they open
    with a verb, an auxiliary, an adverb before a verb or an infinitive "to", and no verb in
    them has a subject of its own ("will be welcomed by all", "to continue the talks")."""
    words = [t for t in inner if not t.is_punct]
    if not words:
        return False
    first = words[0]
    opens = (
        first.pos_ in ("VERB", "AUX")
        or first.lower_ == "to"
        or (first.pos_ == "ADV" and len(words) > 1 and words[1].pos_ in ("VERB", "AUX"))
    )
    return opens and not any(t.dep_ in SUBJ_DEPS for t in words)


def _many_sentences(text: str) -> bool:
    """More than one sentence in the marks: “…had been detained. We asked …”."""
    return SENTENCE_BREAK.search(text) is not None


def direct_or_partial(
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
    if q.close is not None and _titled_work(text, before):
        return "partial"
    if q.close is None or at_start:
        return "direct"
    inner = ix._tokens(q.start, q.end)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in inner)
    own_words = any(t.lower_ in FIRST_PERSON for t in inner)
    lead_in = ends_attribution(before) and (
        cue_in(before, last=True) is not None or according_to(before) is not None
    )
    if text[:1].islower() and not lead_in and not own_words and not _many_sentences(text):
        return "partial"  # a fragment woven into the reporter's sentence
    own_remark = own_words and text.rstrip()[-1:] in SENT_END  # "has “put our budget in.”"
    predicate = text[:1].islower() and _predicate_only(inner)
    if predicate and not own_remark and not _many_sentences(text):
        return "partial"  # "would “legally pursue them”", "urged it “to continue talks”"
    after_attr = bool(after) and after[0].text in (",", "”")
    after_attr = after_attr and cue_in(after, last=False) is not None
    if ends_clause and (after_attr or (len(words) > 2 and has_verb)):
        return "direct"
    if after_attr and len(words) > 3:
        return "direct"
    cue_right_before = any(is_cue(t) for t in before[-3:]) or (before and before[-1].text == ",")
    if cue_right_before and len(words) >= 3 and (has_verb or len(words) > PARTIAL_MAX_WORDS):
        return "direct"
    if len(words) > PARTIAL_MAX_WORDS * 2 and has_verb:
        return "direct"
    return "partial"
