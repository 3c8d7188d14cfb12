"""SIGTERM: requests in flight finish, then the API and its embedded Postgres stop cleanly.

Runs `python -m api serve` for real (granian, a worker process, an embedded Postgres of its
own in a temporary folder).
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.fixtures import WIRE_REPORT, article
from tests.support import free_port, start_serve, wait_until

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="starts the API on an embedded Postgres of its own",
)


async def test_sigterm_lets_the_request_in_flight_finish(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "PORT": str(port),
        "GAZETTE_DATA_DIR": str(tmp_path),
        "GAZETTE_RATE_LIMIT_PER_MINUTE": "0",
    }
    proc, key = await start_serve(env)
    drain: asyncio.Task[bytes] | None = None
    try:
        assert proc.stdout is not None
        assert key, "serve printed no API key"
        drain = asyncio.create_task(proc.stdout.read())  # keep the pipe from filling up
        base = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:

            async def healthy() -> bool:
                return (await client.get("/healthz")).status_code == 200

            await wait_until(healthy)
            # a long article keeps the request busy in extraction for a while
            body = article(WIRE_REPORT, body=" ".join([WIRE_REPORT["body"]] * 60))
            posting = asyncio.create_task(
                client.post(
                    "/v1/articles",
                    json=body,
                    headers={"Authorization": f"Bearer {key}", "Idempotency-Key": "in-flight"},
                )
            )
            db_url = f"postgresql://postgres:@/postgres?host={tmp_path / 'pg'}"

            async def arrived() -> bool:  # the request has claimed its idempotency key
                conn = await asyncpg.connect(db_url)
                try:
                    found = await conn.fetchval(
                        "SELECT count(*) FROM idempotency_keys WHERE key = 'in-flight'"
                    )
                finally:
                    await conn.close()
                return bool(found)

            await wait_until(arrived)
            proc.send_signal(signal.SIGTERM)
            response = await posting
        assert response.status_code == 201, response.text
        assert await asyncio.wait_for(proc.wait(), timeout=60) == 0
        assert not (tmp_path / "pg" / "postmaster.pid").exists()  # Postgres stopped cleanly
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        if drain is not None:
            await drain
