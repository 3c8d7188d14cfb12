"""Per-document values that spaCy recomputes on every access.

`Doc.text` joins every token and `Doc.ents` rebuilds every entity span each time they are
read: called once per mention they make a stage quadratic in the article's length (a
200,000-character article took minutes). These read each once and keep it in
`doc.user_data`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_TEXT = "gazette.text"
_ENTS = "gazette.ents"


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once per Doc."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    text: str = cached
    return text


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, computed once per Doc (stages read entities, never set them)."""
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        cached = doc.user_data[_ENTS] = tuple(doc.ents)
    ents: tuple[Span, ...] = cached
    return ents
