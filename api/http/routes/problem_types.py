"""/problems: what each kind of problem means, at the path its `type` URI names."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import PathParameter

from api.errors import NotFound
from api.http.examples import WithExamples
from api.http.patterns import SLUG
from api.http.problems import BAD_REQUEST, NOT_MODIFIED, problem_spec
from api.http.responses import json_response
from api.http.routes.health import NO_KEY
from api.problem_types import BY_SLUG, PROBLEM_TYPES, ProblemType

TAGS = ["problems"]
# fixed for a release: clients and proxies may keep them a day
CACHE = {"Cache-Control": "public, max-age=86400"}


@get(
    "/problems",
    operation_id="listProblemTypes",
    operation_class=WithExamples,
    summary="List the kinds of problem the API answers with",
    tags=TAGS,
    security=NO_KEY,
    responses={**BAD_REQUEST, **NOT_MODIFIED},
)
async def list_problem_types(request: Request[Any, Any, Any]) -> Response[list[ProblemType]]:
    return json_response(request, PROBLEM_TYPES, headers=CACHE)


@get(
    "/problems/{slug:str}",
    operation_id="getProblemType",
    operation_class=WithExamples,
    summary="Describe one kind of problem (a problem's `type` URI points here)",
    tags=TAGS,
    security=NO_KEY,
    responses={
        **BAD_REQUEST,
        **NOT_MODIFIED,
        404: problem_spec("No kind of problem has this name."),
    },
)
async def get_problem_type(
    request: Request[Any, Any, Any],
    slug: Annotated[str, PathParameter(pattern=SLUG, description="e.g. `not-found`.")],
) -> Response[ProblemType]:
    kind = BY_SLUG.get(slug)
    if kind is None:
        raise NotFound("problem type", slug)
    return json_response(request, kind, headers=CACHE)


ROUTES = [list_problem_types, get_problem_type]
