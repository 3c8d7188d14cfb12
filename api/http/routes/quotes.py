"""/v1/quotes: what was said, by whom, traceable to a span of its article."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get, patch
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody, QueryParameter

from api.corrections import QuotePatch
from api.db import curation, reads
from api.extract.types import QuoteKind
from api.filters import QuoteFilters, clean_text, several, time_range
from api.http.auth import access
from api.http.examples import WithExamples
from api.http.params import After, Before, Count, Cursor, DatedSort, Limit, QuoteGroup, SearchText
from api.http.problems import DETAIL_RESPONSES, LIST_RESPONSES, STALE, WRITE_RESPONSES
from api.http.reading import read_from
from api.http.responses import DETAIL_HEADERS, LIST_HEADERS
from api.http.routes.common import (
    IfMatch,
    QuoteIdPath,
    corrected,
    entity_response,
    id_filter,
    require_json,
)
from api.http.routes.listing import NDJSON_NOTE, Listing, list_response, listing, ndjson_of
from api.pages import QuotePage
from api.schemas import Quote

TAGS = ["quotes"]


def quote_listing(
    speaker: Annotated[str | None, id_filter("actor", "Only quotes by this actor.")] = None,
    article: Annotated[str | None, id_filter("article", "Only quotes from this article.")] = None,
    q: SearchText = None,
    kind: Annotated[
        list[QuoteKind] | None,
        QueryParameter(
            description="Only quotes of these kinds (repeat it: `kind=direct&kind=partial`)."
        ),
    ] = None,
    published_after: After = None,
    published_before: Before = None,
    sort: DatedSort = "-created",
    limit: Limit = 50,
    cursor: Cursor = None,
    count: Count = False,
    group_by: QuoteGroup = None,
) -> Listing[QuoteFilters]:
    after, before = time_range(published_after, published_before)
    filters = QuoteFilters(
        speaker=speaker, article=article, q=clean_text("q", q), kind=several(kind),
        published_after=after, published_before=before,
    )  # fmt: skip
    return listing(
        "quote", filters, sort=sort, cursor=cursor, limit=limit, count=count, group_by=group_by
    )


@get(
    "/v1/quotes",
    **access("read", LIST_RESPONSES),
    operation_id="listQuotes",
    summary="List quotes, newest first or as sorted",
    tags=TAGS,
    response_headers=LIST_HEADERS,
    description=NDJSON_NOTE,
    operation_class=ndjson_of("Quote"),
    dependencies={"listing": Provide(quote_listing, sync_to_thread=False)},
)
async def list_quotes(
    request: Request[Any, Any, Any], listing: NamedDependency[Listing[QuoteFilters]]
) -> Response[QuotePage]:
    return await list_response(request, reads.QUOTES, listing)


@get(
    "/v1/quotes/{quote_id:str}",
    **access("read", DETAIL_RESPONSES),
    operation_id="getQuote",
    operation_class=WithExamples,
    summary="Get a quote",
    tags=TAGS,
    response_headers=DETAIL_HEADERS,
)
async def get_quote(request: Request[Any, Any, Any], quote_id: QuoteIdPath) -> Response[Quote]:
    quote = await read_from(request, lambda db: reads.get_quote(db, quote_id))
    return entity_response(request, quote, "quote", quote_id)


@patch(
    "/v1/quotes/{quote_id:str}",
    **access("write", {**WRITE_RESPONSES, **STALE}),
    operation_id="patchQuote",
    operation_class=WithExamples,
    summary="Correct a quote's speaker, kind or span",
    description=(
        "Absent fields stay as they are; `speaker: null` clears the speaker; `start` and "
        "`end` come together and the text becomes that span of the article's body. The quote "
        "is marked curated (`curator`, time) and survives re-extraction of its article as it "
        "is. A PATCH with only `curator` marks the quote as reviewed."
    ),
    tags=TAGS,
    before_request=require_json,
)
async def patch_quote(
    request: Request[Any, Any, Any],
    quote_id: QuoteIdPath,
    data: JSONBody[QuotePatch],
    if_match: IfMatch = None,
) -> Response[Quote]:
    return await corrected(request, QuotePatch, quote_id, if_match, curation.patch_quote)


ROUTES = [list_quotes, get_quote, patch_quote]
