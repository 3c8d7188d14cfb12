"""Query parameter types and the checks the OpenAPI schema alone cannot express.

Every check raises a 400 problem that names the parameter.
"""

from __future__ import annotations

import re
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
from api.db.reads import Box
from api.http.problems import bad_parameter
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
SINCE_PATTERN = "^(?:" + POSITION_PATTERN.removeprefix("^").removesuffix("$") + ")?$"
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
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)
_LON = r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[0-9]{1,2})(?:\.[0-9]+)?)"
_LAT = r"-?(?:90(?:\.0+)?|[0-8]?[0-9](?:\.[0-9]+)?)"
BBOX_PATTERN = rf"^{_LON},{_LAT},{_LON},{_LAT}$"
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
        raise bad_parameter("query", "cursor", str(exc)) from exc
    return after_id, at if at is not None else datetime.min.replace(tzinfo=UTC)


def cursor_after(kind: str, cursor: str | None) -> str | None:
    """The id a page of `kind` entities starts after, from the `cursor` parameter."""
    if cursor is None:
        return None
    try:
        return decode_cursor(kind, cursor)
    except InvalidCursor as exc:
        raise bad_parameter("query", "cursor", str(exc)) from exc


def since_position(since: str | None) -> Position:
    """Where the changes feed resumes, from the `since` parameter."""
    if not since:
        return BEGINNING
    try:
        return decode_position(since)
    except InvalidCursor as exc:
        raise bad_parameter("query", "since", str(exc)) from exc


def clean_text(name: str, value: str | None) -> str | None:
    """Reject what Postgres cannot compare: NUL characters (the contract's pattern says so too)
    and lone surrogates."""
    if value is None:
        return None
    if "\x00" in value:
        raise bad_parameter("query", name, "must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise bad_parameter("query", name, "must be valid Unicode text") from exc
    return value


def parse_time(name: str, value: str | None, source: str = "query") -> datetime | None:
    """An RFC 3339 date-time with its offset, e.g. `2025-12-02T09:00:00Z`."""
    if value is None:
        return None
    if _RFC3339.fullmatch(value) is None:
        raise bad_parameter(
            source, name, "must be an RFC 3339 date-time, e.g. 2025-12-02T09:00:00Z"
        )
    # Python < 3.11 rejects more than 6 fractional digits; keep microseconds only.
    head, sep, tail = value.partition(".")
    if sep:
        digits = re.match(r"\d+", tail)
        assert digits is not None
        value = f"{head}.{digits[0][:6].ljust(6, '0')}{tail[digits.end() :]}"
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError as exc:  # e.g. month 13
        raise bad_parameter(source, name, f"is not a valid date-time: {exc}") from exc
    return in_utc(source, name, parsed)


def in_utc(source: str, name: str, value: datetime) -> datetime:
    """The same instant in UTC; 400 when it falls outside years 1–9999 (what Python and the
    database driver can represent), e.g. 9999-12-31T23:59:59-23:59."""
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise bad_parameter(source, name, "is outside the years 1 to 9999 in UTC") from exc


def time_range(after: str | None, before: str | None) -> tuple[datetime | None, datetime | None]:
    """Parse `published_after` / `published_before` (an empty range simply matches nothing)."""
    return parse_time("published_after", after), parse_time("published_before", before)


def parse_bbox(value: str | None) -> Box | None:
    """`"30.1,44.0,40.5,52.4"` → ((30.1, 44.0), (40.5, 52.4)): a Postgres box of (lon, lat).

    Postgres orders a box's corners itself, so swapped corners describe the same box.
    """
    if value is None:
        return None
    if re.fullmatch(BBOX_PATTERN, value) is None:
        raise bad_parameter(
            "query",
            "bbox",
            "must be min_lon,min_lat,max_lon,max_lat with longitudes in [-180, 180] and "
            "latitudes in [-90, 90]",
        )
    min_lon, min_lat, max_lon, max_lat = (float(p) for p in value.split(","))
    return ((min_lon, min_lat), (max_lon, max_lat))
