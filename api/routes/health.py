"""Liveness and readiness."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get

from api.db import reads
from api.http import json_response
from api.problems import NOT_MODIFIED, UNAVAILABLE
from api.routes.common import resources
from api.schemas import Health, Readiness

TAGS = ["health"]


@get(
    "/healthz",
    operation_id="getHealth",
    summary="Liveness: the process answers",
    tags=TAGS,
    responses=NOT_MODIFIED,
)
async def healthz(request: Request[Any, Any, Any]) -> Response[Health]:
    return json_response(request, Health(status="ok"), headers={"Cache-Control": "no-store"})


@get(
    "/readyz",
    operation_id="getReadiness",
    summary="Readiness: the database answers",
    tags=TAGS,
    responses={**NOT_MODIFIED, **UNAVAILABLE},
)
async def readyz(request: Request[Any, Any, Any]) -> Response[Readiness]:
    await reads.ping(resources(request).pool)
    return json_response(
        request, Readiness(status="ready", database="ok"), headers={"Cache-Control": "no-store"}
    )


ROUTES = [healthz, readyz]
