"""/v1/places: settlements, regions and countries that articles name, geocoded."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter

from api.db import reads
from api.db.reads import Slice
from api.db.rows import Db
from api.errors import NotFound
from api.filters import PlaceFilters, clean_text, parse_bbox
from api.geojson import PlaceFeatureCollection, place_collection
from api.http.auth import access
from api.http.examples import WithExamples
from api.http.params import (
    BBox,
    Count,
    Cursor,
    Everything,
    Limit,
    NamedSort,
    PlaceGroup,
    cursor_after,
)
from api.http.patterns import COUNTRY
from api.http.problems import DETAIL_RESPONSES, LIST_RESPONSES, NOT_FOUND
from api.http.reading import read_from
from api.http.responses import DETAIL_HEADERS, GEOJSON, LIST_HEADERS, NDJSON, page_response
from api.http.routes.common import PlaceIdPath, entity_response
from api.http.routes.listing import (
    NDJSON_NOTE,
    Listing,
    geojson_list_response,
    list_response,
    listing,
    with_alternatives,
)
from api.pages import ClaimPage, PlacePage
from api.schemas import NO_NUL, Claim, Place

TAGS = ["places"]


def place_listing(
    q: Annotated[
        str | None,
        QueryParameter(
            min_length=1,
            max_length=200,
            pattern=NO_NUL,
            description="Fuzzy search over names and aliases (trigram word similarity).",
        ),
    ] = None,
    country: Annotated[
        str | None,
        QueryParameter(pattern=COUNTRY, description="ISO 3166-1 alpha-2 code, e.g. UA."),
    ] = None,
    bbox: BBox = None,
    sort: NamedSort = "-created",
    limit: Limit = 50,
    cursor: Cursor = None,
    count: Count = False,
    group_by: PlaceGroup = None,
) -> Listing[PlaceFilters]:
    filters = PlaceFilters(q=clean_text("q", q), country=country, bbox=parse_bbox(bbox))
    return listing(
        "place", filters, sort=sort, cursor=cursor, limit=limit, count=count, group_by=group_by
    )


@get(
    "/v1/places",
    **access("read", LIST_RESPONSES),
    operation_id="listPlaces",
    summary="List places, newest first; fuzzy search by name or alias (JSON, or GeoJSON by Accept)",
    tags=TAGS,
    response_headers=LIST_HEADERS,
    description=(
        "With `Accept: application/geo+json` the same page comes as an RFC 7946 "
        "FeatureCollection, exactly as from `/v1/places.geojson`. " + NDJSON_NOTE
    ),
    operation_class=with_alternatives(**{GEOJSON: "PlaceFeatureCollection", NDJSON: "Place"}),
    dependencies={"listing": Provide(place_listing, sync_to_thread=False)},
)
async def list_places(
    request: Request[Any, Any, Any], listing: NamedDependency[Listing[PlaceFilters]]
) -> Response[PlacePage]:
    return await list_response(request, reads.PLACES, listing, geojson=place_collection)


@get(
    "/v1/places.geojson",
    **access("read", LIST_RESPONSES),
    operation_id="listPlacesGeoJSON",
    operation_class=WithExamples,
    summary="List places as a GeoJSON FeatureCollection",
    description=(
        "One Feature per place: a Point at the place, the place's JSON as `properties`. "
        "Paged like `/v1/places`: `next_cursor` is a foreign member of the "
        "FeatureCollection; with `all=true`, every matching place in one collection, "
        "streamed."
    ),
    tags=TAGS,
    response_headers=LIST_HEADERS,
    media_type=GEOJSON,
    dependencies={"listing": Provide(place_listing, sync_to_thread=False)},
)
async def list_places_geojson(
    request: Request[Any, Any, Any],
    listing: NamedDependency[Listing[PlaceFilters]],
    all: Everything = False,
) -> Response[PlaceFeatureCollection]:
    return await geojson_list_response(
        request, reads.PLACES, listing, everything=all, collect=place_collection
    )


@get(
    "/v1/places/{place_id:str}",
    **access("read", DETAIL_RESPONSES),
    operation_id="getPlace",
    operation_class=WithExamples,
    summary="Get a place",
    tags=TAGS,
    response_headers=DETAIL_HEADERS,
)
async def get_place(request: Request[Any, Any, Any], place_id: PlaceIdPath) -> Response[Place]:
    place = await read_from(request, lambda db: reads.get_place(db, place_id))
    return entity_response(request, place, "place", place_id)


@get(
    "/v1/places/{place_id:str}/claims",
    **access("read", {**LIST_RESPONSES, **NOT_FOUND}),
    operation_id="listPlaceClaims",
    operation_class=WithExamples,
    summary="The timeline of claims about a place, oldest first",
    description="Who said what about this place, and when: every claim, with its stance, "
    "claimant and controller, ordered by when it was made.",
    tags=TAGS,
    response_headers=LIST_HEADERS,
)
async def list_place_claims(
    request: Request[Any, Any, Any],
    place_id: PlaceIdPath,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response[ClaimPage]:
    after = cursor_after("claim", cursor, "time")

    async def timeline(db: Db) -> tuple[Slice[Claim], bool]:
        rows = await reads.place_claims(db, place_id, after=after, limit=limit)
        return rows, bool(rows.rows) or await reads.get_place(db, place_id) is not None

    rows, known = await read_from(request, timeline)
    if not known:
        raise NotFound("place", place_id)
    return page_response(request, rows)


ROUTES = [list_places, list_places_geojson, get_place, list_place_claims]
