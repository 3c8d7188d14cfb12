"""`gazette worker`: take queued articles in batches, extract, store; as many as you like.

Each batch is one transaction: its jobs are claimed with FOR UPDATE SKIP LOCKED (other
workers skip them), extracted, and each article is written in a savepoint together with
its job's `done` mark. A worker killed mid-batch commits nothing; Postgres drops its
connection and its row locks, and another worker takes the same jobs: no article is
processed twice or lost.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket

import asyncpg
import msgspec

from api.bulk import extract_each
from api.db import jobs
from api.db.rows import Conn
from api.extract import Extractor
from api.ingest import write_article
from api.schemas import ArticleIn

log = logging.getLogger("gazette.worker")

DEADLOCK_RETRIES = 3


def default_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


async def run(
    conn: Conn,
    extractor: Extractor,
    *,
    name: str,
    batch_size: int,
    exit_when_done: bool,
    poll_seconds: float = 1.0,
) -> int:
    """Process batches until stopped (or, with `exit_when_done`, until no job is pending);
    returns how many jobs this worker finished."""
    finished = 0
    while True:
        async with conn.transaction():
            claimed = await jobs.claim(conn, batch_size)
            if claimed:
                # the line tests (and operators) watch for: jobs held, nothing committed yet
                print(f"{name}: claimed jobs {[j.id for j in claimed]}", flush=True)
                await process(conn, extractor, name, claimed)
                finished += len(claimed)
        if claimed:
            log.info("%s: stored a batch of %d", name, len(claimed))
            continue
        if exit_when_done and await jobs.pending(conn) == 0:
            return finished
        # Nothing free: pending jobs are held by other workers (they come back if one dies)
        # or there are none yet.
        await asyncio.sleep(poll_seconds)


async def process(conn: Conn, extractor: Extractor, name: str, claimed: list[jobs.Job]) -> None:
    articles: list[ArticleIn | None] = []
    for job in claimed:
        try:
            articles.append(msgspec.json.decode(job.article, type=ArticleIn))
        except msgspec.ValidationError as exc:
            articles.append(None)
            await jobs.finish(conn, job.id, name, None, f"not an article: {exc}")
    texts = [(a.body, a.source) for a in articles if a is not None]
    # extraction off the event loop: the connection's keepalive stays answered
    found = iter(await asyncio.to_thread(extract_each, extractor, texts))
    for job, article in zip(claimed, articles, strict=True):
        if article is None:
            continue
        extraction = next(found)
        if isinstance(extraction, str):  # done, with the reason: retrying would fail again
            await jobs.finish(conn, job.id, name, None, extraction)
            continue
        for attempt in range(DEADLOCK_RETRIES):
            try:
                async with conn.transaction():  # a savepoint: one article's failure is its own
                    result = await write_article(conn, article, extraction)
                    await jobs.finish(conn, job.id, name, result.article_id, None)
                break
            except asyncpg.TransactionRollbackError:
                if attempt == DEADLOCK_RETRIES - 1:
                    raise
            except (asyncpg.DataError, asyncpg.IntegrityConstraintViolationError) as exc:
                await jobs.finish(conn, job.id, name, None, f"not stored: {exc}")
                break
