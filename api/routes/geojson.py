"""Documenting GeoJSON as a second representation of an operation's 200 response.

Litestar documents one media type per response; `/v1/claims` also answers
`Accept: application/geo+json`, and the contract must say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from litestar.openapi.spec import OpenAPIMediaType, Reference

from api.examples import WithExamples
from api.http import GEOJSON

FEATURE_COLLECTION_REF = "#/components/schemas/ClaimFeatureCollection"


@dataclass
class WithGeoJSONAlternative(WithExamples):
    """An Operation whose 200 response also offers `application/geo+json` (with examples)."""

    def __post_init__(self) -> None:
        responses = self.responses or {}
        ok = responses.get("200")
        content = getattr(ok, "content", None)
        if content is not None:
            content[GEOJSON] = OpenAPIMediaType(schema=Reference(ref=FEATURE_COLLECTION_REF))
