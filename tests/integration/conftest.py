"""Integration tests: the whole app on real Postgres, called in-process through httpx.

The app is built once per session with its lifespan running on the session's event loop;
every test starts from empty tables.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from litestar import Litestar

from api.app import create_app
from api.extract import Extractor
from api.settings import Settings
from api.state import Resources
from tests.fixtures import TRUNCATE


@pytest.fixture(scope="session")
async def app(database_url: str, extractor: Extractor) -> AsyncIterator[Litestar]:
    """The app with its lifespan running in a task of its own.

    Litestar's lifespan holds an anyio cancel scope that must be exited by the task that
    entered it; fixture setup and teardown run in different tasks, so a task owns it.
    """
    application = create_app(Settings(database_url=database_url), extractor=extractor)
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
    yield application
    stop.set()
    await task


@pytest.fixture(scope="session")
async def pool(app: Litestar) -> asyncpg.Pool[asyncpg.Record]:
    resources: Resources = app.state.resources
    return resources.pool


@pytest.fixture
async def client(
    app: Litestar, pool: asyncpg.Pool[asyncpg.Record]
) -> AsyncIterator[httpx.AsyncClient]:
    await pool.execute(TRUNCATE)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://gazette.test") as c:
        yield c
