"""Helpers shared by the route modules."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import msgspec
from litestar import MediaType, Request, Response
from litestar.params import HeaderParameter, PathParameter, QueryParameter

from api.errors import Invalid, NotFound
from api.http.problems import ApiError
from api.http.responses import json_response, matches_if_match
from api.http.state import Resources
from api.ids import id_pattern

T = TypeVar("T")


async def require_json(request: Request[Any, Any, Any]) -> None:
    """A before_request hook of write operations: only JSON bodies (checked before Litestar
    tries to parse the body as JSON whatever its type)."""
    if request.content_type[0] != MediaType.JSON:
        raise ApiError(415, "Unsupported media type", "send the body as application/json")


def strict_body(raw: bytes, type_: type[T]) -> T:
    """The request body decoded again, strictly.

    Litestar converts bodies with msgspec's `strict=False`, which turns numbers into datetimes
    (unix time) and numeric strings into integers; the contract says neither. Handlers declare
    the body type for the spec and validation, then re-read it with this.
    """
    try:
        return msgspec.convert(_whole_floats_as_ints(msgspec.json.decode(raw)), type_)
    except RecursionError as exc:  # thousands of nested arrays in an ignored field
        raise Invalid("body", "body", "nested too deeply") from exc
    except msgspec.DecodeError as exc:  # ValidationError is a DecodeError too
        path = str(exc).rsplit("$.", 1)[-1].rstrip("`") if "$." in str(exc) else ""
        raise Invalid("body", path.split(".")[0].split("[")[0] or "body", str(exc)) from exc


def _whole_floats_as_ints(value: Any) -> Any:
    """JSON Schema counts 28616.0 as an integer; msgspec's strict mode does not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_whole_floats_as_ints(v) for v in value]
    if isinstance(value, dict):
        return {k: _whole_floats_as_ints(v) for k, v in value.items()}
    return value


def entity_response(
    request: Request[Any, Any, Any], entity: Any | None, kind: str, entity_id: str
) -> Response[Any]:
    """The entity as JSON (with its ETag), or a 404 problem when there is none with this id."""
    if entity is None:
        raise NotFound(kind, entity_id)
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


IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        min_length=1,
        max_length=1_000,
        description="The ETag you read (GET): the change is made only while the entity still "
        "has it, else 412 and nothing changes, so two curators cannot overwrite each other "
        "unseen. Several tags separated by commas, or `*` for any version; text that names no "
        "current tag is a 412 too (RFC 9110). Absent: no condition.",
    ),
]


def unchanged_if(if_match: str | None) -> Callable[[Any], bool] | None:
    """The condition an If-Match header puts on the entity as it is now (None: none)."""
    if if_match is None:
        return None
    return lambda current: matches_if_match(if_match, current)


# A correction in api/db/curation.py: (pool, entity id, body, API key id, If-Match condition)
Correction = Callable[[Any, str, T, str, Callable[[Any], bool] | None], Awaitable[Any]]


async def corrected(
    request: Request[Any, Any, Any],
    body: type[T],
    entity_id: str,
    if_match: str | None,
    apply: Correction[T],
) -> Response[Any]:
    """A correction by PATCH: its body re-read strictly (the handler's `data` declares and
    validates it for the spec), applied with the API key that sent it and the If-Match
    condition; the corrected entity as JSON."""
    change = strict_body(await request.body(), body)
    entity = await apply(
        resources(request).pool, entity_id, change, str(request.state.api_key_id),
        unchanged_if(if_match),
    )  # fmt: skip
    return json_response(request, entity)
