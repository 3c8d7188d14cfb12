"""Integration tests: the whole app on real Postgres, called in-process through httpx.

The app is built once per session with its lifespan running on the session's event loop;
every test starts from empty tables.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import httpx
import pytest
from litestar import Litestar

from api.extract import Extractor
from api.http.app import create_app
from api.http.state import Resources
from api.settings import Settings
from tests.fixtures import TRUNCATE
from tests.support import transport


@asynccontextmanager
async def running(application: Litestar) -> AsyncIterator[Litestar]:
    """The app with its lifespan running in a task of its own.

    Litestar's lifespan holds an anyio cancel scope that must be exited by the task that
    entered it; fixture setup and teardown run in different tasks, so a task owns it.
    """
    started, stop = asyncio.Event(), asyncio.Event()

    async def run_lifespan() -> None:
        async with application.lifespan():
            started.set()
            await stop.wait()

    task = asyncio.create_task(run_lifespan())
    await asyncio.wait(
        [task, asyncio.create_task(started.wait())], return_when=asyncio.FIRST_COMPLETED
    )
    if task.done():
        task.result()  # start-up failed: raise its error here
    try:
        yield application
    finally:
        stop.set()
        await task


@asynccontextmanager
async def client_for(
    settings: Settings,
    extractor: Extractor | None,
    headers: dict[str, str] | None = None,
    request_timeout: float = 5.0,
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app of its own, built with these settings, its lifespan running; with
    no `extractor`, the app starts its own extraction processes (api.services.sandbox)."""
    async with running(create_app(settings, extractor=extractor)) as application:
        asgi = transport(application)
        async with httpx.AsyncClient(
            transport=asgi,
            base_url="http://gazette.test",
            headers=headers,
            timeout=request_timeout,
        ) as client:
            yield client


@pytest.fixture(scope="session")
async def app(database_url: str, extractor: Extractor) -> AsyncIterator[Litestar]:
    # rate limits are tested with apps of their own (test_access.py)
    settings = Settings(database_url=database_url, rate_limit_per_minute=0)
    async with running(create_app(settings, extractor=extractor)) as application:
        yield application


@pytest.fixture(scope="session")
async def pool(app: Litestar) -> asyncpg.Pool[asyncpg.Record]:
    resources: Resources = app.state.resources
    return resources.pool


@pytest.fixture
async def client(
    app: Litestar, pool: asyncpg.Pool[asyncpg.Record], admin_key: str
) -> AsyncIterator[httpx.AsyncClient]:
    """A client with an admin key, on an empty database."""
    await pool.execute(TRUNCATE)
    asgi = transport(app)
    headers = {"Authorization": f"Bearer {admin_key}"}
    async with httpx.AsyncClient(
        transport=asgi, base_url="http://gazette.test", headers=headers
    ) as c:
        yield c


async def ingest(client: httpx.AsyncClient, body: dict[str, Any]) -> dict[str, Any]:
    """POST an article that must be new (201); its annotated JSON."""
    response = await client.post("/v1/articles", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
