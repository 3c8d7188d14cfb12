"""No client can take the API down: slow NDJSON readers, silent connections, a dying worker,
a second server on the same port.

Runs `python -m api serve` for real (granian with two workers, an embedded Postgres of its
own in a temporary folder), because what is tested lives in the server and the sockets:
in-process clients never block on a send. Traffic goes only to 127.0.0.x; every wait is
bounded.
"""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import signal
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import pytest

from api.settings import REPO_ROOT
from tests.fixtures import WIRE_REPORT
from tests.support import free_port, start_serve, stop, wait_until

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="starts the API on an embedded Postgres of its own",
)

SEND_TIMEOUT_S = 3
MAX_STREAMS = 2  # per worker process
WORKERS = 2
# a quote row of about 700 bytes of NDJSON, 40,000 of them: a stream far larger than the
# socket buffers between a server and a client that does not read
SEED_QUOTES = 40_000


@dataclass
class Served:
    base: str
    port: int
    key: str
    process: asyncio.subprocess.Process
    db_url: str
    env: dict[str, str]


@pytest.fixture(scope="module")
async def served(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Served]:
    data = tmp_path_factory.mktemp("served")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {
        "PORT": str(port),
        "GAZETTE_DATA_DIR": str(data),
        "GAZETTE_WORKERS": str(WORKERS),
        "GAZETTE_RATE_LIMIT_PER_MINUTE": "0",
        "GAZETTE_SEND_TIMEOUT_S": str(SEND_TIMEOUT_S),
        "GAZETTE_MAX_STREAMS": str(MAX_STREAMS),
        "GAZETTE_MAX_STREAMS_PER_CLIENT": "1",
        "GAZETTE_LOG_LEVEL": "WARNING",
        # a worker respawned just before the end misses the stop signal while it starts
        "GAZETTE_STOP_TIMEOUT_S": "5",
    }
    process, key = await start_serve(env)
    drain = asyncio.create_task(process.stdout.read()) if process.stdout else None
    try:
        assert key, "serve printed no API key"
        base = f"http://127.0.0.1:{port}"
        served = Served(
            base, port, key, process, f"postgresql://postgres:@/postgres?host={data / 'pg'}", env
        )
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:

            async def ready() -> bool:
                return (await client.get("/readyz")).status_code == 200

            await wait_until(ready)
            created = await client.post(
                "/v1/articles", json=WIRE_REPORT, headers={"Authorization": f"Bearer {key}"}
            )
            assert created.status_code == 201, created.text
        await seed_quotes(served.db_url, created.json()["id"])
        yield served
    finally:
        await stop(process)
        if drain is not None:
            await drain


async def seed_quotes(db_url: str, article_id: str) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute(
            """
            INSERT INTO quotes (id, article_id, kind, text, start, "end", confidence,
                                extractor_version)
            SELECT 'quo_' || lpad(g::text, 26, '0'), $1, 'direct', repeat('words ', 100),
                   0, 1, 0.5, 'seed'
            FROM generate_series(1, $2::int) AS g
            """,
            article_id,
            SEED_QUOTES,
        )
    finally:
        await conn.close()


async def open_stream(served: Served, source: str) -> tuple[int, asyncio.StreamWriter]:
    """An NDJSON request from `source` (a 127.0.0.x address) that reads its status line and
    then stops reading; the status and the still open connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", served.port, local_addr=(source, 0))
    writer.write(
        b"GET /v1/quotes HTTP/1.1\r\nHost: gazette\r\nAccept: application/x-ndjson\r\n\r\n"
    )
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), timeout=10)
    return int(status_line.split()[1]), writer


async def test_slow_ndjson_readers_leave_the_api_answering(served: Served) -> None:
    """Before: eight slow readers held every pooled connection and every database-backed
    endpoint answered 503 after 5 s. Now streams are capped per address and per process, on
    connections of their own, and a reader that stops is cut off after the send timeout."""
    held: list[asyncio.StreamWriter] = []
    statuses: list[int] = []
    try:
        for n in range(10):  # two streams from each of five addresses
            status, writer = await open_stream(served, f"127.0.0.{2 + n % 5}")
            statuses.append(status)
            held.append(writer)
        async with httpx.AsyncClient(base_url=served.base, timeout=10) as client:
            started = time.monotonic()
            for path in ("/v1/articles", "/v1/quotes?limit=5", "/readyz"):
                response = await client.get(path)
                assert response.status_code == 200, (path, response.text)
            assert time.monotonic() - started < 3, "reads waited behind the streams"
            assert set(statuses) <= {200, 429, 503}, statuses
            # at most MAX_STREAMS per worker, at most one per address
            assert 0 < statuses.count(200) <= min(5, MAX_STREAMS * WORKERS), statuses

            # the slow readers are cut off after the send timeout: their slots come back
            async def a_full_stream_is_served() -> bool:
                response = await client.get(
                    "/v1/quotes", headers={"Accept": "application/x-ndjson"}, timeout=60
                )
                return response.status_code == 200 and response.text.count("\n") > SEED_QUOTES

            await wait_until(a_full_stream_is_served, attempts=10 * (SEND_TIMEOUT_S + 20))
    finally:
        for writer in held:
            writer.close()


def raise_open_file_limit(needed: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed <= hard or (hard == resource.RLIM_INFINITY and soft < needed):
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
    if resource.getrlimit(resource.RLIMIT_NOFILE)[0] < needed:
        pytest.skip(f"this test needs {needed} open files; the hard limit is {hard}")


async def test_silent_connections_do_not_lock_other_clients_out(served: Served) -> None:
    """Before: granian held at most 1,024 connections per server, idle ones included, and a
    connection that sends nothing is never timed out, so 1,024 silent sockets locked every
    client out. Now each worker holds GAZETTE_MAX_CONNECTIONS."""
    silent = 1_500
    raise_open_file_limit(silent + 256)
    held: list[asyncio.StreamWriter] = []
    try:
        for n in range(silent):
            _, writer = await asyncio.open_connection(
                "127.0.0.1", served.port, local_addr=(f"127.0.1.{1 + n % 200}", 0)
            )
            held.append(writer)
        async with httpx.AsyncClient(base_url=served.base, timeout=5) as client:
            for path in ("/healthz", "/v1/articles?limit=1", "/readyz"):
                response = await client.get(path)
                assert response.status_code == 200, (path, response.text)
    finally:
        for writer in held:
            writer.close()


def worker_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children]


async def test_a_killed_worker_is_replaced_while_the_other_serves(served: Served) -> None:
    """Before: one worker dying made granian stop the whole server (and its embedded
    Postgres). Now it is respawned, and the other worker answers meanwhile."""
    workers = worker_pids(served.process.pid)
    assert len(workers) == WORKERS, workers
    answered: list[int] = []
    stop_load = asyncio.Event()

    async def load() -> None:
        async with httpx.AsyncClient(base_url=served.base, timeout=5) as client:
            while not stop_load.is_set():
                try:
                    answered.append((await client.get("/v1/articles?limit=1")).status_code)
                except httpx.TransportError:  # a connection of the killed worker
                    answered.append(0)

    loader = asyncio.create_task(load())
    try:
        await asyncio.sleep(0.5)
        os.kill(workers[0], signal.SIGKILL)

        async def replaced() -> bool:
            now = worker_pids(served.process.pid)
            return len(now) == WORKERS and workers[0] not in now

        await wait_until(replaced, attempts=300)
        before = len(answered)
        await wait_until(lambda: _more_answers(answered, before + 20), attempts=100)
    finally:
        stop_load.set()
        await loader
    assert served.process.returncode is None, "the server stopped"
    assert answered[-20:] == [200] * 20, answered[-20:]
    assert answered.count(200) > 0.9 * len(answered), answered.count(0)


async def _more_answers(answered: list[int], count: int) -> bool:
    return len(answered) >= count


async def test_a_second_server_on_a_busy_port_refuses_to_start(
    served: Served, tmp_path: Path
) -> None:
    """Before: granian binds with SO_REUSEPORT, so a second Gazette on the same port started
    and silently took half of the first one's clients."""
    env = served.env | {"GAZETTE_DATA_DIR": str(tmp_path)}
    second = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "api", "serve",
        cwd=REPO_ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        _, stderr = await asyncio.wait_for(second.communicate(), timeout=60)
    finally:
        if second.returncode is None:
            second.kill()
            await second.wait()
    assert second.returncode == 3
    assert b"already in use" in stderr, stderr
    assert not (tmp_path / "pg").exists(), "the database was started before the port check"


async def test_a_killed_embedded_postgres_is_started_again(served: Served) -> None:
    """Before: with its embedded Postgres gone (killed, a full disk), the API answered 503 for
    ever. Now serve starts it again (or, when it will not start, exits with the reason)."""
    postmaster = int((Path(served.env["GAZETTE_DATA_DIR"]) / "pg" / "postmaster.pid")
                     .read_text().split()[0])  # fmt: skip
    os.kill(postmaster, signal.SIGKILL)
    async with httpx.AsyncClient(base_url=served.base, timeout=10) as client:

        async def answers_again() -> bool:
            return (await client.get("/v1/articles?limit=1")).status_code == 200

        await wait_until(answers_again, attempts=600)
        assert (await client.get("/healthz")).status_code == 200
    assert served.process.returncode is None


# Debian puts it in /usr/sbin, which is not on every PATH
NGINX = shutil.which("nginx", path=os.environ.get("PATH", "") + os.pathsep + "/usr/sbin")


def nginx_config(prefix: Path, port: int, upstream: int) -> Path:
    """deploy/nginx.conf listening on `port` in front of `upstream`, in `prefix`."""
    config = (REPO_ROOT / "deploy" / "nginx.conf").read_text()
    config = (
        config.replace("listen 80;", f"listen 127.0.0.1:{port};")
        .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream};")
        .replace("client_header_timeout 10s;", "client_header_timeout 2s;")  # a quick test
        # temporary files in the test's folder, not /var/lib/nginx (root's, on Debian)
        .replace("http {", "http {\n" + "".join(
            f"    {kind}_temp_path {prefix}/temp/{kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        ), 1)
    )  # fmt: skip
    assert f"listen 127.0.0.1:{port};" in config and "client_header_timeout 2s;" in config
    for folder in ("logs", "temp"):
        (prefix / folder).mkdir()
    (prefix / "nginx.conf").write_text(config)
    return prefix / "nginx.conf"


@pytest.fixture(scope="module")
async def behind_nginx(
    served: Served, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[int]:
    """deploy/nginx.conf in front of the served API, on a port of its own; its port."""
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light; .ci/run does)")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    config = nginx_config(prefix, port, served.port)
    globals_ = f"daemon off; pid {prefix}/nginx.pid; error_log {prefix}/logs/error.log;"
    process = await asyncio.create_subprocess_exec(
        NGINX, "-p", str(prefix), "-c", str(config), "-g", globals_,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:

            async def proxies() -> bool:
                return (await client.get("/healthz")).status_code == 200

            await wait_until(proxies, attempts=100)
        yield port
    finally:
        process.terminate()
        await process.wait()


async def test_the_production_proxy_closes_silent_connections(
    served: Served, behind_nginx: int
) -> None:
    """granian cannot time out a connection that sends nothing; the documented front
    (deploy/nginx.conf) closes it after client_header_timeout, and answers others meanwhile."""
    silent = 1_500
    raise_open_file_limit(silent + 256)
    held: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    try:
        for n in range(silent):
            held.append(await asyncio.open_connection(
                "127.0.0.1", behind_nginx, local_addr=(f"127.0.2.{1 + n % 200}", 0)
            ))  # fmt: skip
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{behind_nginx}") as client:
            response = await client.get("/v1/articles?limit=1", timeout=5)
            assert response.status_code == 200, response.text
        closed = await asyncio.gather(
            *(asyncio.wait_for(reader.read(1), timeout=15) for reader, _ in held)
        )
        assert closed == [b""] * silent  # every silent connection closed by the proxy
    finally:
        for _, writer in held:
            writer.close()
