"""Who may do what: API keys sent as `Authorization: Bearer gz_…`.

Each operation names the scope it needs in its `opt` ("read", "write" or "admin"); one
app-level middleware (`Authorize`) checks it. Reads are open unless
GAZETTE_REQUIRE_KEY_FOR_READS is set, but a key that is sent must be valid wherever it is
sent. Admin can write, writers can read. A valid key is remembered for GAZETTE_KEY_CACHE_S
(`KeyCache`): a revoked key stops working within that time.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import asyncpg
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme
from litestar.types import ASGIApp, Receive, Scope, Send

from api.db import keys
from api.http.limits import KnownKeys, key_digest
from api.http.problems import ACCESS_ERRORS, TOO_MANY, UNAUTHORIZED, ApiError
from api.http.state import Resources

SCHEME = "bearerAuth"
COMPONENTS = Components(
    security_schemes={
        SCHEME: SecurityScheme(
            type="http",
            scheme="bearer",
            description="An API key from `gazette keys create` (shown once), e.g. gz_….",
        )
    }
)
# OpenAPI: an empty requirement means "or no key at all".
OPTIONAL_KEY: list[SecurityRequirement] = [{}, {SCHEME: []}]
REQUIRED_KEY: list[SecurityRequirement] = [{SCHEME: []}]


def access(scope: str, responses: dict[int, ResponseSpec]) -> dict[str, Any]:
    """Route decorator arguments for an operation that needs `scope`: the guard's `opt`, the
    spec's security requirement, and its documented errors plus those of access control."""
    errors = {**UNAUTHORIZED, **TOO_MANY} if scope == "read" else ACCESS_ERRORS
    return {
        "opt": {"scope": scope},
        "security": OPTIONAL_KEY if scope == "read" else REQUIRED_KEY,
        "responses": {**responses, **errors},
    }


def _unauthorized(detail: str) -> ApiError:
    return ApiError(401, "Unauthorized", detail, headers={"WWW-Authenticate": "Bearer"})


def bearer_secret(scope: Scope) -> str | None:
    """The token of an `Authorization: Bearer …` header, if there is one."""
    header = next((v for k, v in scope["headers"] if k == b"authorization"), b"")
    text = header.decode("latin-1")
    if not text.strip():  # absent or empty: no credentials
        return None
    scheme, _, token = text.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("send the key as `Authorization: Bearer <key>`")
    return token.strip()


class KeyCache:
    """Keys found valid in the last `ttl_s` seconds, by digest (never the secret): a request
    with a key it knows needs no database round trip. A key revoked in the meantime keeps
    working until its entry is `ttl_s` old; 0 turns the cache off. At most `size` keys (the
    least recently used go first); unknown and revoked keys are never kept."""

    def __init__(
        self, ttl_s: float, size: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl_s = ttl_s
        self.size = size
        self.clock = clock
        self.entries: OrderedDict[str, tuple[float, keys.KeyInfo]] = OrderedDict()

    async def key_for_secret(
        self, pool: asyncpg.Pool[asyncpg.Record], secret: str
    ) -> keys.KeyInfo | None:
        digest = keys.digest(secret)
        now = self.clock()
        found = self.entries.get(digest)
        if found is not None and found[0] > now:
            self.entries.move_to_end(digest)
            return found[1]
        key = await keys.key_for_digest(pool, digest)
        if key is None or self.ttl_s <= 0:
            self.entries.pop(digest, None)
            return key
        self.entries[digest] = (now + self.ttl_s, key)
        self.entries.move_to_end(digest)
        if len(self.entries) > self.size:
            self.entries.popitem(last=False)
        return key


async def authorize(scope: Scope, needed: str) -> None:
    """The operation needs the `needed` scope: from a valid key when reads are not open."""
    state = scope["app"].state
    resources: Resources = state.resources
    secret = bearer_secret(scope)
    if secret is None:
        if needed == "read" and not resources.settings.require_key_for_reads:
            return
        raise _unauthorized(f"this operation needs an API key with the {needed!r} scope")
    key = await state.key_cache.key_for_secret(resources.pool, secret)
    if key is None:
        raise _unauthorized("this API key is not valid (unknown or revoked)")
    known: KnownKeys = state.known_keys
    known.add(key_digest(secret))  # its own rate-limit budget from now on
    scope.setdefault("state", {})["api_key_id"] = key.id  # whose Idempotency-Keys these are
    if needed not in keys.granted(key.scopes):
        raise ApiError(
            403, "Forbidden", f"this API key's scopes {key.scopes} do not include {needed!r}"
        )


class Authorize:
    """App middleware: each operation's scope (its `opt`), checked once it is routed.

    Not a Litestar guard: Litestar calls a guard with a copy of the route handler, made at
    every request (a sixth of a health probe's time)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        handler = scope.get("route_handler")
        needed = None if handler is None else handler.opt.get("scope")
        if needed is not None:  # None: health probes and the docs
            await authorize(scope, needed)
        await self.app(scope, receive, send)
