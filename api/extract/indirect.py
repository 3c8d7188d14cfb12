"""Reported speech: a reporting verb outside quotes with a clause of its own.

"Sorokin said Berg would attend" → an `indirect` quote "Berg would attend", speaker Sorokin."""

from __future__ import annotations

from spacy.tokens import Doc

from api.extract.doc_cache import text_of
from api.extract.reporting import (
    is_cue,
    subject_of,
)
from api.extract.speaker_index import Index
from api.extract.speakers import Resolver
from api.extract.types import ExtractedQuote


def find_indirect(doc: Doc, ix: Index, res: Resolver) -> list[ExtractedQuote]:
    """Reported speech: a reporting verb outside quotes with a clause complement.

    "Sorokin said Berg would attend" → indirect "Berg would attend", speaker Sorokin.
    """
    out: list[ExtractedQuote] = []
    for tok in doc:
        if ix.quote_of[tok.i] >= 0 or not is_cue(tok):
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
        subj = subject_of(tok)
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
