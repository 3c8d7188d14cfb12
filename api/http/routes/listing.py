"""Lists in two representations: a JSON page, or every matching row as NDJSON.

A list request names its filters, its order (`sort`, api/sorting.py), the page (`cursor`,
`limit`) and, for a JSON page, whether to add the total (`count=true`) and a facet
(`group_by=`): both are computed over the same filters (api.db.reads.count_list,
group_list).

`Accept: application/x-ndjson` on a list streams all rows that match its filters, one JSON
object per line, from the `cursor` position on (`limit` is ignored). The rows are read in
keyset pages of `STREAM_PAGE` from one read-only snapshot, so memory stays constant however
many rows there are, and no row is missed or repeated by concurrent writes. How many streams
may run, and on which connections, is api.http.streams's business.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import asyncpg
import msgspec
from litestar import MediaType, Request, Response
from litestar.openapi.spec import OpenAPIMediaType, Operation, Reference
from litestar.response import Stream
from msgspec import UNSET, UnsetType

from api.cursor import Keyset, encode_cursor
from api.db.reads import FetchPage, ListRead, Slice, count_list, every_page, group_list, pages
from api.db.rows import Db
from api.filters import Filters
from api.geojson import STREAM_HEAD, STREAM_TAIL, features_json
from api.http.examples import WithExamples
from api.http.params import cursor_after
from api.http.reading import read_from, stream_source
from api.http.responses import GEOJSON, NDJSON, json_response, next_link, page_response
from api.http.routes.common import resources
from api.http.streams import close_at_end
from api.pages import Group, ListMeta
from api.sorting import Sort, effective, key_of

F = TypeVar("F", bound=Filters)


@dataclass(frozen=True)
class Listing(Generic[F]):
    """A list request, as its route's dependency reads it: the list's filters (api/filters.py),
    its order, the page asked for (after the cursor's row, at most `limit` rows), and the
    total and facet asked for."""

    filters: F
    sort: Sort
    after: Keyset | None
    limit: int
    count: bool = False
    group_by: str | None = None

    def fetch(self, how: ListRead[Any]) -> FetchPage[Any]:
        """The list's pages, with this request's filters and order."""
        return pages(how, self.filters, self.sort)


def listing(
    kind: str,
    filters: F,
    *,
    sort: Sort,
    cursor: str | None,
    limit: int,
    count: bool = False,
    group_by: str | None = None,
) -> Listing[F]:
    """A list request of `kind` entities, its cursor read for its order."""
    sort = effective(sort, getattr(filters, "q", None))
    after = cursor_after(kind, cursor, key_of(sort))
    return Listing(filters, sort, after, limit, count, group_by)


STREAM_PAGE = 5000  # rows per query: planning each query costs about as much as 1,000 rows

_encoder = msgspec.json.Encoder()


def wants(request: Request[Any, Any, Any], media_type: str, *others: str) -> bool:
    """True when the Accept header prefers `media_type` to JSON (and to `others`)."""
    accept = request.headers.get("accept")
    if not accept or media_type not in accept.lower():
        return False  # only a header that names it can prefer it (parsing one costs ~25 µs)
    offered = [MediaType.JSON, *others, media_type]
    return request.accept.best_match(offered, default=MediaType.JSON) == media_type


async def list_response(
    request: Request[Any, Any, Any],
    how: ListRead[Any],
    asked: Listing[Any],
    geojson: Callable[[list[Any], str | None], Any] | None = None,
) -> Response[Any]:
    """A JSON page of the list, or with `Accept: application/x-ndjson` all of it, streamed;
    for a list with a `geojson` collection, `Accept: application/geo+json` gets the page as
    that FeatureCollection."""
    fetch, after = asked.fetch(how), asked.after
    if geojson is not None and wants(request, GEOJSON, NDJSON):
        response = await geojson_list_response(
            request, how, asked, everything=False, collect=geojson
        )
    elif wants(request, NDJSON):
        response = await streamed(request, fetch, after, ndjson_lines, NDJSON)
    else:

        async def page_and_totals(
            db: Db,
        ) -> tuple[Slice[Any], ListMeta | UnsetType, list[Group] | UnsetType]:
            rows = await fetch(db, after, asked.limit)
            return (rows, *await about_the_list(db, how, asked))

        rows, meta, groups = await read_from(request, page_and_totals)
        response = page_response(request, rows, meta, groups)
    response.headers["Vary"] = "Accept"  # caches must key a list's answers on Accept
    return response


Chunks = Callable[
    ["asyncpg.Pool[asyncpg.Record]", FetchPage[Any], Keyset | None], AsyncGenerator[bytes, None]
]


async def streamed(
    request: Request[Any, Any, Any],
    fetch: FetchPage[Any],
    after: Keyset | None,
    chunks: Chunks,
    media_type: str,
) -> Response[Any]:
    """Every row of a list after `after`, streamed as `chunks` writes them, from a replica
    or the streams' own pool (api.http.reading); api.http.streams caps how many run."""
    held = resources(request)
    # A slot first (503/429 when streams are at their cap). Once the stream starts its
    # status is sent: a bad filter (400) or a database that is down or busy (503) must
    # show before, so ask for one row first.
    release = held.streams.take(request.client.host if request.client else "unknown")
    try:
        pool = await stream_source(request, lambda db: fetch(db, after, 1))
    except BaseException:
        release()
        raise
    body = chunks(pool, fetch, after)
    close_at_end(request.scope, body, release)
    return Stream(body, media_type=media_type)


async def geojson_list_response(
    request: Request[Any, Any, Any],
    how: ListRead[Any],
    asked: Listing[Any],
    everything: bool,
    collect: Callable[[list[Any], str | None], Any],
) -> Response[Any]:
    """A page of claims or places as a FeatureCollection (`collect` builds it), or with
    `everything` the whole list as one, streamed."""
    fetch = asked.fetch(how)
    if everything:
        return await streamed(request, fetch, asked.after, geojson_chunks, GEOJSON)
    rows = await read_from(request, lambda db: fetch(db, asked.after, asked.limit))
    cursor = None if rows.next is None else encode_cursor(rows.next)
    headers = next_link(request, cursor)
    return json_response(request, collect(rows.rows, cursor), headers=headers, media_type=GEOJSON)


async def geojson_chunks(
    pool: asyncpg.Pool[asyncpg.Record], fetch: FetchPage[Any], after: Keyset | None
) -> AsyncGenerator[bytes, None]:
    """A FeatureCollection of every row after `after`: its head, a page of features per
    chunk, its tail."""
    yield STREAM_HEAD
    first = True
    async for rows in every_page(pool, fetch, after, STREAM_PAGE):
        yield features_json(rows, first)
        first = False
    yield STREAM_TAIL


async def about_the_list(
    db: Db, how: ListRead[Any], asked: Listing[Any]
) -> tuple[ListMeta | UnsetType, list[Group] | UnsetType]:
    """The total and the facet the request asked for (UNSET: not asked)."""
    if not asked.count and asked.group_by is None:
        return UNSET, UNSET
    meta = ListMeta()
    groups: list[Group] | UnsetType = UNSET
    if asked.count:
        total = await count_list(db, how, asked.filters)
        meta.count, meta.count_exact = total.count, total.exact
    if asked.group_by is not None:
        grouped = await group_list(db, how, asked.filters, asked.group_by)
        meta.group_by, meta.grouped, groups = asked.group_by, grouped.counted, grouped.groups
    return meta, groups


async def ndjson_lines(
    pool: asyncpg.Pool[asyncpg.Record], fetch: FetchPage[Any], after: Keyset | None
) -> AsyncGenerator[bytes, None]:
    """Every row after `after`, one JSON line each, a page of lines per chunk."""
    async for rows in every_page(pool, fetch, after, STREAM_PAGE):
        yield _encoder.encode_lines(rows)


def with_alternatives(**media: str) -> type[Operation]:
    """An Operation class whose 200 response also offers these media types, each with the
    schema component it carries (NDJSON: the schema of one line).

    Litestar documents one media type per response; the contract must list them all.
    """

    @dataclass
    class WithAlternatives(WithExamples):
        def __post_init__(self) -> None:
            ok = (self.responses or {}).get("200")
            content = getattr(ok, "content", None)
            if content is None:
                return
            for media_type, component in media.items():
                ref = Reference(ref=f"#/components/schemas/{component}")
                content[media_type] = OpenAPIMediaType(schema=ref)

    return WithAlternatives


def ndjson_of(component: str) -> type[Operation]:
    """The Operation class of a list that also streams `component` rows as NDJSON."""
    return with_alternatives(**{NDJSON: component})


NDJSON_NOTE = (
    "With `Accept: application/x-ndjson` the answer is every matching row instead of a page: "
    "one JSON object per line, streamed, in the `sort` order from the `cursor` position on "
    "(`limit`, `count` and `group_by` are ignored)."
)
