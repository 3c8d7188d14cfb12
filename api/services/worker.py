"""`gazette worker`: lease queued articles in batches, extract, store; as many as you like.

A worker leases a batch of jobs (FOR UPDATE SKIP LOCKED, then a lease with a deadline, so
other workers skip them), extracts the batch with one `nlp.pipe`, and stores each article in
a transaction of its own that also marks its job done, but only while the job is pending
and still leased to this worker. Transactions stay small, so workers whose articles share
actors do not deadlock over a whole batch's locks. A worker killed mid-batch commits nothing
more; its jobs go to another worker when its lease runs out: no article is processed twice
or lost. A job that fails (a bad article, an extractor error, the database refusing a value)
is done with its reason; one whose worker keeps dying on it is given up after
`MAX_ATTEMPTS` leases.

A worker with nothing to lease sleeps until a NOTIFY says jobs were queued (api.db.jobs
.Listener), until the first running lease ends (its worker may have died: the job is then
free), or `poll_seconds` at most: the fallback, for a notification missed while the
listening connection was being made again.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket

import asyncpg
import msgspec

from api.db import jobs
from api.db.failures import LOST_CONNECTION, RETRY
from api.db.rows import Conn, Db
from api.db.transaction import in_transaction
from api.extract import Extraction, Extractor, language
from api.schemas import ArticleIn
from api.services.bulk import extract_each
from api.services.ingest import write_article

log = logging.getLogger("gazette.worker")

MAX_ATTEMPTS = 3
DEFAULT_LEASE_SECONDS = 300.0
DEFAULT_POLL_SECONDS = 30.0
# A worker told to exit when done looks this often whether the others have finished the
# jobs they hold: finishing a job notifies nobody.
DONE_CHECK_SECONDS = 1.0
# The shortest sleep: a lease that ran out but is still locked (its worker storing the job
# at that moment) is not free yet, and must not make a worker spin.
MIN_SLEEP_SECONDS = 0.2


def default_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


async def run(
    conn: Conn,
    extractor: Extractor,
    *,
    name: str,
    batch_size: int,
    exit_when_done: bool,
    lease_seconds: float = DEFAULT_LEASE_SECONDS,
    listener: jobs.Listener | None = None,
    poll_seconds: float = DEFAULT_POLL_SECONDS,
) -> int:
    """Process batches until stopped (or, with `exit_when_done`, until no job is pending);
    returns how many jobs this worker finished. Without a `listener` it polls only."""
    finished = 0
    idle = False
    while True:
        if listener is not None:
            # listening before looking: a job queued from now on rings, one queued before
            # is found by the lease below
            await listener.listen()
            listener.clear()
        leased = await jobs.lease(conn, batch_size, name, lease_seconds)
        if leased:
            idle = False
            # the line tests (and operators) watch for: jobs leased, nothing stored yet
            print(f"{name}: claimed jobs {[j.id for j in leased]}", flush=True)
            finished += await process(conn, extractor, name, leased)
            continue
        if exit_when_done and await jobs.pending(conn) == 0:
            return finished
        if not idle:
            idle = True
            print(f"{name}: waiting for jobs", flush=True)
        seconds = await sleep_seconds(conn, poll_seconds, exit_when_done)
        if listener is None:
            await asyncio.sleep(seconds)
        else:
            await listener.wait(seconds)


async def sleep_seconds(db: Db, poll_seconds: float, exit_when_done: bool) -> float:
    """How long to sleep with nothing to lease: until the first running lease ends (a job
    of a dead worker is free then), `poll_seconds` at most (DONE_CHECK_SECONDS with
    `exit_when_done`)."""
    longest = min(poll_seconds, DONE_CHECK_SECONDS) if exit_when_done else poll_seconds
    lease_ends = await jobs.next_lease_end(db)
    if lease_ends is None:
        return longest
    # a little past the end: the lease must be over by the database's clock when it looks
    return min(longest, max(lease_ends + 0.05, MIN_SLEEP_SECONDS))


async def process(conn: Conn, extractor: Extractor, name: str, leased: list[jobs.Job]) -> int:
    """Store the batch's articles one transaction each; returns how many jobs were done."""
    outcomes: dict[int, ArticleIn | str] = {}
    for job in leased:
        if job.attempts > MAX_ATTEMPTS:
            outcomes[job.id] = f"gave up after {MAX_ATTEMPTS} attempts (its worker kept dying)"
            continue
        try:
            article = msgspec.json.decode(job.article, type=ArticleIn)
        except msgspec.ValidationError as exc:
            outcomes[job.id] = f"not an article: {exc}"
            continue
        why = language.refusal(article.body)
        outcomes[job.id] = article if why is None else f"body {why}"
    articles = [(job_id, a) for job_id, a in outcomes.items() if isinstance(a, ArticleIn)]
    # extraction off the event loop: the connection's keepalive stays answered
    found = await asyncio.to_thread(
        extract_each, extractor, [(a.body, a.source) for _, a in articles]
    )
    extractions: dict[int, Extraction | str] = {
        job_id: extraction for (job_id, _), extraction in zip(articles, found, strict=True)
    }
    done = 0
    for job in leased:
        outcome = outcomes[job.id]
        extraction = extractions.get(job.id, "")
        if isinstance(outcome, str) or isinstance(extraction, str):
            error = outcome if isinstance(outcome, str) else str(extraction)
            done += await fail(conn, name, job.id, error)
        else:
            done += await store(conn, name, job.id, outcome, extraction)
    return done


async def store(
    conn: Conn, name: str, job_id: int, article: ArticleIn, extraction: Extraction
) -> int:
    """The article and its job's `done`, in one transaction (run again after a deadlock);
    1 if this worker did it."""

    async def work(tx: Conn) -> int:
        if not await jobs.hold(tx, job_id, name):
            return 0  # the lease ran out and the job went to another worker
        result = await write_article(tx, article, extraction)
        await jobs.finish(tx, job_id, name, result.article_id, None)
        return 1

    try:
        return await in_transaction(conn, work)
    except RETRY:
        return await fail(conn, name, job_id, "gave up after repeated deadlocks")
    except LOST_CONNECTION:
        raise  # the worker ends; its leases run out and other workers take the jobs
    except asyncpg.PostgresError as exc:  # the database refused this article: say why
        return await fail(conn, name, job_id, f"not stored: {exc}")


async def fail(conn: Conn, name: str, job_id: int, error: str) -> int:
    """Mark the job done with its error (if it is still this worker's); 1 if marked."""
    async with conn.transaction():
        if not await jobs.hold(conn, job_id, name):
            return 0
        await jobs.finish(conn, job_id, name, None, error)
    log.warning("job %d failed: %s", job_id, error)
    return 1
