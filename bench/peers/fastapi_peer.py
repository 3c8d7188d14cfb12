"""FastAPI + Pydantic v2 peer of Gazette's read path, for a like-for-like comparison.

Serves, against the same database and with byte-for-byte the same JSON bodies as Gazette:

    GET /healthz                  {"status":"ok"}  (ETag, Cache-Control: no-store, like Gazette)
    GET /hello                    bare FastAPI: a dict returned, nothing else
    GET /v1/quotes                ?limit=1..200 (50) &cursor=<keyset> &speaker=act_...
    GET /v1/articles/{id}         the annotated article

The SQL is Gazette's own named queries, read from the checkout's sql/queries/*.sql
(list_quotes in the shape of the filters given, as api/db/sql.py's `shaped` makes it;
get_article, one statement), so any difference is the web stack's. Rows become dicts in the
response's shape (a nested object is its columns, as api/db/records.py reads them), then
Pydantic v2 models (validation from the dicts), then TypeAdapter.dump_json (pydantic-core,
Rust) writes the body; ETag (sha256, as Gazette's api/http.py) and the RFC 8288 Link header
are set like Gazette's. The pool is set up like Gazette's (api/db/pool.py): no reset query
on release, statement_timeout at connect, generic plans.

This copy is Gazette's (bench/peers/), changed from the kit's only to read Gazette's SQL as
it now is (shaped lists with their sort choices, the one-statement article, flat read rows) and to answer its fields
as they now are (a claim's `wrong` and curation).

    GAZETTE_ROOT=<checkout> DATABASE_URL=... granian --interface asgi \
        --workers 2 --port 18811 fastapi_peer:app

It runs in a venv of its own (FastAPI and Pydantic are not Gazette dependencies): compare.sh
makes one from ../requirements.txt. When Gazette's response shape changes, the models below
must change with it (field order included); verify.py says which endpoint differs.
"""

from __future__ import annotations

import hashlib
import os
import re
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Generic, Literal, TypeVar
from urllib.parse import parse_qsl, urlencode

import asyncpg
from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, TypeAdapter

T = TypeVar("T")

REPO = Path(os.environ["GAZETTE_ROOT"])  # the Gazette checkout whose sql/queries to read
_NAME = re.compile(r"^--\s*name:\s*(\w+)\s*$", re.MULTILINE)


def load_queries() -> dict[str, str]:
    """Gazette's named queries (aiosql's `-- name:` convention, as api/db/sql.py reads them)."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "sql" / "queries").glob("*.sql")):
        parts = _NAME.split(path.read_text(encoding="utf-8"))
        for name, body in zip(parts[1::2], parts[2::2], strict=True):
            found[name] = body.strip()
    if not found:
        raise SystemExit(f"no named queries in {REPO / 'sql' / 'queries'}: set GAZETTE_ROOT")
    return found


SQL = load_queries()
_CHOICE = r"@?\w+(?:=[\w-]+)?"  # a parameter, or a choice of lines such as `@sort=-created`
_OPTIONAL = re.compile(rf"\s*--\?\s*({_CHOICE}(?:\s*,\s*{_CHOICE})*)\s*$")
# The choices Gazette makes for a plain page (api/db/sql.py): its default order, its read view.
PAGE_CHOICES = frozenset({"@sort=-created", "@from=view"})
_PARAMETER = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


def shaped(name: str, given: frozenset[str]) -> tuple[str, list[str]]:
    """Gazette's rule (api/db/sql.py): keep the `--? a, b` lines whose parameters (and
    choices) are given, number the `:name` parameters in order of appearance."""
    kept = []
    for line in SQL[name].splitlines():
        optional = _OPTIONAL.search(line)
        if optional:
            if not {n.strip() for n in optional[1].split(",")} <= given:
                continue
            line = line[: optional.start()]
        kept.append(line)
    order: list[str] = []

    def number(found: re.Match[str]) -> str:
        if found[1] not in order:
            order.append(found[1])
        return f"${order.index(found[1]) + 1}"

    return _PARAMETER.sub(number, "\n".join(kept)), order


SHAPES: dict[frozenset[str], tuple[str, list[str]]] = {}
GET_ARTICLE, _ = shaped("get_article", frozenset({"id"}))  # one parameter, `:id`
ID_BODY = r"[0-9a-hjkmnp-tv-z]{26}"
CURSOR_PATTERN = rf"^{ID_BODY}(\.[0-9a-hjkmnp-tv-z]{{1,11}})?$"

# --- response models (field order = Gazette's api/schemas.py, so the JSON is the same) -------

QuoteKind = Literal["direct", "indirect", "partial"]
ActorKind = Literal["person", "organization", "state", "military", "group", "media"]
PlaceKind = Literal["settlement", "region", "country"]


class Health(BaseModel):
    status: Literal["ok"]


class ActorRef(BaseModel):
    id: str
    name: str


class PlaceRef(BaseModel):
    id: str
    name: str
    aliases: list[str]


class Span(BaseModel):
    start: int
    end: int
    text: str


class Quote(BaseModel):
    id: str
    text: str
    kind: QuoteKind
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int
    confidence: float
    article_id: str
    published_at: datetime | None
    extractor_version: str
    curated: bool = False
    curated_by: str | None = None
    curated_at: datetime | None = None


class Extent(BaseModel):
    text: str | None
    value: float | None
    unit: str | None


class Claim(BaseModel):
    id: str
    place: PlaceRef | None
    place_text: str
    claimant: ActorRef | None
    claimant_text: str | None
    controller: ActorRef | None
    controller_text: str | None
    previous_controller: ActorRef | None
    type: Literal["control", "capture", "advance", "withdrawal", "contested", "cession",
                  "annexation"]  # fmt: skip
    stance: Literal["asserted", "denied"]
    modality: Literal["factual", "unverified", "demanded", "proposed", "hypothetical"]
    extent: Extent | None
    evidence: Span
    responds_to: str | None
    confidence: float
    article_id: str
    claimed_at: datetime
    extractor_version: str
    lat: float | None
    lon: float | None
    relayed_by: ActorRef | None = None
    wrong: bool = False
    curated: bool = False
    curated_by: str | None = None
    curated_at: datetime | None = None


class ArticleActor(BaseModel):
    id: str
    name: str
    kind: ActorKind
    aliases: list[str]
    titles: list[str]
    mentions: list[Span]


class ArticlePlace(BaseModel):
    id: str
    name: str
    aliases: list[str]
    kind: PlaceKind
    country_code: str
    lat: float
    lon: float
    mentions: list[Span]


class Article(BaseModel):
    id: str
    title: str
    source: str | None
    url: str | None
    published_at: datetime | None
    language: str
    content_hash: str
    ingested_at: datetime
    extractor_version: str
    body: str
    actors: list[ArticleActor]
    quotes: list[Quote]
    claims: list[Claim]
    places: list[ArticlePlace]


class Page(BaseModel, Generic[T]):
    data: list[T]
    next_cursor: str | None


QUOTE_PAGE = TypeAdapter(Page[Quote])
ARTICLE = TypeAdapter(Article)
HEALTH = Health(status="ok").model_dump_json().encode()

# --- database ----------------------------------------------------------------------------


def ref(actor_id: str | None, name: str | None) -> dict[str, str | None] | None:
    return None if actor_id is None else {"id": actor_id, "name": name}


def spans(rows: list[asyncpg.Record]) -> list[dict[str, object]]:
    return [{"start": r["start"], "end": r["end"], "text": r["text"]} for r in rows]


def quote(r: asyncpg.Record) -> dict[str, object]:
    """A quote_rows row in the response's shape (as api/db/records.py reads it)."""
    row = dict(r)
    row["speaker"] = ref(row.pop("speaker_id"), row.pop("speaker_name"))
    return row


def claim(r: asyncpg.Record) -> dict[str, object]:
    row = dict(r)
    place_id, name, aliases = row.pop("place_id"), row.pop("place_name"), row.pop("place_aliases")
    row["place"] = None if place_id is None else {"id": place_id, "name": name, "aliases": aliases}
    for role in ("claimant", "controller", "previous_controller", "relayed_by"):
        row[role] = ref(row.pop(f"{role}_id"), row.pop(f"{role}_name"))
    text, value, unit = row.pop("extent_text"), row.pop("extent_value"), row.pop("extent_unit")
    row["extent"] = (
        None if text is None and value is None else {"text": text, "value": value, "unit": unit}
    )
    row["evidence"] = {"start": row.pop("evidence_start"), "end": row.pop("evidence_end"),
                       "text": row.pop("evidence_text")}  # fmt: skip
    return row


def with_spans(r: asyncpg.Record) -> dict[str, object]:
    row = dict(r)
    row["mentions"] = spans(row["mentions"])
    return row


async def _no_reset(conn: asyncpg.Connection) -> None:
    """As Gazette's pool: no RESET ALL/UNLISTEN round trip on every release."""


@asynccontextmanager
async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
    app.state.pool = await asyncpg.create_pool(
        os.environ["DATABASE_URL"],
        min_size=int(os.environ.get("PEER_POOL_MIN", "1")),
        max_size=int(os.environ.get("PEER_POOL_MAX", "8")),
        reset=_no_reset,
        max_queries=5_000_000,
        max_inactive_connection_lifetime=300.0,
        server_settings={"statement_timeout": "15000", "application_name": "fastapi_peer",
                         "timezone": "UTC", "plan_cache_mode": "force_generic_plan"},  # fmt: skip
    )
    try:
        yield
    finally:
        await app.state.pool.close()


app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def json_bytes(request: Request, body: bytes, headers: dict[str, str] | None = None) -> Response:
    """The body with its ETag; 304 when If-None-Match matches (as Gazette's json_response)."""
    etag = etag_for(body)
    all_headers = {"ETag": etag, **(headers or {})}
    inm = request.headers.get("if-none-match")
    if inm and (inm.strip() == "*" or etag in {t.strip().removeprefix("W/") for t in inm.split(",")}):
        return Response(status_code=304, headers=all_headers)
    return Response(content=body, media_type="application/json", headers=all_headers)


@app.get("/hello")
async def hello() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/healthz", response_model=Health)
async def healthz(request: Request) -> Response:
    return json_bytes(request, HEALTH, {"Cache-Control": "no-store"})


@app.get("/v1/quotes", response_model=Page[Quote])
async def list_quotes(
    request: Request,
    speaker: Annotated[str | None, Query(pattern=rf"^act_{ID_BODY}$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN)] = None,
) -> Response:
    after = None if cursor is None else "quo_" + cursor.partition(".")[0]
    given = {"speaker": speaker, "after": after, "limit": limit + 1}
    present = frozenset(k for k, v in given.items() if v is not None) | PAGE_CHOICES
    if present not in SHAPES:
        SHAPES[present] = shaped("list_quotes", present)
    sql, order = SHAPES[present]
    rows = await request.app.state.pool.fetch(sql, *[given[k] for k in order])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = rows[-1]["id"].split("_", 1)[1] if more and rows else None
    page = QUOTE_PAGE.validate_python({"data": [quote(r) for r in rows], "next_cursor": next_cursor})
    headers = {"Vary": "Accept"}
    if next_cursor is not None:
        query = [(k, v) for k, v in parse_qsl(request.url.query, keep_blank_values=True)
                 if k != "cursor"] + [("cursor", next_cursor)]  # fmt: skip
        headers["Link"] = f'<{request.url.replace(query=urlencode(query))}>; rel="next"'
    return json_bytes(request, QUOTE_PAGE.dump_json(page), headers)


@app.get("/v1/articles/{article_id}", response_model=Article)
async def get_article(
    request: Request,
    article_id: Annotated[str, PathParam(pattern=rf"^art_{ID_BODY}$")],
) -> Response:
    head = await request.app.state.pool.fetchrow(GET_ARTICLE, article_id)
    if head is None:
        raise HTTPException(404, f"no article {article_id}")
    article = dict(head)
    article["actors"] = [with_spans(r) for r in head["actors"]]
    article["quotes"] = [quote(r) for r in head["quotes"]]
    article["claims"] = [claim(r) for r in head["claims"]]
    article["places"] = [with_spans(r) for r in head["places"]]
    return json_bytes(request, ARTICLE.dump_json(ARTICLE.validate_python(article)))
