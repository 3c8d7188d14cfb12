"""Typed access to the bulk-ingest queue (sql/queries/jobs.sql)."""

from __future__ import annotations

import asyncio
import logging
import time

import asyncpg
import msgspec

from api.db.failures import DATABASE_ERRORS
from api.db.rows import (
    Conn,
    Db,
    execute,
    fetch_all,
    fetch_record,
    fetch_records,
    fetch_value,
    to_struct,
)
from api.extract.version import EXTRACTOR_VERSION

# Workers LISTEN here; enqueueing and retrying NOTIFY here, in the transaction that makes the
# jobs pending (a notification is delivered at commit: a woken worker finds the jobs).
CHANNEL = "gazette_jobs"

log = logging.getLogger("gazette.worker")

# A worker that cannot listen tries again at most this often (it polls meanwhile).
RETRY_LISTEN_SECONDS = 10.0


class Job(msgspec.Struct, frozen=True):
    id: int
    article: str  # the article as JSON text, decoded by the worker
    origin: str | None
    attempts: int  # leases taken, this one included


async def enqueue(db: Db, articles: list[str], hashes: list[str], origins: list[str]) -> int:
    """Queue these articles (JSON text); returns how many were not queued already."""
    return int(
        await fetch_value(
            db,
            "enqueue_jobs",
            articles=articles,
            content_hashes=hashes,
            origins=origins,
            channel=CHANNEL,
        )
    )


async def lease(db: Db, size: int, worker: str, seconds: float) -> list[Job]:
    """Up to `size` pending jobs, leased to `worker` for `seconds`, oldest first."""
    leased = await fetch_all(db, "lease_jobs", Job, size=size, worker=worker, lease_s=seconds)
    return sorted(leased, key=lambda job: job.id)


async def hold(conn: Conn, job_id: int, worker: str) -> bool:
    """Lock the job for the caller's transaction; False if it is no longer this worker's."""
    return await fetch_value(conn, "hold_job", id=job_id, worker=worker) is not None


async def finish(
    conn: Conn, job_id: int, worker: str, article_id: str | None, error: str | None
) -> None:
    """Done, by `worker` running this process's EXTRACTOR_VERSION."""
    status = await execute(
        conn, "finish_job", id=job_id, worker=worker, article_id=article_id, error=error,
        extractor_version=EXTRACTOR_VERSION,
    )  # fmt: skip
    if status != "UPDATE 1":  # the claim's row lock makes this impossible; say so if not
        raise RuntimeError(f"job {job_id} was finished already: processed twice")


async def pending(db: Db) -> int:
    return int(await fetch_value(db, "pending_jobs"))


async def next_lease_end(db: Db) -> float | None:
    """Seconds until the first running lease ends (negative: one has ended), None if none."""
    seconds = await fetch_value(db, "next_lease_end")
    return None if seconds is None else float(seconds)


class Counts(msgspec.Struct, frozen=True):
    """The queue at a glance: `leased` are among `pending`, `failed` among `done`."""

    pending: int
    leased: int
    done: int
    failed: int


class VersionCounts(msgspec.Struct, frozen=True):
    """Done jobs of one extractor version (None: done before versions were recorded)."""

    version: str | None
    done: int
    failed: int


async def counts(db: Db) -> Counts:
    row = await fetch_record(db, "count_jobs")
    assert row is not None  # an aggregate without GROUP BY always has its row
    return to_struct(row, Counts)


async def counts_by_version(db: Db) -> list[VersionCounts]:
    return await fetch_all(db, "count_jobs_by_version", VersionCounts)


async def retry(db: Db, *, reason: str | None = None, ids: list[int] | None = None) -> int:
    """Queue failed jobs again (their error containing `reason`, or these `ids`), waking the
    workers; returns how many. Neither given would retry every failure: refused."""
    if reason is None and not ids:
        raise ValueError("retry needs a reason or ids")
    given: dict[str, object] = {"channel": CHANNEL}
    if reason is not None:
        given["reason"] = reason
    if ids:
        given["ids"] = ids
    return int(await fetch_value(db, "retry_jobs", **given))


async def stored(db: Db, urls: list[str], hashes: list[str]) -> tuple[set[str], set[str]]:
    """The urls and body hashes among these that are stored already."""
    rows = await fetch_records(db, "stored_articles", urls=urls, content_hashes=hashes)
    asked = set(urls)  # the query matches urls by md5: keep the exact ones
    return {r["url"] for r in rows if r["url"] in asked}, {r["content_hash"] for r in rows}


class Listener:
    """A worker's doorbell: LISTEN on CHANNEL over a connection of its own.

    Its own, because the worker's other connection spends its time in transactions and
    extractions, and a notification is only read by a connection that is waiting for one.
    `wait` returns when a notification came since `clear`, when the connection was lost (so
    the worker leases at once: a notification may have been missed) or when time is up.
    When the database cannot be reached, `listen` says so and the worker polls; it tries to
    listen again each time it looks for jobs.
    """

    def __init__(self, url: str) -> None:
        self._url = url
        self._conn: asyncpg.Connection[asyncpg.Record] | None = None
        self._rang = asyncio.Event()
        self._failing = False  # warned that it cannot listen (once, until it can again)
        self._next_try = 0.0  # while failing: no new try before this (time.monotonic)

    async def listen(self) -> bool:
        """Listening from here on (connecting again if the connection was lost); False if
        the database cannot be reached now."""
        if self._conn is not None and not self._conn.is_closed():
            return True
        if self._failing and time.monotonic() < self._next_try:
            return False  # a database out of reach must not cost a connect timeout per batch
        conn: asyncpg.Connection[asyncpg.Record] | None = None
        try:
            conn = await asyncpg.connect(
                self._url, timeout=10,
                server_settings={"application_name": "gazette worker (listening)"},
            )  # fmt: skip
            conn.add_termination_listener(self._lost)
            await conn.add_listener(CHANNEL, self._notified)
        except (*DATABASE_ERRORS, OSError, TimeoutError) as exc:
            if conn is not None:
                conn.terminate()
            if not self._failing:
                log.warning("cannot listen for new jobs (%r): polling until it can", exc)
            self._failing, self._next_try = True, time.monotonic() + RETRY_LISTEN_SECONDS
            return False
        if self._failing:
            log.warning("listening for new jobs again")
        self._conn, self._failing = conn, False
        return True

    def clear(self) -> None:
        """Forget the notifications so far: call before looking for jobs, not after."""
        self._rang.clear()

    async def wait(self, seconds: float) -> bool:
        """Until a notification (or a lost connection) or `seconds`; True if woken."""
        try:
            await asyncio.wait_for(self._rang.wait(), seconds)
        except TimeoutError:
            return False
        return True

    async def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.remove_termination_listener(self._lost)
            try:
                await conn.close(timeout=5)
            except (*DATABASE_ERRORS, OSError, TimeoutError):
                conn.terminate()  # gone already, or not answering: just drop it

    def _notified(self, *_: object) -> None:  # (connection, pid, channel, payload)
        self._rang.set()

    def _lost(self, *_: object) -> None:  # (connection)
        self._rang.set()
