"""Helpers shared by the route modules."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response
from litestar.params import PathParameter, QueryParameter

from api.http import json_response
from api.ids import id_pattern
from api.problems import not_found
from api.state import Resources


def entity_response(
    request: Request[Any, Any, Any], entity: Any | None, kind: str, entity_id: str
) -> Response[Any]:
    """The entity as JSON (with its ETag), or a 404 problem when there is none with this id."""
    if entity is None:
        raise not_found(kind, entity_id)
    return json_response(request, entity)


def resources(request: Request[Any, Any, Any]) -> Resources:
    found: Resources = request.app.state.resources
    return found


def path_id(kind: str) -> Any:
    return PathParameter(pattern=id_pattern(kind), description=f"The {kind}'s id.")


def id_filter(kind: str, description: str) -> Any:
    return QueryParameter(pattern=id_pattern(kind), description=description)


ArticleIdPath = Annotated[str, path_id("article")]
ActorIdPath = Annotated[str, path_id("actor")]
QuoteIdPath = Annotated[str, path_id("quote")]
ClaimIdPath = Annotated[str, path_id("claim")]
PlaceIdPath = Annotated[str, path_id("place")]
