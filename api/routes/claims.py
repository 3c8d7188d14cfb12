"""/v1/claims: who claims that whom controls which place."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import QueryParameter

from api.db import reads
from api.extract.types import ClaimType, Modality, Stance
from api.http import json_response, page_response
from api.params import After, BBox, Before, Cursor, Limit, cursor_after, parse_bbox, time_range
from api.problems import DETAIL_RESPONSES, LIST_RESPONSES, not_found
from api.routes.common import ClaimIdPath, id_filter, resources
from api.schemas import Claim, Page

TAGS = ["claims"]


@get(
    "/v1/claims",
    operation_id="listClaims",
    summary="List territorial claims, newest first",
    tags=TAGS,
    responses=LIST_RESPONSES,
)
async def list_claims(
    request: Request[Any, Any, Any],
    place: Annotated[str | None, id_filter("place", "Only claims about this place.")] = None,
    controller: Annotated[
        str | None, id_filter("actor", "Only claims that this actor controls the place.")
    ] = None,
    claimant: Annotated[str | None, id_filter("actor", "Only claims made by this actor.")] = None,
    stance: Annotated[Stance | None, QueryParameter(description="asserted or denied.")] = None,
    type: Annotated[
        ClaimType | None, QueryParameter(description="Only claims of this type.")
    ] = None,
    modality: Annotated[
        Modality | None, QueryParameter(description="Only claims of this modality.")
    ] = None,
    bbox: BBox = None,
    published_after: After = None,
    published_before: Before = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response[Page[Claim]]:
    after, before = time_range(published_after, published_before)
    rows = await reads.list_claims(
        resources(request).pool,
        place=place,
        controller=controller,
        claimant=claimant,
        stance=stance,
        type_=type,
        modality=modality,
        bbox=parse_bbox(bbox),
        published_after=after,
        published_before=before,
        after=cursor_after("claim", cursor),
        limit=limit,
    )
    return page_response(request, rows)


@get(
    "/v1/claims/{claim_id:str}",
    operation_id="getClaim",
    summary="Get a claim",
    tags=TAGS,
    responses=DETAIL_RESPONSES,
)
async def get_claim(request: Request[Any, Any, Any], claim_id: ClaimIdPath) -> Response[Claim]:
    claim = await reads.get_claim(resources(request).pool, claim_id)
    if claim is None:
        raise not_found("claim", claim_id)
    return json_response(request, claim)


ROUTES = [list_claims, get_claim]
