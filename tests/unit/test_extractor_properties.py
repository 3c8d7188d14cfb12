"""Property test: the extractor never raises, and every span it returns points into the text.

(Its time per kilobyte is measured by bench/pipeline_ratio.py, not asserted: tests never
depend on timing.)
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from api.extract import Extractor

WORDS = st.sampled_from(
    [
        "said", "told", "according", "to", "the", "Kyiv", "Ivan", "Sorokin", "spokesman",
        "captured", "denied", "control", "of", "village", "region", "he", "she", "they",
        "“", "”", '"', "'", "’", "(", ")", "[", "]", ":", ",", ".", "—", "\n", "\u202e",
        "liberated", "Russian", "troops", "percent", "20", "km²", "", " ",
    ]
)  # fmt: skip
TEXT = st.lists(WORDS | st.text(max_size=8), max_size=80).map(" ".join)


@settings(max_examples=60)
@given(TEXT)
def test_extraction_never_raises_and_spans_point_into_the_text(
    extractor: Extractor, text: str
) -> None:
    found = extractor.extract(text, source="Property Wire")
    for quote in found.quotes:
        assert text[quote.start : quote.end] == quote.text
    for actor in found.actors:
        for span in actor.mentions:
            assert text[span.start : span.end] == span.text
    for place in found.places:
        for span in place.mentions:
            assert text[span.start : span.end] == span.text
    keys = {a.key for a in found.actors}
    for claim in found.claims:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.text
        assert claim.controller is None or claim.controller in keys
        assert claim.responds_to is None or 0 <= claim.responds_to < len(found.claims)
