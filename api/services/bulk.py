"""Bulk ingest: articles from files into Gazette, three ways.

- `ingest_local`: extraction on every core (worker processes, each loading the model once;
  `nlp.pipe` batches a whole batch's text), then each article and its entities written in
  one transaction, as `POST /v1/articles` does.
- `enqueue`: into the job table, for `gazette worker` processes on any machine.
- `ingest_remote`: `POST /v1/articles` to a running Gazette.

All three skip what is stored (or queued) already, so a run that crashed is resumed by
running it again: nothing is stored twice (articles are unique by url and by body).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

import asyncpg
import httpx
import msgspec

from api.db import jobs
from api.extract import Extraction, language
from api.extract.body_checks import body_warnings
from api.names import content_hash
from api.schemas import ArticleIn
from api.services.ingest import near_duplicate_warning, store_article
from api.services.sources import Item

if TYPE_CHECKING:
    from api.extract import Extractor  # loads spaCy: imported where extraction starts

log = logging.getLogger("gazette.bulk")

Advance = Callable[[int], None]

# Errors of one article's write: it is reported as failed and the run goes on. Anything
# else (the database gone, a worker process killed) stops the run; running it again resumes.
ARTICLE_ERRORS = (asyncpg.DataError, asyncpg.IntegrityConstraintViolationError)


class Tally(msgspec.Struct):
    """What a run did, for its summary."""

    ingested: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = msgspec.field(default_factory=list)  # (origin, reason)
    # stored (or queued), but worth a look: (origin, code, message)
    warnings: list[tuple[str, str, str]] = msgspec.field(default_factory=list)
    extract_seconds: float = 0.0  # summed over worker processes
    write_seconds: float = 0.0  # summed over concurrent writes

    def fail(self, origin: str, reason: str) -> None:
        self.failures.append((origin, reason))

    def warn(self, origin: str, code: str, message: str) -> None:
        self.warnings.append((origin, code, message))


def warn_of(tally: Tally, origin: str, notes: tuple[str, ...], body: str | None) -> None:
    """The warnings of an article about to be stored: how it was read (a time without its
    zone: api.services.sources) and, given its `body`, what that looks like
    (api.extract.body_checks: too short, paywalled, cut off)."""
    for note in notes:
        tally.warn(origin, "no_time_zone", note)
    for warning in body_warnings(body) if body is not None else []:
        tally.warn(origin, warning.code, warning.message)


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Fresh(msgspec.Struct, frozen=True):
    """A readable article that is not stored yet, with its body's hash."""

    origin: str
    article: ArticleIn
    digest: str
    notes: tuple[str, ...] = ()  # the item's (api.services.sources.Item.notes)


class Screen:
    """Sorts a batch: unreadable, too-long and non-English items fail, repeats (within the
    run or already stored) are duplicates, the rest goes on."""

    def __init__(self, tally: Tally, max_body_chars: int) -> None:
        self.tally = tally
        self.max_body_chars = max_body_chars
        self.urls: set[str] = set()
        self.hashes: set[str] = set()

    async def fresh(self, db: asyncpg.Pool[asyncpg.Record], batch: list[Item]) -> list[Fresh]:
        readable: list[Fresh] = []
        for item in batch:
            if item.article is None:
                self.tally.fail(item.origin, item.error or "unreadable")
            elif len(item.article.body) > self.max_body_chars:
                self.tally.fail(item.origin, f"body longer than {self.max_body_chars} characters")
            elif why := language.refusal(item.article.body):
                self.tally.fail(item.origin, f"body {why}")
            else:
                digest = content_hash(item.article.body)
                readable.append(Fresh(item.origin, item.article, digest, item.notes))
        urls = [f.article.url for f in readable if f.article.url]
        stored_urls, stored_hashes = await jobs.stored(db, urls, [f.digest for f in readable])
        fresh: list[Fresh] = []
        for candidate in readable:
            url, digest = candidate.article.url, candidate.digest
            if (
                digest in self.hashes
                or digest in stored_hashes
                or (url is not None and (url in self.urls or url in stored_urls))
            ):
                self.tally.duplicates += 1
                continue
            self.hashes.add(digest)
            if url is not None:
                self.urls.add(url)
            fresh.append(candidate)
            warn_of(self.tally, candidate.origin, candidate.notes, candidate.article.body)
        return fresh


# --- extraction in worker processes -------------------------------------------------------

_extractor: Extractor | None = None


def _load_extractor() -> None:
    """Runs once in each worker process: the model stays loaded for every batch."""
    global _extractor
    from api.extract import Extractor

    _extractor = Extractor()


def extract_batch(
    articles: list[tuple[str, str | None]],
) -> tuple[list[Extraction | str], float]:
    """Each article's extraction, or why it failed; and the seconds it took."""
    assert _extractor is not None, "the worker process was not initialised"
    started = time.perf_counter()
    found = extract_each(_extractor, articles)
    return found, time.perf_counter() - started


def extract_each(
    extractor: Extractor, articles: list[tuple[str, str | None]]
) -> list[Extraction | str]:
    """Each article's extraction, or why it failed: one bad article never sinks its batch."""
    try:
        return list(extractor.extract_many(articles))
    except Exception:  # one article broke the batch: find which, one at a time
        found: list[Extraction | str] = []
        for text, source in articles:
            try:
                found.append(extractor.extract(text, source))
            except Exception as exc:
                found.append(f"extraction failed: {exc!r}")
        return found


async def ingest_local(
    pool: asyncpg.Pool[asyncpg.Record],
    items: Iterable[Item],
    *,
    processes: int,
    batch_size: int,
    max_body_chars: int,
    advance: Advance,
) -> Tally:
    """Extract in `processes` worker processes, write as batches come back."""
    tally = Tally()
    screen = Screen(tally, max_body_chars)
    loop = asyncio.get_running_loop()
    # spawn, not fork: the parent holds an event loop and database connections
    context = multiprocessing.get_context("spawn")

    async def write(batch: list[Fresh], extracting: asyncio.Future[Any]) -> None:
        found, seconds = await extracting
        tally.extract_seconds += seconds
        for item, extraction in zip(batch, found, strict=True):
            if isinstance(extraction, str):
                tally.fail(item.origin, extraction)
            else:
                await write_one(pool, tally, item.origin, item.article, extraction)
            advance(1)

    with ProcessPoolExecutor(processes, mp_context=context, initializer=_load_extractor) as pool_of:
        running: set[asyncio.Task[None]] = set()
        for batch in batches(items, batch_size):
            fresh = await screen.fresh(pool, batch)
            advance(len(batch) - len(fresh))
            if not fresh:
                continue
            texts = [(f.article.body, f.article.source) for f in fresh]
            extracting = loop.run_in_executor(pool_of, extract_batch, texts)
            running.add(asyncio.create_task(write(fresh, extracting)))
            if len(running) >= 2 * processes:  # every process busy, one batch queued each
                done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()
        await asyncio.gather(*running)
    return tally


async def write_one(
    pool: asyncpg.Pool[asyncpg.Record],
    tally: Tally,
    origin: str,
    article: ArticleIn,
    extraction: Extraction,
) -> None:
    started = time.perf_counter()
    try:
        result = await store_article(pool, article, extraction)
    except ARTICLE_ERRORS as exc:
        tally.fail(origin, f"not stored: {exc}")
        return
    finally:
        tally.write_seconds += time.perf_counter() - started
    if result.created:
        tally.ingested += 1
        if result.near_duplicates:
            warning = near_duplicate_warning(result.near_duplicates)
            tally.warn(origin, warning.code, warning.message)
    else:
        tally.duplicates += 1


# --- the job queue ------------------------------------------------------------------------

_encoder = msgspec.json.Encoder()


async def enqueue(
    pool: asyncpg.Pool[asyncpg.Record],
    items: Iterable[Item],
    *,
    batch_size: int,
    max_body_chars: int,
    advance: Advance,
) -> Tally:
    """Queue the articles for `gazette worker`; stored or queued ones count as duplicates."""
    tally = Tally()
    screen = Screen(tally, max_body_chars)
    for batch in batches(items, batch_size):
        fresh = await screen.fresh(pool, batch)
        if fresh:
            added = await jobs.enqueue(
                pool,
                [_encoder.encode(f.article).decode() for f in fresh],
                [f.digest for f in fresh],
                [f.origin for f in fresh],
            )
            tally.ingested += added
            tally.duplicates += len(fresh) - added
        advance(len(batch))
    return tally


# --- a remote Gazette ---------------------------------------------------------------------

RETRIES = 5


async def ingest_remote(
    api: str,
    key: str | None,
    items: Iterable[Item],
    *,
    concurrency: int,
    advance: Advance,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Tally:
    """POST each article to the Gazette at `api`; 429 and 503 are retried after Retry-After."""
    tally = Tally()
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    slots = asyncio.Semaphore(concurrency)

    async def post(client: httpx.AsyncClient, item: Item) -> None:
        async with slots:
            try:
                await post_one(client, tally, item)
            finally:
                advance(1)

    async with httpx.AsyncClient(
        base_url=api, headers=headers, timeout=300, transport=transport
    ) as client:
        running: set[asyncio.Task[None]] = set()
        for item in items:
            if item.article is None:
                tally.fail(item.origin, item.error or "unreadable")
                advance(1)
                continue
            running.add(asyncio.create_task(post(client, item)))
            if len(running) >= 4 * concurrency:  # read ahead a little, not the whole input
                done, running = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    task.result()
        await asyncio.gather(*running)
    return tally


async def post_one(client: httpx.AsyncClient, tally: Tally, item: Item) -> None:
    assert item.article is not None
    body = _encoder.encode(item.article)
    for _ in range(RETRIES):
        response = await client.post("/v1/articles", content=body)
        if response.status_code not in (429, 503):
            break
        await asyncio.sleep(retry_after(response))
    if response.status_code == 201:
        tally.ingested += 1
        warn_of(tally, item.origin, item.notes, None)  # the server checks the body: below
        for warning in _warnings(response):
            tally.warn(item.origin, warning.code, warning.message)
    elif response.status_code == 200:
        tally.duplicates += 1
    elif response.status_code in (401, 403):
        raise PermissionError(
            f"{client.base_url} answered {response.status_code}: {_detail(response)}"
        )
    else:
        tally.fail(item.origin, f"{response.status_code}: {_detail(response)}")


class _Warning(msgspec.Struct):
    code: str
    message: str


class _Created(msgspec.Struct):
    warnings: list[_Warning] = []


def _warnings(response: httpx.Response) -> list[_Warning]:
    """The `warnings` of a 201 (none from a Gazette older than them)."""
    try:
        return msgspec.json.decode(response.content, type=_Created).warnings
    except msgspec.DecodeError:
        return []


def retry_after(response: httpx.Response) -> float:
    """Seconds to wait: Retry-After's delay (its HTTP-date form counts as 5), at most 60."""
    try:
        return min(60.0, max(0.0, float(response.headers.get("retry-after") or 5)))
    except ValueError:
        return 5.0


def _detail(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except ValueError:
        return response.text[:200]
    return (
        str(problem.get("detail") or problem.get("title") or problem)
        if isinstance(problem, dict)
        else str(problem)[:200]
    )
