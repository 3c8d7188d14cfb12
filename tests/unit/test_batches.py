"""Extraction in batches: the same results as one article at a time, and one article that
breaks the extractor fails alone."""

from __future__ import annotations

from spacy.tokens import Doc

from api.extract import Extraction, Extractor
from api.services.bulk import extract_each
from tests.fixtures import MARKET_REPORT, WIRE_REPORT


class BreaksOnBoom(Extractor):
    """The real extractor, except that an article saying "boom" makes it raise."""

    def find(self, doc: Doc, source: str | None) -> Extraction:
        if "boom" in doc.text:
            raise ValueError("boom")
        return super().find(doc, source)


def test_a_batch_gives_what_one_at_a_time_gives(extractor: Extractor) -> None:
    articles = [(WIRE_REPORT["body"], "Test Wire"), (MARKET_REPORT["body"], None), ("", None)]
    assert extractor.extract_many(articles) == [extractor.extract(t, s) for t, s in articles]


def test_one_broken_article_fails_alone(extractor: Extractor) -> None:
    fussy = BreaksOnBoom(extractor.nlp, extractor.gazetteer)
    found = extract_each(fussy, [(WIRE_REPORT["body"], None), ("It went boom.", None)])
    assert found[0] == extractor.extract(WIRE_REPORT["body"], None)
    assert isinstance(found[1], str) and "extraction failed" in found[1]
