"""Liveness and readiness."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.openapi.spec import SecurityRequirement

from api.db import reads
from api.examples import WithExamples
from api.http import json_response
from api.problems import BAD_REQUEST, NOT_MODIFIED, UNAVAILABLE
from api.routes.common import resources
from api.schemas import Health, Readiness

TAGS = ["health"]
# Probes need no key and check none that is sent: an empty security requirement says so.
NO_KEY: list[SecurityRequirement] = [{}]


@get(
    "/healthz",
    operation_id="getHealth",
    operation_class=WithExamples,
    summary="Liveness: the process answers",
    tags=TAGS,
    security=NO_KEY,
    # the query-string cap (api.observability.RequestContext) guards every path
    responses={**BAD_REQUEST, **NOT_MODIFIED},
)
async def healthz(request: Request[Any, Any, Any]) -> Response[Health]:
    return json_response(request, Health(status="ok"), headers={"Cache-Control": "no-store"})


@get(
    "/readyz",
    operation_id="getReadiness",
    operation_class=WithExamples,
    summary="Readiness: the database answers",
    tags=TAGS,
    security=NO_KEY,
    responses={**BAD_REQUEST, **NOT_MODIFIED, **UNAVAILABLE},
)
async def readyz(request: Request[Any, Any, Any]) -> Response[Readiness]:
    await reads.ping(resources(request).pool)
    return json_response(
        request, Readiness(status="ready", database="ok"), headers={"Cache-Control": "no-store"}
    )


ROUTES = [healthz, readyz]
