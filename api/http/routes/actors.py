"""/v1/actors: people, organisations, states, forces, groups and media that articles involve."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, patch, post
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody, QueryParameter
from litestar.response import Redirect
from litestar.status_codes import HTTP_200_OK, HTTP_301_MOVED_PERMANENTLY

from api.corrections import ActorMerge, ActorPatch
from api.db import curation, reads
from api.db.rows import Db
from api.extract.types import ActorKind
from api.filters import ActorFilters, clean_text, several
from api.http.auth import access
from api.http.examples import WithExamples
from api.http.params import ActorGroup, Count, Cursor, Limit, NamedSort
from api.http.problems import (
    CONFLICT,
    DETAIL_RESPONSES,
    LIST_RESPONSES,
    MOVED,
    STALE,
    WRITE_RESPONSES,
)
from api.http.reading import read_from
from api.http.responses import DETAIL_HEADERS, LIST_HEADERS, json_response
from api.http.routes.common import (
    ActorIdPath,
    IfMatch,
    corrected,
    entity_response,
    require_json,
    resources,
    strict_body,
    unchanged_if,
)
from api.http.routes.idempotency import IDEMPOTENCY_ERRORS, IdempotencyKey, idempotent
from api.http.routes.listing import NDJSON_NOTE, Listing, list_response, listing, ndjson_of
from api.pages import ActorPage
from api.schemas import NO_NUL, Actor

TAGS = ["actors"]


def actor_listing(
    q: Annotated[
        str | None,
        QueryParameter(
            min_length=1,
            max_length=200,
            pattern=NO_NUL,
            description="Fuzzy name search over names and aliases (trigram word similarity).",
        ),
    ] = None,
    kind: Annotated[
        list[ActorKind] | None,
        QueryParameter(
            description="Only actors of these kinds (repeat it: `kind=state&kind=military`)."
        ),
    ] = None,
    sort: NamedSort = "-created",
    limit: Limit = 50,
    cursor: Cursor = None,
    count: Count = False,
    group_by: ActorGroup = None,
) -> Listing[ActorFilters]:
    filters = ActorFilters(q=clean_text("q", q), kind=several(kind))
    return listing(
        "actor", filters, sort=sort, cursor=cursor, limit=limit, count=count, group_by=group_by
    )


@get(
    "/v1/actors",
    **access("read", LIST_RESPONSES),
    operation_id="listActors",
    summary="List actors, newest first; fuzzy search by name",
    tags=TAGS,
    response_headers=LIST_HEADERS,
    description=NDJSON_NOTE,
    operation_class=ndjson_of("Actor"),
    dependencies={"listing": Provide(actor_listing, sync_to_thread=False)},
)
async def list_actors(
    request: Request[Any, Any, Any], listing: NamedDependency[Listing[ActorFilters]]
) -> Response[ActorPage]:
    return await list_response(request, reads.ACTORS, listing)


@get(
    "/v1/actors/{actor_id:str}",
    **access("read", {**DETAIL_RESPONSES, **MOVED}),
    operation_id="getActor",
    operation_class=WithExamples,
    summary="Get an actor with its aliases, counts and first and last appearance",
    description="An actor merged into another answers 301 with the survivor's URL.",
    tags=TAGS,
    response_headers=DETAIL_HEADERS,
)
async def get_actor(request: Request[Any, Any, Any], actor_id: ActorIdPath) -> Response[Any]:
    async def actor_or_survivor(db: Db) -> tuple[Actor | None, str | None]:
        actor = await reads.get_actor(db, actor_id)
        return actor, None if actor else await curation.actor_redirect(db, actor_id)

    actor, survivor = await read_from(request, actor_or_survivor)
    if survivor is not None:
        return Redirect(f"/v1/actors/{survivor}", status_code=HTTP_301_MOVED_PERMANENTLY)
    return entity_response(request, actor, "actor", actor_id)


@patch(
    "/v1/actors/{actor_id:str}",
    **access("write", {**WRITE_RESPONSES, **CONFLICT, **STALE}),
    operation_id="patchActor",
    operation_class=WithExamples,
    summary="Correct an actor's name, kind or aliases",
    description=(
        "Absent fields stay as they are; `aliases` replaces the list (the old name always "
        "stays an alias). The actor is marked curated: re-extraction never changes what a "
        "curator set, and finds this actor again by its names whatever its kind. An id that "
        "was merged away stands for the survivor."
    ),
    tags=TAGS,
    before_request=require_json,
)
async def patch_actor(
    request: Request[Any, Any, Any],
    actor_id: ActorIdPath,
    data: JSONBody[ActorPatch],
    if_match: IfMatch = None,
) -> Response[Actor]:
    return await corrected(request, ActorPatch, actor_id, if_match, curation.patch_actor)


@post(
    "/v1/actors/{actor_id:str}/merge",
    **access("admin", {**WRITE_RESPONSES, **IDEMPOTENCY_ERRORS, **STALE}),
    operation_id="mergeActors",
    operation_class=WithExamples,
    summary="Merge another actor into this one",
    description=(
        "The actor named by `absorb` disappears: its mentions, quotes, claims, names and "
        "titles move to this actor, and its id answers 301 here from then on."
    ),
    tags=TAGS,
    status_code=HTTP_200_OK,
    before_request=require_json,
)
async def merge_actors(
    request: Request[Any, Any, Any],
    actor_id: ActorIdPath,
    data: JSONBody[ActorMerge],
    idempotency_key: IdempotencyKey = None,
    if_match: IfMatch = None,
) -> Response[Actor]:
    merge = strict_body(await request.body(), ActorMerge)

    async def run() -> Response[Any]:
        actor = await curation.merge_actors(
            resources(request).pool, actor_id, merge, str(request.state.api_key_id),
            unchanged_if(if_match),
        )  # fmt: skip
        return json_response(request, actor)

    return await idempotent(request, idempotency_key, run)


ROUTES = [list_actors, get_actor, patch_actor, merge_actors]
