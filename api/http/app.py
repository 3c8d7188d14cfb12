"""The composition root: `create_app(settings)` builds the whole API.

Tests, the CLI and the ASGI server all call it. Heavy resources (the spaCy model, the pool)
are made in the lifespan, never at import; tests may inject their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import asyncpg
from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.openapi.spec import Contact, License, Tag

from api.db.liveness import DatabaseLiveness
from api.db.migrate import migrate
from api.db.pool import create_pool
from api.db.replicas import Replica, Replicas
from api.extract import language
from api.http.auth import COMPONENTS, Authorize, KeyCache
from api.http.head import HeadAsGet
from api.http.limits import STORE, KnownKeys, cors, rate_limit, stores, sweep_expired
from api.http.observability import RequestContext, configure_logging
from api.http.operations import HEADERS
from api.http.probes import LivenessProbe
from api.http.problems import EXCEPTION_HANDLERS, renew_connections
from api.http.query_parameters import KnownParameters, learn_parameters
from api.http.quota import IngestQuota
from api.http.reading import ReplicaHeaders
from api.http.routes import (
    actors,
    articles,
    changes,
    claims,
    docs,
    explorer,
    health,
    places,
    problem_types,
    quotes,
)
from api.http.state import Resources
from api.http.streams import StreamSlots
from api.services.ingest import ExtractionQueue
from api.services.sandbox import InProcess, Sandbox
from api.settings import Settings, load_settings

if TYPE_CHECKING:
    from api.extract import Extractor  # loads spaCy: only the caller that extracts does

API_VERSION = "0.1.0"

log = logging.getLogger("gazette")

TAGS = [
    Tag(name="articles", description="News articles and everything extracted from them."),
    Tag(name="actors", description="People, organisations, states, forces, groups, media."),
    Tag(name="quotes", description="Quotes with their speakers and character offsets."),
    Tag(name="claims", description="Claims of territorial control, asserted or denied."),
    Tag(name="places", description="Geocoded settlements, regions and countries."),
    Tag(name="changes", description="What was created, updated and deleted, to sync a copy."),
    Tag(name="health", description="Liveness and readiness probes."),
    Tag(name="problems", description="The kinds of problem errors are; a problem's `type`."),
]


DOCS_VIEWER = "swagger-ui 5.30.2"  # api/static/docs/README.md


def docs_viewer() -> SwaggerRenderPlugin:
    """Swagger UI from Gazette's own files (api/static/docs), never from a CDN: /schema works
    offline and its page may load scripts from this origin only."""
    return SwaggerRenderPlugin(
        js_url=f"{docs.PREFIX}/swagger-ui-bundle.js",
        css_url=f"{docs.PREFIX}/swagger-ui.css",
        standalone_preset_js_url=f"{docs.PREFIX}/swagger-ui-standalone-preset.js",
        favicon="",
    )


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Gazette",
        version=API_VERSION,
        description=(
            "News articles in; actors, quotes with speakers, territorial claims and places out. "
            "Every entity carries character offsets into its article's body (Unicode code "
            "points). Errors are RFC 9457 problem documents; lists are keyset-paged. Every GET "
            "also answers HEAD: the same status and headers, no body."
        ),
        contact=Contact(name="Gazette maintainers"),
        license=License(name="MIT", identifier="MIT"),
        tags=TAGS,
        path="/schema",
        render_plugins=[docs_viewer()],
        components=[COMPONENTS, HEADERS],
        use_handler_docstrings=False,
        create_examples=False,
    )


async def started_sandbox(settings: Settings) -> Sandbox:
    """The extraction processes (api.services.sandbox), each with its model loaded."""
    sandbox = Sandbox(
        settings.extract_processes,
        timeout_s=settings.extract_timeout_s,
        memory_mb=settings.extract_memory_mb,
    )
    try:
        await sandbox.start()
    except BaseException:
        sandbox.close()
        raise
    return sandbox


async def streams_pool(
    settings: Settings, pool: asyncpg.Pool[asyncpg.Record]
) -> asyncpg.Pool[asyncpg.Record]:
    """The NDJSON streams' own connections (api.http.streams): one per stream slot. A stream sits
    in its transaction while its client reads a chunk, at most the send timeout; Postgres
    ends one idle longer. With an injected pool and no URL (tests), the streams share it."""
    if settings.database_url is None:
        return pool
    return await create_pool(
        settings.database_url,
        min_size=0,
        max_size=settings.max_streams,
        statement_timeout_ms=settings.statement_timeout_ms,
        acquire_timeout_s=settings.pool_acquire_timeout_s,
        idle_in_transaction_ms=int(settings.send_timeout_s * 1000) + 10_000,
    )


async def replica_pools(settings: Settings) -> Replicas:
    """A read-only pool per replica URL, opened lazily: a replica down at start-up is left
    out until it answers (api.db.replicas), it does not stop the API starting."""
    replicas = []
    for url in settings.database_replica_urls:
        pool = await create_pool(
            url,
            min_size=0,
            max_size=settings.pool_max_size + settings.max_streams,
            statement_timeout_ms=settings.statement_timeout_ms,
            acquire_timeout_s=settings.pool_acquire_timeout_s,
            idle_in_transaction_ms=int(settings.send_timeout_s * 1000) + 10_000,
            read_only=True,
        )
        replicas.append(Replica(described(url), pool))
    return Replicas(
        replicas, wait_s=settings.replica_wait_ms / 1000, retry_s=settings.replica_retry_s
    )


def described(url: str) -> str:
    """A database URL for logs: host and database, never the password."""
    parts = urlsplit(url)
    return f"{parts.hostname or parse_qs(parts.query).get('host', ['?'])[0]}{parts.path}"


def settle_the_heap() -> None:
    """Leave what a server worker's start made out of every later garbage collection.

    A worker holds ~120,000 objects once its app is built (the modules, the spaCy code it
    imports, the app), and a full collection walks them all: 35 ms on an idle 2-core
    machine, ten times that on a busy one, taken by whichever request triggered it (the p99
    of lists and articles). Frozen, they are never walked again; requests' own objects are
    collected as before. Once per process, so at the server's entry, not in each app's
    lifespan (tests build many apps in one process)."""
    gc.collect()
    gc.freeze()


def create_app(
    settings: Settings,
    *,
    pool: asyncpg.Pool[asyncpg.Record] | None = None,
    extractor: Extractor | None = None,
) -> Litestar:
    """Build the API. With `pool` or `extractor` given, the app uses them and leaves them open."""

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        own_pool = pool is None
        # the language model, loaded before the first article asks (half a second)
        await asyncio.to_thread(language.identifier)
        liveness = DatabaseLiveness()
        if pool is None:
            if settings.database_url is None:
                raise RuntimeError("DATABASE_URL is not set (the CLI starts an embedded Postgres)")
            await liveness.wait_until_reachable(settings.database_url, within_s=30)
            active_pool = await create_pool(
                settings.database_url,
                min_size=settings.pool_min_size,
                max_size=settings.pool_max_size,
                statement_timeout_ms=settings.statement_timeout_ms,
                acquire_timeout_s=settings.pool_acquire_timeout_s,
                # no request keeps a transaction open while it waits on something else
                idle_in_transaction_ms=2 * settings.statement_timeout_ms,
            )
        else:
            active_pool = pool
        stream_pool: asyncpg.Pool[asyncpg.Record] | None = None
        queue: ExtractionQueue | None = None
        replicas: Replicas | None = None
        try:
            async with active_pool.acquire() as conn:
                await migrate(conn)
            stream_pool = await streams_pool(settings, active_pool)
            replicas = await replica_pools(settings)
            queue = ExtractionQueue(
                InProcess(extractor, threads=settings.extract_processes)
                if extractor is not None
                else await started_sandbox(settings),
                max_pending=settings.max_pending_extractions,
            )
            app.state.resources = Resources(
                settings=settings,
                pool=active_pool,
                extraction=queue,
                stream_pool=stream_pool,
                streams=StreamSlots(settings.max_streams, settings.max_streams_per_client),
                quota=IngestQuota(settings.ingest_chars_per_minute),
                liveness=liveness,
                replicas=replicas,
            )
            chores = [asyncio.create_task(sweep_expired(app.stores.get(STORE)))]
            if replicas.replicas:
                chores.append(asyncio.create_task(replicas.watch()))
            if settings.database_url is not None:
                chores.append(asyncio.create_task(liveness.watch(settings.database_url)))
            try:
                yield
            finally:
                for chore in chores:
                    chore.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await chore
        finally:
            if queue is not None:
                await queue.close()
            if stream_pool is not None and stream_pool is not active_pool:
                await stream_pool.close()
            for replica in replicas.replicas if replicas is not None else []:
                await replica.pool.close()
            if own_pool:
                await active_pool.close()

    limiter = rate_limit(settings)
    app = Litestar(
        route_handlers=[
            *articles.ROUTES,
            *actors.ROUTES,
            *quotes.ROUTES,
            *claims.ROUTES,
            *places.ROUTES,
            *changes.ROUTES,
            *health.ROUTES,
            *problem_types.ROUTES,
            *explorer.ROUTES,
            *docs.ROUTES,
        ],
        lifespan=[lifespan],
        exception_handlers=EXCEPTION_HANDLERS,
        after_exception=[renew_connections],
        openapi_config=openapi_config(),
        request_max_body_size=settings.max_request_bytes,
        # the limiter first: a made-up key is limited before it costs a database lookup
        middleware=[limiter.middleware, Authorize, KnownParameters, ReplicaHeaders]
        if limiter
        else [Authorize, KnownParameters, ReplicaHeaders],
        stores=stores(settings),
        cors_config=cors(settings),
        # None, not Litestar's default config: that one resets the root logger to plain text
        # through a queue handler, undoing configure_logging's JSON lines
        logging_config=None,
        debug=False,
    )
    learn_parameters(app)
    app.state.known_keys = KnownKeys()
    app.state.key_cache = KeyCache(settings.key_cache_s)
    # Around the whole handler, not as route middleware: unmatched paths (404, 405) get a
    # request id, the security headers and a log line too.
    app.asgi_handler = RequestContext(
        HeadAsGet(LivenessProbe(app.asgi_handler)),
        max_query_chars=settings.max_query_chars,
        send_timeout_s=settings.send_timeout_s,
        trusted_proxies=settings.trusted_proxies,
    )
    return app


def create_app_from_env() -> Litestar:
    """Factory for the ASGI server (`granian --factory api.http.app:create_app_from_env`)."""
    settings = load_settings()
    configure_logging(settings.log_level)
    app = create_app(settings)
    settle_the_heap()
    return app
