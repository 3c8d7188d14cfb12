"""Examples in the OpenAPI document, by operation: the invented article of
api/http/example_article.py and everything the API says about it.

Every operation shows a request body (if it takes one), each of its 2xx response bodies and
one problem document per error status. The values are the app's own wire Structs, encoded as
the API encodes them, so mypy checks their shape and a test validates them against the
schemas in the committed spec (tests/unit/test_examples.py). Names and places are invented.

Litestar has no setting for examples on a handler's success response (a `ResponseSpec` for
that status would replace its headers), so handlers name `WithExamples` as their
`operation_class`, and it adds the examples looked up by operationId.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec
from litestar.openapi.spec import Operation

from api.corrections import ActorMerge, ActorPatch, ClaimPatch, QuotePatch
from api.cursor import encode_position
from api.errors import (
    ArticleRefused,
    Conflict,
    GazetteError,
    Gone,
    Invalid,
    NotFound,
    Stale,
    Unprocessable,
)
from api.http.example_article import (
    ARTICLE,
    ARTICLE_ID,
    ARTICLE_IN,
    CAPTURE,
    CAPTURE_ID,
    CLAIMS_GEOJSON,
    CURATED_AT,
    CURATED_SOROKIN,
    CURATOR,
    DENIAL,
    DIRECT_QUOTE,
    DIRECT_QUOTE_ID,
    DUPLICATE_ID,
    INDIRECT_QUOTE,
    INGESTED_AT,
    MERGED_SOROKIN,
    PLACES_GEOJSON,
    SIVERSK_ID,
    SIVERSK_PLACE,
    SOROKIN_ACTOR,
    SOROKIN_ID,
    SUMMARY,
    page,
)
from api.http.operations import documented
from api.http.patterns import in_words
from api.http.problems import PROBLEM_JSON, ApiError, api_error_of, new_problem
from api.http.responses import GEOJSON, NDJSON
from api.ids import PREFIXES, id_pattern
from api.problem_types import BY_SLUG, PROBLEM_TYPES
from api.schemas import (
    Change,
    ChangePage,
    Health,
    IngestedArticle,
    Problem,
    ProblemError,
    Readiness,
)
from api.services.ingest import warnings_for
from api.settings import Settings


@dataclass(frozen=True)
class Exchange:
    """One operation's examples: the request (path and body), its 2xx bodies by status, and
    the errors that differ from the usual ones (`_usual_error`)."""

    summary: str
    path: str
    request: Any = None
    responses: dict[int, Any] = field(default_factory=dict)
    errors: dict[int, ApiError | GazetteError] = field(default_factory=dict)
    # bodies of a 2xx response's other media types (Accept: application/geo+json)
    alternatives: dict[str, Any] = field(default_factory=dict)


# --- problems -------------------------------------------------------------------------------


def problem(status: int, exchange: Exchange) -> Problem:
    """The problem document answered with `status` to the example request of `exchange`."""
    error = exchange.errors.get(status) or _usual_error(status, exchange)
    if isinstance(error, GazetteError):
        error = api_error_of(error)
    instance = exchange.path
    if status == 400 and exchange.request is None and (found := _path_id(exchange.path)):
        instance = exchange.path.replace(found[1], f"{PREFIXES[found[0]]}_123")
    return new_problem(error.title, error.status, error.detail, instance, error.errors)


def _path_id(path: str) -> tuple[str, str] | None:
    """The kind and id of the entity a path names, e.g. ("place", "plc_…")."""
    kinds = {prefix: kind for kind, prefix in PREFIXES.items()}
    for segment in path.split("/"):
        prefix, _, rest = segment.partition("_")
        if prefix in kinds and rest:
            return kinds[prefix], segment
    return None


def _usual_error(status: int, exchange: Exchange) -> ApiError | GazetteError:
    """What the app raises for `status`, built with its own helpers where it has them."""
    if status == 400:
        if exchange.request is not None:
            missing = next(f.name for f in msgspec.structs.fields(exchange.request) if f.required)
            return Invalid("body", "body", f"Object missing required field `{missing}`")
        if found := _path_id(exchange.path):
            kind = found[0]
            message = in_words(f"Expected `str` matching regex {id_pattern(kind)!r}")
            return Invalid("path", f"{kind}_id", message)
        return Invalid("query", "limit", "Expected `int` <= 200")
    if status == 404:
        kind, entity_id = _path_id(exchange.path) or ("entity", "")
        return NotFound(kind, entity_id)
    if status == 412:
        kind, entity_id = _path_id(exchange.path) or ("entity", "")
        return Stale(kind, entity_id)
    title, detail = {
        401: ("Unauthorized", "this API key is not valid (unknown or revoked)"),
        403: ("Forbidden", "this API key's scopes ['read'] do not include 'write'"),
        409: ("Conflict", "a request with this Idempotency-Key is still running"),
        413: ("Request body too large", "Request Entity Too Large"),
        415: ("Unsupported media type", "send the body as application/json"),
        422: ("Idempotency-Key reused", "this Idempotency-Key was used with a different request"),
        429: ("Too many requests", "the rate limit is spent; try again later"),
        503: ("Service unavailable", "the database is unavailable; try again shortly"),
    }[status]
    return ApiError(status, title, detail)


# --- examples by operation ------------------------------------------------------------------


ARTICLE_PATH = f"/v1/articles/{ARTICLE_ID}"
SOROKIN_PATH = f"/v1/actors/{SOROKIN_ID}"
DEFAULTS = Settings()
# what api.http.observability.RequestContext answers on any path (GAZETTE_MAX_QUERY_CHARS)
TOO_LONG = f"the query string is longer than {DEFAULTS.max_query_chars} characters"
UNKNOWN_PARAMETER = Invalid(
    "query", "verbose", "this operation has no such parameter (it takes: none)"
)
QUERY_TOO_LONG = ApiError(
    400, "Invalid request", TOO_LONG, [ProblemError("query", "query string", TOO_LONG)]
)
# what api.http.routes.articles.check_article says (GAZETTE_MAX_BODY_CHARS)
BODY_TOO_LONG = f"is 250000 characters; the limit is {DEFAULTS.max_body_chars}"

# createArticle's 201: the example article, which is short, and nearly repeats a stored one
EARLIER_ARTICLE_ID = "art_01kbd5yq1d7fx9nt0g2e1m4c8w"
INGESTED = IngestedArticle(
    **msgspec.structs.asdict(ARTICLE),
    warnings=warnings_for(ARTICLE.body, [EARLIER_ARTICLE_ID]),
    near_duplicates=[EARLIER_ARTICLE_ID],
)

EXAMPLES: dict[str, Exchange] = {
    "createArticle": Exchange(
        "A news article in; the article with what was extracted from it out",
        "/v1/articles",
        request=ARTICLE_IN,
        responses={201: INGESTED, 200: ARTICLE},
        errors={422: ArticleRefused(BODY_TOO_LONG)},
    ),
    "listArticles": Exchange(
        "Articles that name Siversk", "/v1/articles", responses={200: page(SUMMARY)}
    ),
    "getArticle": Exchange(
        "An article with its actors, quotes, claims and places",
        ARTICLE_PATH,
        responses={200: ARTICLE},
    ),
    "deleteArticle": Exchange("Delete an article", ARTICLE_PATH),
    "listActors": Exchange(
        "People named Sorokin", "/v1/actors", responses={200: page(SOROKIN_ACTOR)}
    ),
    "getActor": Exchange("A person", SOROKIN_PATH, responses={200: SOROKIN_ACTOR}),
    "patchActor": Exchange(
        "Add an alias",
        SOROKIN_PATH,
        request=ActorPatch(curator=CURATOR, aliases=["Sorokin", "Governor Sorokin"]),
        responses={200: CURATED_SOROKIN},
        errors={
            409: Conflict(
                "another actor has this name and kind: merge the two instead "
                "(POST /v1/actors/{id}/merge)"
            ),
            422: Unprocessable("aliases", "'' is not a name (1 to 300 characters, no NUL)"),
        },
    ),
    "mergeActors": Exchange(
        "Absorb a duplicate of this person",
        f"{SOROKIN_PATH}/merge",
        request=ActorMerge(curator=CURATOR, absorb=DUPLICATE_ID),
        responses={200: MERGED_SOROKIN},
    ),
    "listQuotes": Exchange(
        "Quotes from one article", "/v1/quotes", responses={200: page(DIRECT_QUOTE, INDIRECT_QUOTE)}
    ),
    "getQuote": Exchange(
        "A direct quote", f"/v1/quotes/{DIRECT_QUOTE_ID}", responses={200: DIRECT_QUOTE}
    ),
    "patchQuote": Exchange(
        "Mark a quote as reviewed, its speaker confirmed",
        f"/v1/quotes/{DIRECT_QUOTE_ID}",
        request=QuotePatch(curator=CURATOR, speaker=SOROKIN_ID),
        errors={422: Unprocessable("speaker", f"no actor with id {DUPLICATE_ID!r}")},
        responses={
            200: msgspec.structs.replace(
                DIRECT_QUOTE, curated=True, curated_by=CURATOR, curated_at=CURATED_AT
            )
        },
    ),
    "patchClaim": Exchange(
        "Mark a claim wrong: the article does not make it",
        f"/v1/claims/{CAPTURE_ID}",
        request=ClaimPatch(curator=CURATOR, wrong=True),
        responses={
            200: msgspec.structs.replace(
                CAPTURE, wrong=True, curated=True, curated_by=CURATOR, curated_at=CURATED_AT
            )
        },
    ),
    "listClaims": Exchange(
        "Claims about Siversk: one asserted, one denied",
        "/v1/claims",
        responses={200: page(DENIAL, CAPTURE)},
        alternatives={GEOJSON: CLAIMS_GEOJSON},
    ),
    "listClaimsGeoJSON": Exchange(
        "Claims about Siversk as GeoJSON",
        "/v1/claims.geojson",
        responses={200: CLAIMS_GEOJSON},
    ),
    "getClaim": Exchange(
        "A claim of capture", f"/v1/claims/{CAPTURE_ID}", responses={200: CAPTURE}
    ),
    "listPlaces": Exchange(
        "Settlements named Siversk",
        "/v1/places",
        responses={200: page(SIVERSK_PLACE, more=False)},
        alternatives={GEOJSON: PLACES_GEOJSON},
    ),
    "listPlacesGeoJSON": Exchange(
        "Settlements named Siversk as GeoJSON",
        "/v1/places.geojson",
        responses={200: PLACES_GEOJSON},
    ),
    "getPlace": Exchange(
        "A settlement and who holds it", f"/v1/places/{SIVERSK_ID}", responses={200: SIVERSK_PLACE}
    ),
    "listPlaceClaims": Exchange(
        "Claims about Siversk, newest first",
        f"/v1/places/{SIVERSK_ID}/claims",
        responses={200: page(DENIAL, CAPTURE)},
    ),
    "listChanges": Exchange(
        "An ingest, then a merge, read from a saved position",
        "/v1/changes",
        responses={
            200: ChangePage(
                data=[
                    Change(
                        entity="article",
                        id=ARTICLE_ID,
                        op="created",
                        at=INGESTED_AT,
                        merged_into=None,
                        cursor=encode_position(48_213, 101),
                    ),
                    Change(
                        entity="quote",
                        id=DIRECT_QUOTE_ID,
                        op="created",
                        at=INGESTED_AT,
                        merged_into=None,
                        cursor=encode_position(48_213, 102),
                    ),
                    Change(
                        entity="actor",
                        id=DUPLICATE_ID,
                        op="deleted",
                        at=CURATED_AT,
                        merged_into=SOROKIN_ID,
                        cursor=encode_position(48_377, 140),
                    ),
                    Change(
                        entity="actor",
                        id=SOROKIN_ID,
                        op="updated",
                        at=CURATED_AT,
                        merged_into=None,
                        cursor=encode_position(48_377, 141),
                    ),
                ],
                next_cursor=encode_position(48_377, 141),
                has_more=False,
            )
        },
        errors={
            410: Gone(
                "this position is not from this server's changes log: sync again from the "
                "beginning (omit `since`)",
            )
        },
    ),
    "getHealth": Exchange(
        "The process answers",
        "/healthz",
        responses={200: Health("ok")},
        errors={400: QUERY_TOO_LONG},
    ),
    "getReadiness": Exchange(
        "The database answers",
        "/readyz",
        responses={200: Readiness("ready", "ok")},
        errors={400: QUERY_TOO_LONG},
    ),
    "listProblemTypes": Exchange(
        "Every kind of problem",
        "/problems",
        responses={200: PROBLEM_TYPES[:2]},
        errors={400: UNKNOWN_PARAMETER},
    ),
    "getProblemType": Exchange(
        "One kind of problem",
        "/problems/not-found",
        responses={200: BY_SLUG["not-found"]},
        errors={400: UNKNOWN_PARAMETER},
    ),
}


def _example(summary: str, value: Any) -> dict[str, Any]:
    return {"summary": summary, "value": msgspec.to_builtins(value)}


@dataclass
class WithExamples(Operation):
    """An OpenAPI operation that carries the examples of its operationId from EXAMPLES."""

    def to_schema(self) -> dict[str, Any]:
        # Added to the rendered dict, not to the spec objects: Litestar drops every None from
        # nested values when it renders them, and the API's bodies say `null` explicitly.
        schema = documented(super().to_schema())
        exchange = EXAMPLES.get(schema["operationId"])
        if exchange is None:
            raise KeyError(f"api/http/examples.py has no examples for {schema['operationId']!r}")
        if exchange.request is not None:
            for media in schema["requestBody"]["content"].values():
                media["examples"] = {"request": _example(exchange.summary, exchange.request)}
        for status, response in schema["responses"].items():
            for media_type, media in response.get("content", {}).items():
                if media_type == PROBLEM_JSON:
                    value = problem(int(status), exchange)
                    media["examples"] = {"problem": _example(value.title, value)}
                    continue
                if media_type == NDJSON and media_type not in exchange.alternatives:
                    value = exchange.responses[int(status)].data[0]  # a line of the stream
                else:
                    value = exchange.alternatives.get(media_type, exchange.responses[int(status)])
                media["examples"] = {"response": _example(exchange.summary, value)}
        return schema
