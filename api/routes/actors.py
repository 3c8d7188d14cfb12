"""/v1/actors: people, organisations, states, forces, groups and media that articles involve."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import QueryParameter

from api.db import reads
from api.extract.types import ActorKind
from api.http import DETAIL_HEADERS, LIST_HEADERS, page_response
from api.params import Cursor, Limit, clean_text, cursor_after
from api.problems import DETAIL_RESPONSES, LIST_RESPONSES
from api.routes.common import ActorIdPath, entity_response, resources
from api.schemas import NO_NUL, Actor, Page

TAGS = ["actors"]


@get(
    "/v1/actors",
    operation_id="listActors",
    summary="List actors, newest first; fuzzy search by name",
    tags=TAGS,
    responses=LIST_RESPONSES,
    response_headers=LIST_HEADERS,
)
async def list_actors(
    request: Request[Any, Any, Any],
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
        ActorKind | None, QueryParameter(description="Only actors of this kind.")
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response[Page[Actor]]:
    rows = await reads.list_actors(
        resources(request).pool,
        q=clean_text("q", q),
        kind=kind,
        after=cursor_after("actor", cursor),
        limit=limit,
    )
    return page_response(request, rows)


@get(
    "/v1/actors/{actor_id:str}",
    operation_id="getActor",
    summary="Get an actor with its aliases, counts and first and last appearance",
    tags=TAGS,
    response_headers=DETAIL_HEADERS,
    responses=DETAIL_RESPONSES,
)
async def get_actor(request: Request[Any, Any, Any], actor_id: ActorIdPath) -> Response[Actor]:
    actor = await reads.get_actor(resources(request).pool, actor_id)
    return entity_response(request, actor, "actor", actor_id)


ROUTES = [list_actors, get_actor]
