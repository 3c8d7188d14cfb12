"""/v1/claims: who claims that whom controls which place."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, patch
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody, QueryParameter

from api.corrections import ClaimPatch
from api.db import curation, reads
from api.extract.types import ClaimType, Modality, Stance
from api.filters import ClaimFilters, parse_bbox, several, time_range
from api.geojson import ClaimFeatureCollection, claim_collection
from api.http.auth import access
from api.http.examples import WithExamples
from api.http.params import (
    After,
    BBox,
    Before,
    ClaimGroup,
    ClaimSort,
    Count,
    Cursor,
    Everything,
    Limit,
)
from api.http.problems import DETAIL_RESPONSES, LIST_RESPONSES, STALE, WRITE_RESPONSES
from api.http.reading import read_from
from api.http.responses import DETAIL_HEADERS, GEOJSON, LIST_HEADERS, NDJSON
from api.http.routes.common import (
    ClaimIdPath,
    IfMatch,
    corrected,
    entity_response,
    id_filter,
    require_json,
)
from api.http.routes.listing import (
    NDJSON_NOTE,
    Listing,
    geojson_list_response,
    list_response,
    listing,
    with_alternatives,
)
from api.pages import ClaimPage
from api.schemas import Claim

TAGS = ["claims"]


def claim_listing(
    place: Annotated[str | None, id_filter("place", "Only claims about this place.")] = None,
    controller: Annotated[
        str | None, id_filter("actor", "Only claims that this actor controls the place.")
    ] = None,
    claimant: Annotated[str | None, id_filter("actor", "Only claims made by this actor.")] = None,
    stance: Annotated[
        list[Stance] | None,
        QueryParameter(description="asserted or denied (repeat it for both)."),
    ] = None,
    type: Annotated[
        list[ClaimType] | None,
        QueryParameter(
            description="Only claims of these types (repeat it: `type=capture&type=advance`)."
        ),
    ] = None,
    modality: Annotated[
        list[Modality] | None,
        QueryParameter(description="Only claims of these modalities (repeat it for several)."),
    ] = None,
    bbox: BBox = None,
    wrong: Annotated[
        bool | None,
        QueryParameter(
            description="`false`: leave out the claims a curator marked wrong; `true`: only "
            "those. Absent: every claim."
        ),
    ] = None,
    published_after: After = None,
    published_before: Before = None,
    sort: ClaimSort = "-created",
    limit: Limit = 50,
    cursor: Cursor = None,
    count: Count = False,
    group_by: ClaimGroup = None,
) -> Listing[ClaimFilters]:
    """The query parameters both claim lists share (JSON and GeoJSON)."""
    after, before = time_range(published_after, published_before)
    filters = ClaimFilters(
        place=place, controller=controller, claimant=claimant, stance=several(stance),
        type=several(type), modality=several(modality), bbox=parse_bbox(bbox), wrong=wrong,
        published_after=after, published_before=before,
    )  # fmt: skip
    return listing(
        "claim", filters, sort=sort, cursor=cursor, limit=limit, count=count, group_by=group_by
    )


@get(
    "/v1/claims",
    **access("read", LIST_RESPONSES),
    operation_id="listClaims",
    summary="List territorial claims, newest first (JSON, or GeoJSON by Accept)",
    description=(
        "With `Accept: application/geo+json` the same page comes as an RFC 7946 "
        "FeatureCollection, exactly as from `/v1/claims.geojson`. " + NDJSON_NOTE
    ),
    tags=TAGS,
    response_headers=LIST_HEADERS,
    dependencies={"listing": Provide(claim_listing, sync_to_thread=False)},
    operation_class=with_alternatives(**{GEOJSON: "ClaimFeatureCollection", NDJSON: "Claim"}),
)
async def list_claims(
    request: Request[Any, Any, Any], listing: NamedDependency[Listing[ClaimFilters]]
) -> Response[ClaimPage]:
    return await list_response(request, reads.CLAIMS, listing, geojson=claim_collection)


@get(
    "/v1/claims.geojson",
    **access("read", LIST_RESPONSES),
    operation_id="listClaimsGeoJSON",
    operation_class=WithExamples,
    summary="List territorial claims as a GeoJSON FeatureCollection, newest first or sorted",
    description=(
        "One Feature per claim: a Point at the claimed place (`geometry` is null when the "
        "place could not be geocoded), the claim's JSON as `properties`. Paged like "
        "`/v1/claims`: `next_cursor` is a foreign member of the FeatureCollection; with "
        "`all=true`, every matching claim in one collection, streamed."
    ),
    tags=TAGS,
    response_headers=LIST_HEADERS,
    media_type=GEOJSON,
    dependencies={"listing": Provide(claim_listing, sync_to_thread=False)},
)
async def list_claims_geojson(
    request: Request[Any, Any, Any],
    listing: NamedDependency[Listing[ClaimFilters]],
    all: Everything = False,
) -> Response[ClaimFeatureCollection]:
    return await geojson_list_response(
        request, reads.CLAIMS, listing, everything=all, collect=claim_collection
    )


@get(
    "/v1/claims/{claim_id:str}",
    **access("read", DETAIL_RESPONSES),
    operation_id="getClaim",
    operation_class=WithExamples,
    summary="Get a claim",
    tags=TAGS,
    response_headers=DETAIL_HEADERS,
)
async def get_claim(request: Request[Any, Any, Any], claim_id: ClaimIdPath) -> Response[Claim]:
    claim = await read_from(request, lambda db: reads.get_claim(db, claim_id))
    return entity_response(request, claim, "claim", claim_id)


@patch(
    "/v1/claims/{claim_id:str}",
    **access("write", {**WRITE_RESPONSES, **STALE}),
    operation_id="patchClaim",
    operation_class=WithExamples,
    summary="Mark a claim wrong, or reviewed",
    description=(
        "`wrong: true` says the article does not make this claim (the extractor misread it): "
        "the claim stays readable, with `wrong`, but no longer decides who holds its place, "
        "whether the place is contested, or what a later denial answers; `wrong: false` takes "
        "that back. A PATCH with only `curator` marks the claim as reviewed. The claim is "
        "marked curated (`curator`, time) and survives re-extraction of its article as it is: "
        "a claim extracted again from the same evidence about the same place with the same "
        "stance is not added beside it."
    ),
    tags=TAGS,
    before_request=require_json,
)
async def patch_claim(
    request: Request[Any, Any, Any],
    claim_id: ClaimIdPath,
    data: JSONBody[ClaimPatch],
    if_match: IfMatch = None,
) -> Response[Claim]:
    return await corrected(request, ClaimPatch, claim_id, if_match, curation.patch_claim)


ROUTES = [list_claims, list_claims_geojson, get_claim, patch_claim]
