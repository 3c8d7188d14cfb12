"""/docs-assets/: the docs viewer's files (Swagger UI, vendored in api/static/docs), served
by Gazette so the /schema page needs no other origin."""

from __future__ import annotations

from pathlib import Path

from litestar import Router
from litestar.datastructures import CacheControlHeader
from litestar.static_files import create_static_files_router

PREFIX = "/docs-assets"
STATIC = Path(__file__).resolve().parents[2] / "static" / "docs"

ROUTES: list[Router] = [
    create_static_files_router(
        path=PREFIX,
        directories=[STATIC],
        name="docs-assets",
        include_in_schema=False,
        # the files change only with a release (their version is in the README beside them)
        cache_control=CacheControlHeader(public=True, max_age=86400),
    )
]
