"""Fixtures shared by every test layer.

The database is real Postgres: DATABASE_URL's server when set, else an embedded Postgres in a
temporary folder. Either way the session gets a fresh database of its own, dropped at the end,
so tests never touch a user's data.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
from hypothesis import settings as hypothesis_settings

from api.db import keys
from api.db.migrate import migrate
from api.extract import Extractor
from tests.support import scratch_database

# Reproducible property tests in CI: no deadline on a shared 2-core machine, fixed seeds.
hypothesis_settings.register_profile("ci", deadline=None, derandomize=True, database=None)
hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Postgres server: DATABASE_URL's, or an embedded one stopped at the end of the session."""
    given = os.environ.get("DATABASE_URL")
    if given:
        yield given
        return
    from api.db.embedded import embedded_url, start_embedded

    server = start_embedded(Path(tmp_path_factory.mktemp("gazette")))
    try:
        yield embedded_url(server)
    finally:
        server._cleanup()


@pytest.fixture(scope="session")
def database_url(server_url: str) -> Iterator[str]:
    """A fresh, empty database for this test session (needs CREATEDB on DATABASE_URL's server)."""
    with scratch_database(server_url, "gazette_test") as url:
        yield url


async def _new_key(url: str, name: str, scopes: list[str]) -> str:
    conn = await asyncpg.connect(url)
    try:
        await migrate(conn)
        return (await keys.create_key(conn, name, scopes))[1]
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def admin_key(database_url: str) -> str:
    """A real API key (admin: it may also write and read), stored in the test database."""
    return asyncio.run(_new_key(database_url, "tests (admin)", ["admin"]))


@pytest.fixture(scope="session")
def read_key(database_url: str) -> str:
    return asyncio.run(_new_key(database_url, "tests (read)", ["read"]))


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One loaded spaCy model and gazetteer for the whole session (loading takes seconds)."""
    return Extractor()
