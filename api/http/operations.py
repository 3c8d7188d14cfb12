"""What every operation of the spec says beyond what Litestar writes: parameters that cannot
be null, and the headers every response carries.

Applied to each operation's rendered schema (api.http.examples.WithExamples calls
`documented`), so the committed spec and the served one are the same document.
"""

from __future__ import annotations

import re
from typing import Any

from litestar.openapi.spec import Components, OpenAPIHeader, OpenAPIType, Schema

from api.db.replicas import POSITION_PATTERN


def _header(description: str) -> OpenAPIHeader:
    return OpenAPIHeader(description=description, schema=Schema(type=OpenAPIType.STRING))


REQUEST_ID = "X-Request-ID"
POSITION = "Gazette-Position"
LAG = "Gazette-Replica-Lag"
# The reads a replica may serve (api/http/reading.py): every GET of /v1 but the changes feed
# (tests/unit/test_contract.py holds the spec to these two lists).
REPLICA_READS = frozenset(
    {"listArticles", "getArticle", "listActors", "getActor", "listQuotes", "getQuote",
     "listClaims", "listClaimsGeoJSON", "getClaim", "listPlaces", "listPlacesGeoJSON",
     "getPlace", "listPlaceClaims"}
)  # fmt: skip
WRITES = frozenset(
    {"createArticle", "deleteArticle", "patchActor", "mergeActors", "patchQuote", "patchClaim"}
)
RETRY_AFTER = "Retry-After"
# Litestar's rate limiter sends these on every answer of a metered operation
RATE_LIMIT = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"]
OFF = " Absent when the rate limit is off (GAZETTE_RATE_LIMIT_PER_MINUTE=0)."
# Each described once under components/headers (in name order, so the spec is stable);
# responses refer to them.
HEADERS = Components(
    headers={
        "RateLimit-Limit": _header("Requests allowed per window." + OFF),
        "RateLimit-Policy": _header("The limit and its window, e.g. `1200; w=60`." + OFF),
        "RateLimit-Remaining": _header("Requests left in the current window." + OFF),
        "RateLimit-Reset": _header("Seconds until the window resets." + OFF),
        RETRY_AFTER: _header("Seconds to wait before trying again."),
        REQUEST_ID: _header(
            "The request's id: the client's own `X-Request-ID` when it sent a sane one, else a "
            "new one. Every log line of the request carries it; quote it in a report."
        ),
        POSITION: _header(
            "The primary database's log position after this write committed. Send it back as "
            "the `Gazette-Position` request header on a read that must see the write: a read "
            "replica serves it only once it has replayed that far (else the primary does)."
        ),
        LAG: _header(
            "Present when a read replica served the response: how far behind the primary it "
            "was, in seconds (0: it had replayed everything it had received)."
        ),
    }
)


POSITION_PARAMETER = {
    "name": POSITION,
    "in": "header",
    "required": False,
    "description": "A write's `Gazette-Position` response header: the answer then includes "
    "that write (a replica serves it only once it has replayed it).",
    "schema": {"type": "string", "pattern": POSITION_PATTERN},
}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/headers/{name}"}


def documented(operation: dict[str, Any]) -> dict[str, Any]:
    """The operation with non-nullable parameters and its responses' common headers."""
    for parameter in operation.get("parameters", []):
        if parameter["in"] in ("query", "header"):
            parameter["schema"] = without_null(parameter["schema"])
        schema = parameter["schema"]
        pattern = schema.get("pattern")
        takes_empty = not schema.get("minLength") and pattern and re.search(pattern, "")
        if parameter["in"] == "query" and takes_empty:
            parameter["allowEmptyValue"] = True  # `?since=` is the beginning, as the pattern says
    metered = {"bearerAuth": []} in operation.get("security", [])
    replica_read = operation.get("operationId") in REPLICA_READS
    if replica_read:
        operation.setdefault("parameters", []).append(POSITION_PARAMETER)
    for status, response in operation["responses"].items():
        headers = response.setdefault("headers", {})
        headers[REQUEST_ID] = _ref(REQUEST_ID)
        if replica_read and status.startswith(("2", "3")):
            headers[LAG] = _ref(LAG)
        if operation.get("operationId") in WRITES and status.startswith("2"):
            headers[POSITION] = _ref(POSITION)
        if metered:
            headers.update({name: _ref(name) for name in RATE_LIMIT})
        if status in ("429", "503"):
            headers[RETRY_AFTER] = _ref(RETRY_AFTER)
        response["headers"] = dict(sorted(headers.items()))
    return operation


def without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A query or header parameter's schema without `null`: neither can say null (leaving the
    parameter out is how a filter is not given), and clients generated from a nullable
    parameter make every filter `str | None | Unset`."""
    schema = dict(schema)
    variants = schema.pop("oneOf", None)
    if variants is not None:
        kept = [v for v in variants if v != {"type": "null"}]
        if len(kept) != 1:
            return {**schema, "oneOf": kept}
        return {**kept[0], **schema}
    types = schema.get("type")
    if isinstance(types, list) and "null" in types:
        rest = [t for t in types if t != "null"]
        schema["type"] = rest[0] if len(rest) == 1 else rest
        if "enum" in schema:
            schema["enum"] = [v for v in schema["enum"] if v is not None]
    return schema
