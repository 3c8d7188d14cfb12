"""HEAD on every GET: the same status and headers, no body (RFC 9110 §9.3.2).

Litestar routes HEAD only to handlers that declare it; this wraps the app so a HEAD request
runs as the GET it asks about, and its body is dropped on the way out. A client can then
check an ETag, a Content-Length or a Link header without downloading the entity. (An NDJSON
stream still runs to its end before the empty answer: HEAD of a stream is not worth a path
of its own.)
"""

from __future__ import annotations

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """ASGI middleware: HEAD answered as GET without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope.get("method")
        if scope["type"] != ScopeType.HTTP or method == "GET":
            await self.app(scope, receive, send)
            return
        if method != "HEAD":  # a 405 may answer it: its Allow header must name HEAD too

            async def allowing_head(message: Message) -> None:
                await send(
                    _allow_head(message) if message["type"] == "http.response.start" else message
                )

            await self.app(scope, receive, allowing_head)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.start":
                await send(_allow_head(message))
            elif message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
            else:
                await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def _allow_head(start: Message) -> Message:
    """A 405's Allow header names HEAD wherever it names GET."""
    if start.get("status") != 405:
        return start
    given: list[tuple[bytes, bytes]] = list(start.get("headers", []))  # type: ignore[call-overload]
    headers = [
        (name, value + b", HEAD" if name == b"allow" and b"GET" in value else value)
        for name, value in given
    ]
    return {**start, "headers": headers}  # type: ignore[return-value]
