"""Quotation marks: pairing them paragraph by paragraph into quoted spans.

Curly marks say which way they face; a straight mark opens when nothing is open and closes
otherwise. A stray mark only spoils its own paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_MARKS = frozenset("“„«")
CLOSE_MARKS = frozenset("”»")
STRAIGHT = '"'


@dataclass
class Marked:
    """Words between one pair of marks: `start:end` is the text, `open`/`close` the mark offsets."""

    start: int
    end: int
    open: int
    close: int | None  # None: the quote runs to the end of the paragraph (continued later)
    para: int


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
