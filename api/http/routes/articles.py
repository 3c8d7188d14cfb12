"""/v1/articles: ingest, list, read annotated, delete."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import msgspec
from litestar import Request, Response, delete, get, post
from litestar.datastructures import ResponseHeader
from litestar.di import NamedDependency, Provide
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.db import reads, writes
from api.errors import ArticleRefused, Invalid, NotFound
from api.extract import language
from api.filters import ArticleFilters, clean_text, in_utc, time_range
from api.http.auth import access
from api.http.examples import WithExamples
from api.http.params import (
    After,
    ArticleGroup,
    Before,
    Count,
    Cursor,
    DatedSort,
    Limit,
    SearchText,
)
from api.http.problems import (
    BAD_REQUEST,
    DETAIL_RESPONSES,
    LIST_RESPONSES,
    NOT_FOUND,
    TOO_LARGE,
    UNAVAILABLE,
    UNPROCESSABLE,
    UNSUPPORTED_MEDIA,
    problem_spec,
)
from api.http.reading import read_from
from api.http.responses import DETAIL_HEADERS, ETAG_HEADER, LIST_HEADERS, json_response
from api.http.routes.common import (
    ArticleIdPath,
    entity_response,
    id_filter,
    require_json,
    resources,
    strict_body,
)
from api.http.routes.idempotency import (
    IDEMPOTENCY_ERRORS,
    REPLAYED_HEADER,
    IdempotencyKey,
    idempotent,
)
from api.http.routes.listing import NDJSON_NOTE, Listing, list_response, listing, ndjson_of
from api.pages import ArticlePage
from api.schemas import NO_NUL, Article, ArticleIn, IngestedArticle
from api.services import ingest as ingest_step

TAGS = ["articles"]
# asyncpg writes the first and last instants Python knows as -infinity and infinity, which
# read back as dates without an offset: the days they fall on are refused (the contract's
# pattern on ArticleIn.published_at says the same)
UNSTORABLE_DAYS = (date.min, date.max)


def strict_article(raw: bytes) -> ArticleIn:
    """The article decoded strictly, its `published_at` in UTC."""
    article = strict_body(raw, ArticleIn)
    if article.published_at is None:
        return article
    if article.published_at.date() in UNSTORABLE_DAYS:  # the day as written (schemas.py)
        raise Invalid(
            "body", "published_at", "must not fall on 0001-01-01 or 9999-12-31 as written"
        )
    published_at = in_utc("body", "published_at", article.published_at)
    return msgspec.structs.replace(article, published_at=published_at)


def check_article(article: ArticleIn, max_body_chars: int) -> None:
    """What the schema cannot say: this server's body length limit (GAZETTE_MAX_BODY_CHARS),
    and a body in a language Gazette does not extract (api.extract.language).

    NUL and blank text are excluded by the schema's patterns, and the JSON decoder rejects
    lone surrogates, so what passes here can be stored.
    """
    if len(article.body) > max_body_chars:
        message = f"is {len(article.body)} characters; the limit is {max_body_chars}"
        raise ArticleRefused(message)
    if why := language.refusal(article.body):
        raise ArticleRefused(why)


GONE_MEANWHILE = {
    404: problem_spec("The article was stored but deleted by another request before this answer.")
}
ALREADY_STORED = {
    200: ResponseSpec(
        data_container=Article,
        generate_examples=False,
        description="An article with this url or this body is already stored: here it is.",
    )
}


@post(
    "/v1/articles",
    **access(
        "write",
        {
            **ALREADY_STORED,
            **BAD_REQUEST,
            **GONE_MEANWHILE,
            **TOO_LARGE,
            **UNSUPPORTED_MEDIA,
            **IDEMPOTENCY_ERRORS,
            **UNPROCESSABLE,
            **UNAVAILABLE,
        },
    ),
    operation_id="createArticle",
    operation_class=WithExamples,
    summary="Ingest an article",
    description=(
        "Extracts actors, quotes, places and claims and stores them with the article in one "
        "transaction. Idempotent: an article whose url or body is already stored is returned "
        "with 200 instead of 201. An article keeps at most 500 actors, 500 places, 500 quotes "
        "and 500 claims, the first found in its text: text made to yield thousands would "
        "otherwise make every read of it megabytes long. The 201 adds `warnings` (a body too "
        "short, paywalled or cut off; a near-duplicate) and `near_duplicates` (stored articles "
        "that are nearly the same text): the article is stored all the same."
    ),
    tags=TAGS,
    status_code=HTTP_201_CREATED,
    before_request=require_json,
    response_headers=[
        ResponseHeader(
            name="Location",
            description="The article's URL.",
            documentation_only=True,
            value="",  # its type (str) is what the spec documents
        ),
        ETAG_HEADER,
        REPLAYED_HEADER,
    ],
)
async def create_article(
    request: Request[Any, Any, Any],
    data: JSONBody[ArticleIn],
    idempotency_key: IdempotencyKey = None,
) -> Response[IngestedArticle]:
    # `data` declares and validates the body; strict_article then re-reads it strictly.
    res = resources(request)
    article_in = strict_article(await request.body())
    check_article(article_in, res.settings.max_body_chars)
    res.quota.spend(str(request.state.api_key_id), len(article_in.body))

    async def run() -> Response[Any]:
        result = await ingest_step.ingest(res.pool, res.extraction, article_in)
        article = await reads.get_article(res.pool, result.article_id)
        if article is None:  # deleted between the insert and this read
            raise NotFound("article", result.article_id)
        headers = {"Location": f"/v1/articles/{article.id}"}
        if not result.created:
            return json_response(request, article, status_code=HTTP_200_OK, headers=headers)
        created = IngestedArticle(
            **msgspec.structs.asdict(article),
            warnings=ingest_step.warnings_for(article.body, result.near_duplicates),
            near_duplicates=result.near_duplicates,
        )
        return json_response(request, created, status_code=HTTP_201_CREATED, headers=headers)

    return await idempotent(request, idempotency_key, run)


def article_listing(
    q: SearchText = None,
    source: Annotated[
        str | None,
        QueryParameter(
            min_length=1,
            max_length=200,
            pattern=NO_NUL,
            description="Outlet name, in any case (reuters finds Reuters).",
        ),
    ] = None,
    actor: Annotated[
        str | None, id_filter("actor", "Only articles that involve this actor.")
    ] = None,
    place: Annotated[str | None, id_filter("place", "Only articles that name this place.")] = None,
    published_after: After = None,
    published_before: Before = None,
    sort: DatedSort = "-created",
    limit: Limit = 50,
    cursor: Cursor = None,
    count: Count = False,
    group_by: ArticleGroup = None,
) -> Listing[ArticleFilters]:
    after, before = time_range(published_after, published_before)
    filters = ArticleFilters(
        q=clean_text("q", q), source=clean_text("source", source), actor=actor, place=place,
        published_after=after, published_before=before,
    )  # fmt: skip
    return listing(
        "article", filters, sort=sort, cursor=cursor, limit=limit, count=count, group_by=group_by
    )


@get(
    "/v1/articles",
    **access("read", LIST_RESPONSES),
    operation_id="listArticles",
    summary="List articles, newest first or as sorted",
    tags=TAGS,
    response_headers=LIST_HEADERS,
    description=NDJSON_NOTE,
    operation_class=ndjson_of("ArticleSummary"),
    dependencies={"listing": Provide(article_listing, sync_to_thread=False)},
)
async def list_articles(
    request: Request[Any, Any, Any], listing: NamedDependency[Listing[ArticleFilters]]
) -> Response[ArticlePage]:
    return await list_response(request, reads.ARTICLES, listing)


@get(
    "/v1/articles/{article_id:str}",
    **access("read", DETAIL_RESPONSES),
    operation_id="getArticle",
    operation_class=WithExamples,
    summary="Get an article annotated with its actors, quotes, claims and places",
    tags=TAGS,
    response_headers=DETAIL_HEADERS,
)
async def get_article(
    request: Request[Any, Any, Any], article_id: ArticleIdPath
) -> Response[Article]:
    article = await read_from(request, lambda db: reads.get_article(db, article_id))
    return entity_response(request, article, "article", article_id)


@delete(
    "/v1/articles/{article_id:str}",
    **access("admin", {**BAD_REQUEST, **NOT_FOUND, **UNAVAILABLE}),
    operation_id="deleteArticle",
    operation_class=WithExamples,
    summary="Delete an article and everything extracted from it",
    tags=TAGS,
)
async def delete_article(request: Request[Any, Any, Any], article_id: ArticleIdPath) -> None:
    if not await writes.delete_article(resources(request).pool, article_id):
        raise NotFound("article", article_id)


ROUTES = [create_article, list_articles, get_article, delete_article]
