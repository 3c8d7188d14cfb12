"""The explorer: a web page at `/` that reads the API (search, articles, actors, places, map).

Static files shipped inside the package (api/static/explorer), served as they are: no build
step, no CDN, nothing fetched from elsewhere. Not part of the API contract (left out of the
OpenAPI document), needs no key (the guard lets handlers without a scope through) and is not
rate limited (api/http/limits.py); the API calls the page makes are, like any client's.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from litestar import MediaType, Response, Router, get
from litestar.datastructures import CacheControlHeader
from litestar.handlers import HTTPRouteHandler
from litestar.static_files import create_static_files_router

STATIC = Path(__file__).resolve().parents[2] / "static" / "explorer"
PREFIX = "/explorer"

# Stricter than the docs page's policy (api/http/observability.py, which keeps a policy a handler
# set): scripts, styles, the map data and API calls come from this origin only, nothing
# inline, no frames, no forms posted elsewhere.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
# Revalidate on every load (ETag/Last-Modified make that cheap): an upgraded API never runs
# with a stale script cached from the version before.
REVALIDATE = CacheControlHeader(no_cache=True)


@cache
def index_html() -> bytes:
    """The page itself (a few kilobytes, read once)."""
    return (STATIC / "index.html").read_bytes()


@get("/", include_in_schema=False, media_type=MediaType.HTML, cache_control=REVALIDATE)
async def explorer_page() -> Response[bytes]:
    return Response(
        index_html(), media_type=MediaType.HTML, headers={"Content-Security-Policy": CSP}
    )


assets = create_static_files_router(
    path=PREFIX,
    directories=[STATIC],
    name="explorer",
    include_in_schema=False,
    cache_control=REVALIDATE,
)

ROUTES: list[Router | HTTPRouteHandler] = [explorer_page, assets]
