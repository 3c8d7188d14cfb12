"""The liveness probe answered in front of the router.

Load balancers and orchestrators ask every instance `GET /healthz` every few seconds, and
Litestar's routing, request and response objects cost about twice what the answer itself
does. While the database is reachable the answer is always the same bytes, so they are
written here, with the ETag and 304 the route gives (api/http/routes/health.py, which documents
the operation and answers everything else: the 503 once the database is gone, other
methods, and cross-origin requests, which need the CORS headers of the full stack). It sits
inside RequestContext: the request id, security headers and access log line are the same.
"""

from __future__ import annotations

import msgspec
from litestar.enums import ScopeType
from litestar.types import (
    ASGIApp,
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    Receive,
    Scope,
    Send,
)

from api.http.responses import etag_for, if_none_match_matches
from api.http.state import Resources
from api.schemas import Health

PATH = "/healthz"
BODY = msgspec.json.encode(Health(status="ok"))
ETAG_TEXT = etag_for(BODY)
# as the route sends them (a 304 has no body, so no content type or length)
NOT_MODIFIED_HEADERS = [(b"etag", ETAG_TEXT.encode()), (b"cache-control", b"no-store")]
OK_HEADERS = [
    *NOT_MODIFIED_HEADERS,
    (b"content-type", b"application/json"),
    (b"content-length", str(len(BODY)).encode()),
]


class LivenessProbe:
    """ASGI middleware: `GET /healthz` while the database is alive, without routing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != ScopeType.HTTP
            or scope["path"] != PATH
            or scope.get("method") != "GET"
            or scope.get("query_string")  # it takes none: the route says so (a 400)
        ):
            await self.app(scope, receive, send)
            return
        resources: Resources = scope["app"].state.resources
        if resources.liveness.down_for() > resources.settings.database_dead_after_s:
            await self.app(scope, receive, send)  # the route's 503 problem
            return
        if_none_match = None
        for name, value in scope["headers"]:
            if name == b"origin":
                await self.app(scope, receive, send)  # CORS answers come from the full stack
                return
            if name == b"if-none-match":
                if_none_match = value.decode("latin-1")
        not_modified = if_none_match_matches(if_none_match, ETAG_TEXT)
        start: HTTPResponseStartEvent = {
            "type": "http.response.start",
            "status": 304 if not_modified else 200,
            "headers": NOT_MODIFIED_HEADERS if not_modified else OK_HEADERS,
        }
        body: HTTPResponseBodyEvent = {
            "type": "http.response.body",
            "body": b"" if not_modified else BODY,
            "more_body": False,
        }
        await send(start)
        await send(body)
