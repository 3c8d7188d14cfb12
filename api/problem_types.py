"""The kinds of problem Gazette answers with, each with its own `type` URI.

A client switches on `type` (RFC 9457 §3.1.1), never on the wording of `title` or `detail`.
Each type is a path of this API (`/problems/not-found`) that answers the type's description,
so the URI is documentation a client can fetch; the spec's Problem schema lists them all.
Wire data only (no web imports): api/schemas.py documents `Problem.type` from it.
"""

from __future__ import annotations

import msgspec


class ProblemType(msgspec.Struct, frozen=True):
    """One kind of problem: what `type`, `title` and `status` a problem of it carries."""

    type: str
    title: str
    status: int
    description: str


def _kind(slug: str, title: str, status: int, description: str) -> ProblemType:
    return ProblemType(f"/problems/{slug}", title, status, description)


PROBLEM_TYPES = [
    _kind("invalid-request", "Invalid request", 400,
          "A parameter, header or the body cannot be read as what it must be; `errors` names "
          "each one (source: query, path, header or body)."),
    _kind("unauthorized", "Unauthorized", 401,
          "The operation needs an API key, or the key sent is unknown or revoked."),
    _kind("forbidden", "Forbidden", 403,
          "The API key is valid but its scopes do not include the one the operation needs."),
    _kind("not-found", "Not found", 404, "No resource has this path or this id."),
    _kind("method-not-allowed", "Method not allowed", 405,
          "The path exists but does not take this method; `Allow` lists those it takes."),
    _kind("not-acceptable", "Not acceptable", 406,
          "None of the media types in Accept is one the operation can answer with."),
    _kind("conflict", "Conflict", 409,
          "The change clashes with what is stored (another actor has that name and kind), or "
          "a request with the same Idempotency-Key is still running."),
    _kind("gone", "Gone", 410,
          "What the request points at was here and is no more (a change-log position older "
          "than the log keeps)."),
    _kind("precondition-failed", "Precondition failed", 412,
          "If-Match names a version the resource no longer has: someone changed it since "
          "you read it. Read it again and decide."),
    _kind("body-too-large", "Request body too large", 413,
          "The body is longer than GAZETTE_MAX_REQUEST_BYTES."),
    _kind("unsupported-media-type", "Unsupported media type", 415,
          "The body must be sent as application/json."),
    _kind("unprocessable-request", "Unprocessable request", 422,
          "The request is well formed but cannot be applied (an actor that does not exist, a "
          "span past the end of the text); `errors` names the field."),
    _kind("unprocessable-article", "Unprocessable article", 422,
          "The article cannot be stored: too long, in a language Gazette does not extract "
          "(`errors` names the one detected), or its extraction failed. Nothing of it was "
          "written."),
    _kind("idempotency-key-reused", "Idempotency-Key reused", 422,
          "This Idempotency-Key was used before with a different request."),
    _kind("too-many-requests", "Too many requests", 429,
          "A rate limit or quota is spent; Retry-After says when to try again."),
    _kind("internal-error", "Internal server error", 500,
          "A bug: it was logged with its request id. Nothing about it is in the answer."),
    _kind("service-unavailable", "Service unavailable", 503,
          "The database is out of reach or too slow, or every slot is busy; Retry-After says "
          "when to try again."),
    _kind("request-failed", "Request failed", 400,
          "Any other refusal of the request; `status` says which."),
]  # fmt: skip

BY_TITLE = {kind.title: kind for kind in PROBLEM_TYPES}
BY_SLUG = {kind.type.removeprefix("/problems/"): kind for kind in PROBLEM_TYPES}


def type_of(title: str) -> str:
    """The `type` URI of the problem with this title. Every title the API uses is listed (a
    test reads them from the code); an unlisted one is a generic refusal, not a 500."""
    found = BY_TITLE.get(title)
    return found.type if found is not None else "/problems/request-failed"
