"""`Idempotency-Key` on POST: a retried request gets the first response, not a second effect.

The first request with a key claims it (a row with no status yet) for a lease of
`LEASE_S` and runs; its response is kept for 24 hours. A repeat with the same body gets that
response again (with `Idempotent-Replayed: true`); the same key with another body is a 422; a
repeat while the first still runs is a 409 with Retry-After. If the first request fails, the
key is released so the client can retry; if it could not release it (the process died, the
database went away), a retry after the lease takes the key over. Keys belong to the API key
that sent them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from litestar import MediaType, Request, Response
from litestar.datastructures import ResponseHeader
from litestar.params import HeaderParameter

from api.db.rows import execute, fetch_record, fetch_value
from api.http.patterns import VISIBLE_ASCII
from api.http.problems import ApiError, problem_spec
from api.http.routes.common import resources

IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=VISIBLE_ASCII,
        description="Any unique string (a UUID is fine): a repeat of this request with the "
        "same key within 24 hours gets the first response instead of acting twice.",
    ),
]
IDEMPOTENCY_ERRORS = {
    409: problem_spec("A request with this Idempotency-Key is still running; retry shortly."),
    422: problem_spec(
        "The Idempotency-Key was used with a different request, or the request cannot be "
        "applied; `errors` says which."
    ),
}
REPLAYED_HEADER = ResponseHeader(
    name="Idempotent-Replayed",
    description="`true` when this is the stored response to an earlier request with the "
    "same Idempotency-Key.",
    documentation_only=True,
    value="",
)


# Longer than any request runs: extraction's time limit, the queue before it, the writes.
LEASE_S = 300


def _digest(request: Request[Any, Any, Any], body: bytes) -> str:
    return hashlib.sha256(
        request.method.encode() + b" " + request.url.path.encode() + b"\n" + body
    ).hexdigest()


async def idempotent(
    request: Request[Any, Any, Any],
    key: str | None,
    run: Callable[[], Awaitable[Response[Any]]],
) -> Response[Any]:
    """`run()` once per key; repeats get its stored response."""
    if key is None:
        return await run()
    pool = resources(request).pool
    owner = str(getattr(request.state, "api_key_id", "anonymous"))
    digest = _digest(request, await request.body())
    await execute(pool, "forget_old_idempotency_keys")
    if (
        await fetch_value(
            pool,
            "claim_idempotency_key",
            owner=owner,
            key=key,
            request_digest=digest,
            lease_s=LEASE_S,
        )
        is None
    ):
        return await _replay(pool, owner, key, digest)
    try:
        response = await run()
    except BaseException:
        await execute(pool, "release_idempotency_key", owner=owner, key=key)
        raise
    await execute(
        pool, "save_idempotent_response", owner=owner, key=key, status=response.status_code,
        response=response.content if isinstance(response.content, bytes) else b"",
        location=response.headers.get("Location"),
    )  # fmt: skip
    return response


async def _replay(pool: Any, owner: str, key: str, digest: str) -> Response[Any]:
    record = await fetch_record(pool, "idempotency_record", owner=owner, key=key)
    if record is None:  # released by a failed first request a moment ago
        raise ApiError(409, "Conflict", "retry: the first request with this key just failed",
                       headers={"Retry-After": "1"})  # fmt: skip
    if record["request_digest"] != digest:
        raise ApiError(
            422,
            "Idempotency-Key reused",
            "this Idempotency-Key was used with a different request",
        )
    if record["status"] is None:
        raise ApiError(
            409,
            "Conflict",
            "a request with this Idempotency-Key is still running",
            headers={"Retry-After": "1"},
        )
    headers = {"Idempotent-Replayed": "true"}
    if record["location"]:
        headers["Location"] = record["location"]
    return Response(
        content=bytes(record["response"]),
        status_code=int(record["status"]),
        media_type=MediaType.JSON,
        headers=headers,
    )
