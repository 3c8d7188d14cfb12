"""Lists in two representations: a JSON page, or every matching row as NDJSON.

`Accept: application/x-ndjson` on a list streams all rows that match its filters, one JSON
object per line, from the `cursor` position on (`limit` is ignored). The rows are read in
keyset pages of `STREAM_PAGE` from one read-only snapshot, so memory stays constant however
many rows there are, and no row is missed or repeated by concurrent writes. How many streams
may run, and on which connections, is api.http.streams's business.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import asyncpg
import msgspec
from litestar import MediaType, Request, Response
from litestar.openapi.spec import OpenAPIMediaType, Operation, Reference
from litestar.response import Stream

from api.db.reads import FetchPage, every_page
from api.filters import Filters
from api.http.examples import WithExamples
from api.http.responses import NDJSON, page_response
from api.http.routes.common import resources
from api.http.streams import close_at_end

F = TypeVar("F", bound=Filters)


@dataclass(frozen=True)
class Listing(Generic[F]):
    """A list request, as its route's dependency reads it: the list's filters (api/filters.py)
    and the page asked for (after the cursor's row, at most `limit` rows)."""

    filters: F
    after: str | None
    limit: int


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
    request: Request[Any, Any, Any], fetch: FetchPage[Any], *, after: str | None, limit: int
) -> Response[Any]:
    """A JSON page of the list, or with `Accept: application/x-ndjson` all of it, streamed."""
    held = resources(request)
    if wants(request, NDJSON):
        # A slot first (503/429 when streams are at their cap: api.http.streams), on the streams'
        # own pool. Once the stream starts its status is sent: a bad filter (400) or a
        # database that is down or busy (503) must show before, so ask for one row first.
        release = held.streams.take(request.client.host if request.client else "unknown")
        try:
            await fetch(held.stream_pool, after, 1)
        except BaseException:
            release()
            raise
        lines = ndjson_lines(held.stream_pool, fetch, after)
        close_at_end(request.scope, lines, release)
        response: Response[Any] = Stream(lines, media_type=NDJSON)
    else:
        response = page_response(request, await fetch(held.pool, after, limit))
    response.headers["Vary"] = "Accept"  # caches must key a list's answers on Accept
    return response


async def ndjson_lines(
    pool: asyncpg.Pool[asyncpg.Record], fetch: FetchPage[Any], after: str | None
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
    "one JSON object per line, streamed, from the `cursor` position on (`limit` is ignored)."
)
