"""Query parameter types and the checks the OpenAPI schema alone cannot express.

Every check raises a 400 problem that names the parameter.
"""

from __future__ import annotations

from typing import Annotated, Literal

from litestar.params import QueryParameter

from api.cursor import (
    CURSOR_PATTERN,
    POSITION_PATTERN,
    InvalidCursor,
    KeyKind,
    Keyset,
    decode_cursor,
    decode_position,
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
_SORT = (
    "The order: `-created` (the default: newest stored first; ids are time-ordered) or "
    "`created`; `-published_at` or `published_at` by publication time{claims}, rows without "
    "one last (`-`) or first{relevance}. A cursor is meant for the sort it came from."
)
_RELEVANCE = (
    "; `relevance` with `q`: the 1,000 newest matches, best first (without `q`: the default)"
)
DatedSort = Annotated[
    Literal["-created", "created", "-published_at", "published_at", "relevance"],
    QueryParameter(description=_SORT.format(claims="", relevance=_RELEVANCE)),
]
ClaimSort = Annotated[
    Literal["-created", "created", "-published_at", "published_at"],
    QueryParameter(description=_SORT.format(claims=" (a claim's: its article's)", relevance="")),
]
NamedSort = Annotated[
    Literal["-created", "created", "relevance"],
    QueryParameter(
        description=(
            "The order: `-created` (the default: newest stored first) or `created`; "
            "`relevance` with `q`: the 1,000 newest matches, the closest names first (without "
            "`q`: the default). A "
            "cursor is meant for the sort it came from."
        )
    ),
]
Count = Annotated[
    bool,
    QueryParameter(
        description="Add `meta.count`: how many rows match (exact up to 10,000, then "
        "estimated: `meta.count_exact` says which)."
    ),
]
GROUP_BY = (
    "Add `groups`: the matches grouped by this field, largest groups first, with "
    "`meta.grouped` (how many matches they count: the newest 10,000 at most)."
)
Everything = Annotated[
    bool,
    QueryParameter(
        description="Every matching row (from the `cursor` position on) in one "
        "FeatureCollection, streamed; `limit` is ignored and `next_cursor` is null."
    ),
]
ArticleGroup = Annotated[
    Literal["source", "place", "published_month"] | None, QueryParameter(description=GROUP_BY)
]
QuoteGroup = Annotated[
    Literal["speaker", "kind", "published_month"] | None, QueryParameter(description=GROUP_BY)
]
ClaimGroup = Annotated[
    Literal["stance", "type", "modality", "place", "published_month"] | None,
    QueryParameter(description=GROUP_BY),
]
ActorGroup = Annotated[Literal["kind"] | None, QueryParameter(description=GROUP_BY)]
PlaceGroup = Annotated[Literal["country", "kind"] | None, QueryParameter(description=GROUP_BY)]
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


def cursor_after(kind: str, cursor: str | None, key: KeyKind = None) -> Keyset | None:
    """Where a page of `kind` entities starts, from the `cursor` parameter, in a list whose
    order adds a `key` of this kind to the id (api.cursor)."""
    if cursor is None:
        return None
    try:
        return decode_cursor(kind, cursor, key)
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
