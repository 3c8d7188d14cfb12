"""Limits that need more than one process or a slow database: a rate limit shared through
Redis by two apps, and the per-statement timeout."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import AsyncExitStack
from pathlib import Path

import asyncpg
import httpx
import pytest

from api.extract import Extractor
from api.settings import Settings
from tests.integration.conftest import client_for

REDIS_SERVER = shutil.which("redis-server")


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A Redis server of this test's own, on a unix socket; stopped afterwards."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run does)")
    pytest.importorskip("redis", reason="the redis package comes with the [redis] extra")
    socket = tmp_path / "redis.sock"
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", "0", "--unixsocket", str(socket), "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert server.stdout is not None
    try:
        # Redis prints this line once it accepts connections: no polling, no sleeping.
        for line in server.stdout:
            if "ready to accept connections" in line.lower():
                break
        else:
            pytest.fail(f"redis-server exited with {server.wait()} before it was ready")
        yield f"unix://{socket}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


@pytest.mark.parametrize("shared", [True, False], ids=["redis", "per-process"])
async def test_two_processes_keep_one_limit_through_redis(
    database_url: str, extractor: Extractor, redis_url: str, shared: bool
) -> None:
    """Two apps (two API processes behind one balancer) with a limit of 4 a minute: through
    Redis the fifth request is refused whichever app gets it; per process each allows 4."""
    settings = Settings(
        database_url=database_url,
        rate_limit_per_minute=4,
        redis_url=redis_url if shared else None,
    )
    async with AsyncExitStack() as stack:
        first = await stack.enter_async_context(client_for(settings, extractor))
        second = await stack.enter_async_context(client_for(settings, extractor))
        statuses = [
            (await client.get("/v1/places")).status_code
            for client in (first, second, first, second, first, second)
        ]
    if shared:
        assert statuses == [200, 200, 200, 200, 429, 429]
    else:
        assert statuses == [200] * 6


async def test_a_statement_over_the_timeout_answers_503(
    database_url: str, extractor: Extractor
) -> None:
    """A query stuck behind a lock is cancelled by statement_timeout: 503 with Retry-After,
    and the next request, once the lock is gone, is answered normally."""
    settings = Settings(
        database_url=database_url, rate_limit_per_minute=0, statement_timeout_ms=200
    )
    locker = await asyncpg.connect(database_url)
    try:
        async with client_for(settings, extractor) as client:
            async with locker.transaction():
                await locker.execute("LOCK TABLE quotes IN ACCESS EXCLUSIVE MODE")
                stuck = await client.get("/v1/quotes")
            assert stuck.status_code == 503, stuck.text
            assert stuck.headers["content-type"] == "application/problem+json"
            assert stuck.headers["retry-after"]
            assert "took too long" in stuck.json()["detail"]
            after: httpx.Response = await client.get("/v1/quotes")
            assert after.status_code == 200
    finally:
        await locker.close()


async def test_an_unreachable_limit_store_answers_503(
    database_url: str, extractor: Extractor, tmp_path: Path
) -> None:
    pytest.importorskip("redis", reason="the redis package comes with the [redis] extra")
    settings = Settings(
        database_url=database_url,
        rate_limit_per_minute=4,
        redis_url=f"unix://{tmp_path / 'nobody-listens.sock'}",
    )
    async with client_for(settings, extractor) as client:
        response = await client.get("/v1/places")
        assert response.status_code == 503, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["retry-after"]
        assert (await client.get("/healthz")).status_code == 200  # probes are not metered
