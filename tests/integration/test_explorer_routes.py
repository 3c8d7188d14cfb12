"""The explorer's page and files as the API serves them (the browser test drives the page)."""

from __future__ import annotations

import re

import httpx
from litestar import Litestar

from api.extract import Extractor
from api.http.routes.explorer import STATIC
from api.settings import Settings
from tests.integration.conftest import client_for

ASSETS = sorted(p.name for p in STATIC.iterdir() if p.suffix in {".js", ".css", ".json"})


async def test_the_page_is_served_at_the_root_with_a_strict_policy(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers.get_list("content-security-policy") == [
        page.headers["content-security-policy"]
    ]  # one policy, not the docs' one added beside it
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "unsafe-inline" not in policy and "https:" not in policy
    assert "connect-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert 'src="explorer/app.js"' in page.text
    # the docs keep their own policy, which names no other origin either
    docs_policy = (await client.get("/schema")).headers["content-security-policy"]
    assert docs_policy != policy and "https:" not in docs_policy


async def test_every_file_is_served_with_its_type(client: httpx.AsyncClient) -> None:
    types = {".js": "text/javascript", ".css": "text/css", ".json": "application/json"}
    for name in ASSETS:
        response = await client.get(f"/explorer/{name}")
        assert response.status_code == 200, name
        expected = types[name[name.rindex(".") :]]
        assert response.headers["content-type"].startswith(expected), name
        assert response.headers["x-content-type-options"] == "nosniff"
    assert (await client.get("/explorer/missing.js")).status_code == 404
    assert (await client.get("/explorer/../app.py")).status_code == 404


async def test_the_explorer_is_not_part_of_the_contract(app: Litestar) -> None:
    paths = app.openapi_schema.paths or {}
    assert not [path for path in paths if path == "/" or path.startswith("/explorer")]


async def test_the_page_needs_no_key_when_reads_do(database_url: str, extractor: Extractor) -> None:
    settings = Settings(
        database_url=database_url, require_key_for_reads=True, rate_limit_per_minute=0
    )
    async with client_for(settings, extractor) as client:
        assert (await client.get("/")).status_code == 200
        assert (await client.get("/explorer/app.js")).status_code == 200
        assert (await client.get("/v1/articles")).status_code == 401  # the page asks for a key


async def test_the_page_and_its_files_are_not_metered(
    database_url: str, extractor: Extractor
) -> None:
    settings = Settings(database_url=database_url, rate_limit_per_minute=2)
    async with client_for(settings, extractor) as client:
        for _ in range(3):  # one page load: the page and every file, three times over
            assert (await client.get("/")).status_code == 200
            for name in ASSETS:
                assert (await client.get(f"/explorer/{name}")).status_code == 200
        statuses = [(await client.get("/v1/places")).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]  # the API calls the page makes are


def test_assets_are_found() -> None:
    assert {"app.js", "style.css", "world.json"} <= set(ASSETS)
    assert all(re.fullmatch(r"[a-z0-9_.-]+", name) for name in ASSETS)
