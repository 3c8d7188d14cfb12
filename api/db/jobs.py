"""Typed access to the bulk-ingest queue (sql/queries/jobs.sql)."""

from __future__ import annotations

import msgspec

from api.db.rows import Conn, Db, execute, fetch_all, fetch_records, fetch_value


class Job(msgspec.Struct, frozen=True):
    id: int
    article: str  # the article as JSON text, decoded by the worker
    origin: str | None
    attempts: int  # leases taken, this one included


async def enqueue(db: Db, articles: list[str], hashes: list[str], origins: list[str]) -> int:
    """Queue these articles (JSON text); returns how many were not queued already."""
    return int(
        await fetch_value(
            db, "enqueue_jobs", articles=articles, content_hashes=hashes, origins=origins
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
    status = await execute(
        conn, "finish_job", id=job_id, worker=worker, article_id=article_id, error=error
    )
    if status != "UPDATE 1":  # the claim's row lock makes this impossible; say so if not
        raise RuntimeError(f"job {job_id} was finished already: processed twice")


async def pending(db: Db) -> int:
    return int(await fetch_value(db, "pending_jobs"))


async def stored(db: Db, urls: list[str], hashes: list[str]) -> tuple[set[str], set[str]]:
    """The urls and body hashes among these that are stored already."""
    rows = await fetch_records(db, "stored_articles", urls=urls, content_hashes=hashes)
    asked = set(urls)  # the query matches urls by md5: keep the exact ones
    return {r["url"] for r in rows if r["url"] in asked}, {r["content_hash"] for r in rows}
