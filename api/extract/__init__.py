"""Pure extraction core: article text in, entities out.

No database, no web framework: this package may import spaCy and the standard library only
(a unit test enforces it).

`Extractor` loads the pipeline (and spaCy, about a second) on first use, not when the
package is imported: the wire types and filters import `api.extract.types`,
and a command that extracts nothing (`gazette export`, `keys`, `--help`) must not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from api.extract.types import Extraction
from api.extract.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from api.extract.pipeline import Extractor

__all__ = ["EXTRACTOR_VERSION", "Extraction", "Extractor"]


def __getattr__(name: str) -> Any:
    """PEP 562: the pipeline's names, imported when first asked for."""
    if name == "Extractor":
        from api.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'api.extract' has no attribute {name!r}")
