"""Liveness and readiness."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get
from litestar.openapi.spec import SecurityRequirement

from api.db import reads
from api.http.examples import WithExamples
from api.http.problems import BAD_REQUEST, NOT_MODIFIED, UNAVAILABLE, ApiError, problem_spec
from api.http.responses import json_response
from api.http.routes.common import resources
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
    # the query-string cap (api.http.observability.RequestContext) guards every path
    responses={
        **BAD_REQUEST,
        **NOT_MODIFIED,
        503: problem_spec(
            "The database has been out of reach longer than GAZETTE_DATABASE_DEAD_AFTER_S: "
            "this process cannot serve until it, or its database, is restarted."
        ),
    },
)
async def healthz(request: Request[Any, Any, Any]) -> Response[Health]:
    """Alive unless the database is gone for good (api.db.liveness): slow or busy is alive.
    While it is alive, api.http.probes answers GET in front of the router with these same bytes."""
    held = resources(request)
    down_for = held.liveness.down_for()
    if down_for > held.settings.database_dead_after_s:
        raise ApiError(
            503,
            "Service unavailable",
            f"the database has been out of reach for {down_for:.0f} s",
            headers={"Retry-After": "30"},
        )
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
