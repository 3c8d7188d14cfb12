"""Parsing in chunks: the pieces always add up to the text, and the parsed Doc is the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from api.extract.pipeline import chunks, parse

PIECES = st.sampled_from(["word", " ", "\n", ". ", "(", "\u201c", "Said", "x" * 300])


@settings(max_examples=200)
@given(st.lists(PIECES, max_size=60).map("".join), st.integers(min_value=5, max_value=400))
def test_chunks_add_up_to_the_text_and_stay_within_the_limit(text: str, limit: int) -> None:
    pieces = chunks(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)


def test_cuts_prefer_paragraphs_then_sentences() -> None:
    assert chunks("One.\nTwo.\n", limit=6) == ["One.\n", "Two.\n"]
    assert chunks("Aa bb. Cc dd. Ee", limit=8) == ["Aa bb. ", "Cc dd. ", "Ee"]


def test_a_long_text_parses_to_one_doc_with_exact_text(nlp: Language) -> None:
    text = "".join(f"Paragraph {n} says that talks went on. Nobody left.\n" for n in range(80))
    doc = parse(nlp, text)
    assert doc.text == text
    assert len(chunks(text)) > 1
    starts = {s.start_char for s in doc.sents}
    assert all(text.index(f"Paragraph {n} ") in starts for n in range(80))
