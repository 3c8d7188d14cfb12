"""RFC 9457 problem details: every error the API returns, and how each exception maps to one.

One table from exception to status (PostgREST's errors.rst idea): validation → 400, unknown
id → 404, too large → 413, database unavailable or too slow → 503. Anything else is a bug:
logged with its traceback, answered as a bare 500 problem without internals.
"""

from __future__ import annotations

import logging
from typing import Any

import asyncpg
import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.types import Scope

from api import errors
from api.db import failures
from api.http.limits import STORE_ERRORS
from api.http.patterns import in_words
from api.problem_types import type_of
from api.schemas import Problem, ProblemError

log = logging.getLogger("gazette.errors")

PROBLEM_JSON = "application/problem+json"


def new_problem(
    title: str,
    status: int,
    detail: str | None,
    instance: str | None,
    errors: list[ProblemError] | None = None,
) -> Problem:
    """A problem document of the kind `title` names (api/problem_types.py gives its type)."""
    return Problem(
        type=type_of(title), title=title, status=status, detail=detail, instance=instance,
        errors=errors,
    )  # fmt: skip


class ApiError(Exception):
    """An error with a status and a message meant for the client."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        errors: list[ProblemError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}


# Domain errors (api/errors.py) as problems: the one place they become HTTP. A subclass
# that is not listed takes its nearest listed base's row.
DOMAIN_PROBLEMS: dict[type[errors.GazetteError], tuple[int, str]] = {
    errors.Invalid: (400, "Invalid request"),
    errors.NotFound: (404, "Not found"),
    errors.Conflict: (409, "Conflict"),
    errors.Gone: (410, "Gone"),
    errors.Stale: (412, "Precondition failed"),
    errors.Unprocessable: (422, "Unprocessable request"),
    errors.ArticleRefused: (422, "Unprocessable article"),
    errors.Busy: (503, "Service unavailable"),
}


def api_error_of(exc: errors.GazetteError) -> ApiError:
    """The problem a domain error is answered with: status and title from DOMAIN_PROBLEMS,
    the field it names in `errors`, Retry-After when it says when to come back."""
    status, title = next(DOMAIN_PROBLEMS[k] for k in type(exc).__mro__ if k in DOMAIN_PROBLEMS)
    fields: list[ProblemError] | None = None
    headers: dict[str, str] = {}
    if isinstance(exc, errors.Invalid):
        fields = [ProblemError(source=exc.source, name=exc.name, message=exc.message)]
    elif isinstance(exc, errors.Unprocessable):
        fields = [ProblemError(source="body", name=exc.name, message=exc.message)]
    elif isinstance(exc, errors.Busy):
        headers["Retry-After"] = str(exc.retry_after_s)
    return ApiError(status, title, exc.detail, fields, headers)


def problem_response(
    request: Request[Any, Any, Any], problem: Problem, headers: dict[str, str] | None = None
) -> Response[bytes]:
    return Response(
        content=msgspec.json.encode(problem),
        status_code=problem.status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def _on_api_error(request: Request[Any, Any, Any], exc: ApiError) -> Response[bytes]:
    problem = new_problem(exc.title, exc.status, exc.detail, request.url.path, exc.errors)
    return problem_response(request, problem, exc.headers)


def _on_domain_error(request: Request[Any, Any, Any], exc: errors.GazetteError) -> Response[bytes]:
    return _on_api_error(request, api_error_of(exc))


def _source_name(source: Any) -> str:
    """Litestar gives a ParamType enum ("query", "path", "header") or nothing for the body."""
    if source is None:
        return "body"
    return str(getattr(source, "value", source))


def _validation_errors(exc: ValidationException) -> list[ProblemError]:
    """Litestar's `extra` is a list of {message, key, source} dicts, one per bad input."""
    errors: list[ProblemError] = []
    extra = exc.extra if isinstance(exc.extra, list) else []
    for item in extra:
        if isinstance(item, dict):
            name = str(item.get("key") or "")
            errors.append(
                ProblemError(
                    source=_source_name(item.get("source")),
                    # Litestar names the request body after the handler's `data` parameter
                    name="body" if name == "data" else name,
                    message=in_words(str(item.get("message") or "invalid value")),
                )
            )
    return errors


def _on_validation_error(
    request: Request[Any, Any, Any], exc: ValidationException
) -> Response[bytes]:
    errors = _validation_errors(exc)
    if errors:
        detail = "; ".join(
            f"{e.source} parameter {e.name!r}: {e.message}" if e.name else e.message for e in errors
        )
    else:
        detail = str(exc.detail)
    problem = new_problem("Invalid request", 400, detail, request.url.path, errors or None)
    return problem_response(request, problem)


def _on_http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[bytes]:
    if isinstance(exc, ValidationException):
        return _on_validation_error(request, exc)
    status = exc.status_code
    title = {
        400: "Invalid request",
        404: "Not found",
        405: "Method not allowed",
        413: "Request body too large",
        415: "Unsupported media type",
        406: "Not acceptable",
    }.get(status, "Request failed")
    detail = str(exc.detail) if exc.detail else title
    headers = dict(exc.headers or {})
    if status == 429:  # Litestar's limiter sends RateLimit-* but not Retry-After
        title, detail = "Too many requests", "the rate limit is spent; try again later"
        headers["Retry-After"] = headers.get("RateLimit-Reset", "60")
    problem = new_problem(title, status, detail, request.url.path)
    return problem_response(request, problem, headers)


def _unavailable(request: Request[Any, Any, Any], detail: str) -> Response[bytes]:
    problem = new_problem("Service unavailable", 503, detail, request.url.path)
    return problem_response(request, problem, {"Retry-After": "5"})


async def renew_connections(exc: Exception, scope: Scope) -> None:
    """An `after_exception` hook: Litestar awaits it before the error response is built, so
    the very next request already gets fresh connections."""
    if not isinstance(exc, failures.LOST_CONNECTION):
        return
    resources = getattr(scope["litestar_app"].state, "resources", None)
    if resources is not None:
        await resources.pool.expire_connections()


def _on_database_error(request: Request[Any, Any, Any], exc: Exception) -> Response[bytes]:
    reason = failures.transient_reason(exc)
    if reason is not None:
        log.warning("database unavailable on %s %s: %r", request.method, request.url.path, exc)
        return _unavailable(request, reason)
    if isinstance(exc, failures.BAD_VALUE):  # class 22: a value the database cannot take
        detail = f"a value cannot be used: {exc}"
        problem = new_problem("Invalid request", 400, detail, request.url.path)
        return problem_response(request, problem)
    return _on_unexpected(request, exc)


def _on_unexpected(request: Request[Any, Any, Any], exc: Exception) -> Response[bytes]:
    if isinstance(exc, HTTPException):
        return _on_http_error(request, exc)
    if isinstance(exc, failures.BAD_VALUE) or failures.transient_reason(exc) is not None:
        return _on_database_error(request, exc)
    if isinstance(exc, STORE_ERRORS):
        log.warning("rate limit store unavailable on %s: %r", request.url.path, exc)
        return _unavailable(request, "the rate limit store is unavailable; try again shortly")
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    detail = "an unexpected error occurred; it has been logged"
    problem = new_problem("Internal server error", 500, detail, request.url.path)
    return problem_response(request, problem)


def _bad_body(request: Request[Any, Any, Any], detail: str) -> Response[bytes]:
    """A 400 for a body that cannot be read at all (before any field could be named)."""
    errors = [ProblemError(source="body", name="body", message=detail)]
    problem = new_problem(
        "Invalid request", 400, f"the request body {detail}", request.url.path, errors
    )
    return problem_response(request, problem)


def _on_recursion(request: Request[Any, Any, Any], exc: RecursionError) -> Response[bytes]:
    # msgspec raises it for JSON nested thousands deep (even in fields that are ignored); no
    # code of ours recurses on input
    return _bad_body(request, "is nested too deeply")


def _on_bad_encoding(request: Request[Any, Any, Any], exc: UnicodeDecodeError) -> Response[bytes]:
    # Litestar decodes a JSON body as UTF-8 before msgspec sees it, and lets this escape
    return _bad_body(request, "is not valid UTF-8")


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    RecursionError: _on_recursion,
    UnicodeDecodeError: _on_bad_encoding,
    ApiError: _on_api_error,
    errors.GazetteError: _on_domain_error,
    HTTPException: _on_http_error,
    asyncpg.PostgresError: _on_database_error,
    asyncpg.InterfaceError: _on_database_error,
    OSError: _on_database_error,
    TimeoutError: _on_database_error,
    Exception: _on_unexpected,
}


def problem_spec(description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=Problem,
        description=description,
        media_type=PROBLEM_JSON,
        generate_examples=False,
    )


BAD_REQUEST = {
    400: problem_spec(
        "A parameter or the body is invalid, or the query string is longer than "
        "GAZETTE_MAX_QUERY_CHARS; `errors` names each one."
    )
}
NOT_FOUND = {404: problem_spec("No entity has this id.")}
STALE = {
    412: problem_spec(
        "`If-Match` names another version than the entity's current ETag: someone changed it "
        "since you read it. GET it again and decide."
    )
}
UNAVAILABLE = {
    503: problem_spec(
        "The database is unavailable or too slow, or (NDJSON) every stream slot is busy; "
        "retry after `Retry-After`."
    )
}
UNPROCESSABLE = {
    422: problem_spec(
        "The article is valid but longer than this server's GAZETTE_MAX_BODY_CHARS, or its "
        "extraction went past this server's time or memory limit (GAZETTE_EXTRACT_TIMEOUT_S, "
        "GAZETTE_EXTRACT_MEMORY_MB); nothing was stored, and `errors` says which."
    )
}
TOO_LARGE = {413: problem_spec("The request body is larger than the configured limit.")}
UNSUPPORTED_MEDIA = {415: problem_spec("The request body is not `application/json`.")}
NOT_MODIFIED = {
    304: ResponseSpec(
        data_container=None,
        description="The entity matches `If-None-Match`: not modified.",
        generate_examples=False,
    )
}

UNAUTHORIZED = {
    401: problem_spec(
        "No valid API key: missing where one is needed (writes; reads when the server "
        "requires it), or unknown or revoked. Send `Authorization: Bearer <key>`."
    )
}
FORBIDDEN = {403: problem_spec("The API key is valid but lacks the scope this operation needs.")}
TOO_MANY = {
    429: problem_spec(
        "Too many requests from this key (or address), more NDJSON streams at once than an "
        "address may hold, or (on ingest) more article text this minute than the key's "
        "GAZETTE_INGEST_CHARS_PER_MINUTE: wait `Retry-After` seconds. `RateLimit-Limit`, "
        "`RateLimit-Remaining` and `RateLimit-Reset` describe the request window."
    )
}
ACCESS_ERRORS = {**UNAUTHORIZED, **FORBIDDEN, **TOO_MANY}
CONFLICT = {409: problem_spec("Another actor already has this name and kind: merge them.")}
CANNOT_APPLY = {
    422: problem_spec("The change is well-formed but cannot be applied; `errors` says why.")
}
GONE = {
    410: problem_spec(
        "`since` is not a position of this server's log (it comes from another database, or "
        "from before a restore into a new cluster): sync again from the beginning."
    )
}
MOVED = {
    301: ResponseSpec(
        data_container=None,
        description="This actor was merged into another: `Location` is the survivor's URL.",
        generate_examples=False,
    )
}
WRITE_RESPONSES: dict[int, ResponseSpec] = {
    **BAD_REQUEST,
    **NOT_FOUND,
    **UNSUPPORTED_MEDIA,
    **CANNOT_APPLY,
    **UNAVAILABLE,
}
LIST_RESPONSES: dict[int, ResponseSpec] = {**BAD_REQUEST, **NOT_MODIFIED, **UNAVAILABLE}
DETAIL_RESPONSES: dict[int, ResponseSpec] = {
    **BAD_REQUEST,
    **NOT_FOUND,
    **NOT_MODIFIED,
    **UNAVAILABLE,
}
