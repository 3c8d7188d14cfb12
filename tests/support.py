"""Helpers the test modules share: a free port, a scratch database on the session's server,
an API key header, polling, and `python -m api serve` started for real."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import signal
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
from litestar import Litestar

from api.settings import REPO_ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


async def _admin(url: str, statement: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@contextmanager
def scratch_database(server_url: str, prefix: str) -> Iterator[str]:
    """A new, empty database on the server (needs CREATEDB); dropped afterwards."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    asyncio.run(_admin(server_url, f'CREATE DATABASE "{name}"'))
    try:
        yield with_database(server_url, name)
    finally:
        asyncio.run(_admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def transport(app: Litestar) -> httpx.ASGITransport:
    """httpx's in-process transport to the app (httpx types an ASGI app more loosely than
    Litestar types its own `__call__`: they agree at run time)."""
    return httpx.ASGITransport(app=app)  # type: ignore[arg-type]


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def wait_until(check: object, attempts: int = 300) -> None:
    """Poll `check()` (an async callable returning bool) every 0.1 s, at most `attempts` times."""
    for _ in range(attempts):
        try:
            if await check():  # type: ignore[operator]
                return
        except (httpx.HTTPError, OSError, asyncpg.PostgresError):
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("condition not reached")


async def start_serve(
    env: dict[str, str], command: list[str] | None = None, cwd: Path = REPO_ROOT
) -> tuple[asyncio.subprocess.Process, str]:
    """`python -m api serve` (or `command`) with `env`, in a session of its own so its workers
    can be stopped with it; the process and the API key it printed. Its log goes to serve.log
    in its data folder (GAZETTE_DATA_DIR, else .gazette/ under `cwd`; pytest keeps it: read it
    when a test fails)."""
    data = Path(env.get("GAZETTE_DATA_DIR") or cwd / ".gazette")
    log = (data / "serve.log").open("ab")
    process = await asyncio.create_subprocess_exec(
        *(command or [sys.executable, "-m", "api", "serve"]),
        cwd=cwd, env=env, stdout=asyncio.subprocess.PIPE, stderr=log,
        start_new_session=True,
    )  # fmt: skip
    log.close()  # the child has its own copy
    assert process.stdout is not None
    key = ""
    while line := (await asyncio.wait_for(process.stdout.readline(), timeout=120)).decode():
        if "GAZETTE_API_KEY=" in line:
            key = line.strip().rsplit("=", 1)[1]
            break
    return process, key


async def stop(process: asyncio.subprocess.Process) -> None:
    """Ctrl-C; then its whole process group, so no worker outlives the test holding its pipe."""
    if process.returncode is None:
        process.send_signal(signal.SIGINT)
        try:
            await asyncio.wait_for(process.wait(), timeout=60)
        except TimeoutError:
            process.kill()
            await process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
