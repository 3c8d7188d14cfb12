"""The composition root: `create_app(settings)` builds the whole API.

Tests, the CLI and the ASGI server all call it. Heavy resources (the spaCy model, the pool)
are made in the lifespan, never at import; tests may inject their own.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from litestar import Litestar
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin
from litestar.openapi.spec import Contact, License, Tag

from api.auth import COMPONENTS, authorize
from api.db.migrate import migrate
from api.db.pool import create_pool
from api.extract import Extractor
from api.ingest import ExtractionQueue
from api.limits import cors, rate_limit, stores
from api.observability import RequestContext, configure_logging
from api.problems import EXCEPTION_HANDLERS, renew_connections
from api.routes import actors, articles, changes, claims, explorer, health, places, quotes
from api.settings import Settings, load_settings
from api.state import Resources

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
]


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Gazette",
        version=API_VERSION,
        description=(
            "News articles in; actors, quotes with speakers, territorial claims and places out. "
            "Every entity carries character offsets into its article's body (Unicode code "
            "points). Errors are RFC 9457 problem documents; lists are keyset-paged."
        ),
        contact=Contact(name="Gazette maintainers"),
        license=License(name="MIT", identifier="MIT"),
        tags=TAGS,
        path="/schema",
        render_plugins=[ScalarRenderPlugin()],
        components=COMPONENTS,
        use_handler_docstrings=False,
        create_examples=False,
    )


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
        if pool is None:
            if settings.database_url is None:
                raise RuntimeError("DATABASE_URL is not set (the CLI starts an embedded Postgres)")
            active_pool = await create_pool(
                settings.database_url,
                min_size=settings.pool_min_size,
                max_size=settings.pool_max_size,
                statement_timeout_ms=settings.statement_timeout_ms,
                acquire_timeout_s=settings.pool_acquire_timeout_s,
            )
        else:
            active_pool = pool
        queue: ExtractionQueue | None = None
        try:
            async with active_pool.acquire() as conn:
                await migrate(conn)
            queue = ExtractionQueue(
                extractor if extractor is not None else await asyncio.to_thread(Extractor),
                threads=settings.extract_threads,
                max_pending=settings.max_pending_extractions,
            )
            app.state.resources = Resources(settings=settings, pool=active_pool, extraction=queue)
            yield
        finally:
            if queue is not None:
                await queue.close()
            if own_pool:
                await active_pool.close()

    app = Litestar(
        route_handlers=[
            *articles.ROUTES,
            *actors.ROUTES,
            *quotes.ROUTES,
            *claims.ROUTES,
            *places.ROUTES,
            *changes.ROUTES,
            *health.ROUTES,
            *explorer.ROUTES,
        ],
        lifespan=[lifespan],
        exception_handlers=EXCEPTION_HANDLERS,
        after_exception=[renew_connections],
        openapi_config=openapi_config(),
        request_max_body_size=settings.max_request_bytes,
        guards=[authorize],
        middleware=[limiter.middleware] if (limiter := rate_limit(settings)) else [],
        stores=stores(settings),
        cors_config=cors(settings),
        # None, not Litestar's default config: that one resets the root logger to plain text
        # through a queue handler, undoing configure_logging's JSON lines
        logging_config=None,
        debug=False,
    )
    # Around the whole handler, not as route middleware: unmatched paths (404, 405) get a
    # request id, the security headers and a log line too.
    app.asgi_handler = RequestContext(app.asgi_handler, max_query_chars=settings.max_query_chars)
    return app


def create_app_from_env() -> Litestar:
    """Factory for the ASGI server (`granian --factory api.app:create_app_from_env`)."""
    settings = load_settings()
    configure_logging(settings.log_level)
    return create_app(settings)
