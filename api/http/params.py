"""Query parameter types and the checks the OpenAPI schema alone cannot express.

Every check raises a 400 problem that names the parameter.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from litestar.params import QueryParameter

from api.cursor import (
    CURSOR_PATTERN,
    POSITION_PATTERN,
    InvalidCursor,
    decode_cursor,
    decode_position,
    decode_timed_cursor,
)
from api.db.changes import BEGINNING, Position
from api.errors import Invalid
from api.filters import BBOX_PATTERN
from api.http.patterns import register
from api.schemas import NO_NUL

MAX_TEXT = 500

Limit = Annotated[int, QueryParameter(ge=1, le=200, description="Page size, 1–200.")]
Cursor = Annotated[
    str | None,
    QueryParameter(
        pattern=CURSOR_PATTERN,
        description="`next_cursor` of the previous page (opaque); omit for the first page.",
    ),
]
# an empty `since=` is the beginning too, so a client may start from a stored empty string
SINCE_PATTERN = register(
    "^(|" + POSITION_PATTERN.removeprefix("^").removesuffix("$") + ")$",
    "the `next_cursor` of a previous response, as it was given, or nothing",
)
Since = Annotated[
    str | None,
    QueryParameter(
        pattern=SINCE_PATTERN,
        description=(
            "`next_cursor` of the previous response (opaque); absent or empty: from the "
            "beginning of the log."
        ),
    ),
]
SearchText = Annotated[
    str | None,
    QueryParameter(
        min_length=1,
        max_length=MAX_TEXT,
        pattern=NO_NUL,
        description='Full-text search (web search syntax: words, "phrases", -not, or).',
    ),
]
# Times are taken as strings and parsed here: the generic decoder would also accept unix
# timestamps and dates without a time, which RFC 3339 `date-time` does not allow.
After = Annotated[
    str | None,
    QueryParameter(
        description="Only items published at or after this RFC 3339 time (inclusive).",
        schema_extra={"format": "date-time"},
    ),
]
Before = Annotated[
    str | None,
    QueryParameter(
        description="Only items published before this RFC 3339 time (exclusive).",
        schema_extra={"format": "date-time"},
    ),
]
BBox = Annotated[
    str | None,
    QueryParameter(
        pattern=BBOX_PATTERN,
        description=(
            "Bounding box `min_lon,min_lat,max_lon,max_lat` in degrees (WGS 84), e.g. "
            "`36.5,47.5,38.5,49`. The box spans the two corners whichever order they come in; "
            "it does not wrap around the antimeridian."
        ),
    ),
]


def timed_cursor_after(kind: str, cursor: str | None) -> tuple[str, datetime] | None:
    """The (id, time) position a list ordered by time starts after; a cursor without a time
    (from an id-ordered list) starts from the beginning of time."""
    if cursor is None:
        return None
    try:
        after_id, at = decode_timed_cursor(kind, cursor)
    except InvalidCursor as exc:
        raise Invalid("query", "cursor", str(exc)) from exc
    return after_id, at if at is not None else datetime.min.replace(tzinfo=UTC)


def cursor_after(kind: str, cursor: str | None) -> str | None:
    """The id a page of `kind` entities starts after, from the `cursor` parameter."""
    if cursor is None:
        return None
    try:
        return decode_cursor(kind, cursor)
    except InvalidCursor as exc:
        raise Invalid("query", "cursor", str(exc)) from exc


def since_position(since: str | None) -> Position:
    """Where the changes feed resumes, from the `since` parameter."""
    if not since:
        return BEGINNING
    try:
        return decode_position(since)
    except InvalidCursor as exc:
        raise Invalid("query", "since", str(exc)) from exc
