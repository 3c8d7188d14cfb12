"""Who may do what: API keys sent as `Authorization: Bearer gz_…`.

Each operation names the scope it needs in its `opt` ("read", "write" or "admin"); one
app-level guard checks it. Reads are open unless GAZETTE_REQUIRE_KEY_FOR_READS is set, but a
key that is sent must be valid wherever it is sent. Admin can write, writers can read.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Components, SecurityRequirement, SecurityScheme

from api.db import keys
from api.limits import key_digest
from api.problems import ACCESS_ERRORS, TOO_MANY, UNAUTHORIZED, ApiError
from api.state import Resources

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


def bearer_secret(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """The token of an `Authorization: Bearer …` header, if there is one."""
    header = connection.headers.get("authorization", "")
    if not header.strip():  # absent or empty: no credentials
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("send the key as `Authorization: Bearer <key>`")
    return token.strip()


async def authorize(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """The app-level guard: the operation's scope, from a valid key when one is needed."""
    needed = handler.opt.get("scope")
    if needed is None:
        return  # health probes and the docs
    resources: Resources = connection.app.state.resources
    secret = bearer_secret(connection)
    open_read = needed == "read" and not resources.settings.require_key_for_reads
    if secret is None:
        if open_read:
            return
        raise _unauthorized(f"this operation needs an API key with the {needed!r} scope")
    key = await keys.key_for_secret(resources.pool, secret)
    if key is None:
        raise _unauthorized("this API key is not valid (unknown or revoked)")
    connection.app.state.known_keys.add(key_digest(secret))  # its own rate-limit budget
    connection.state.api_key_id = key.id  # whose Idempotency-Keys these are
    if needed not in keys.granted(key.scopes):
        raise ApiError(
            403, "Forbidden", f"this API key's scopes {key.scopes} do not include {needed!r}"
        )
