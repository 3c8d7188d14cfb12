"""Pure extraction core: article text in, entities out.

No database, no web framework: this package may import spaCy and the standard library only
(a unit test enforces it).
"""

from api.extract.pipeline import EXTRACTOR_VERSION, Extractor
from api.extract.types import Extraction

__all__ = ["EXTRACTOR_VERSION", "Extraction", "Extractor"]
