"""The spaCy model, loaded once for every unit test that parses text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from api.extract.pipeline import load_model


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()
