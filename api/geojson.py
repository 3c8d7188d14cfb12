"""Claims and places as RFC 7946 GeoJSON: one Feature per row, a Point at the place
(`geometry` null when a claim's place could not be geocoded), the row's JSON as
`properties`.

A page is a FeatureCollection with `next_cursor` as a foreign member; a whole list
(`all=true`) is the same FeatureCollection streamed: its head, the features a page of rows
at a time, and its tail with `next_cursor` null.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from api.schemas import Claim, Place, Wire


class Point(Wire, kw_only=True):
    """A GeoJSON Point: `coordinates` are [longitude, latitude] (RFC 7946)."""

    type: Literal["Point"]
    coordinates: tuple[float, float]


class ClaimFeature(Wire, kw_only=True):
    type: Literal["Feature"]
    id: str
    geometry: Point | None
    properties: Claim


class ClaimFeatureCollection(Wire, kw_only=True):
    """RFC 7946 FeatureCollection; `next_cursor` (a foreign member) pages like a JSON list."""

    type: Literal["FeatureCollection"]
    features: list[ClaimFeature]
    next_cursor: str | None


class PlaceFeature(Wire, kw_only=True):
    type: Literal["Feature"]
    id: str
    geometry: Point
    properties: Place


class PlaceFeatureCollection(Wire, kw_only=True):
    """RFC 7946 FeatureCollection; `next_cursor` (a foreign member) pages like a JSON list."""

    type: Literal["FeatureCollection"]
    features: list[PlaceFeature]
    next_cursor: str | None


def _point(lon: float | None, lat: float | None) -> Point | None:
    return None if lon is None or lat is None else Point(type="Point", coordinates=(lon, lat))


def claim_feature(claim: Claim) -> ClaimFeature:
    geometry = _point(claim.lon, claim.lat)
    return ClaimFeature(type="Feature", id=claim.id, geometry=geometry, properties=claim)


def place_feature(place: Place) -> PlaceFeature:
    geometry = Point(type="Point", coordinates=(place.lon, place.lat))
    return PlaceFeature(type="Feature", id=place.id, geometry=geometry, properties=place)


def feature_of(row: Claim | Place) -> ClaimFeature | PlaceFeature:
    return claim_feature(row) if isinstance(row, Claim) else place_feature(row)


def claim_collection(claims: list[Claim], next_cursor: str | None) -> ClaimFeatureCollection:
    features = [claim_feature(claim) for claim in claims]
    return ClaimFeatureCollection(
        type="FeatureCollection", features=features, next_cursor=next_cursor
    )


def place_collection(places: list[Place], next_cursor: str | None) -> PlaceFeatureCollection:
    features = [place_feature(place) for place in places]
    return PlaceFeatureCollection(
        type="FeatureCollection", features=features, next_cursor=next_cursor
    )


# A streamed FeatureCollection: what comes before the features and after them.
STREAM_HEAD = b'{"type":"FeatureCollection","features":['
STREAM_TAIL = b'],"next_cursor":null}'

_encoder = msgspec.json.Encoder()


def features_json(rows: list[Claim] | list[Place], first: bool) -> bytes:
    """A page of rows as features inside a streamed collection: comma-separated, with the
    comma before them unless they are the first."""
    body = b",".join(_encoder.encode(feature_of(row)) for row in rows)
    return body if first or not body else b"," + body
