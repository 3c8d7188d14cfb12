"""The worker fleet, run for real: woken by NOTIFY (a worker blocked on LISTEN leases a job
queued after it started), a lease that ran out taken without any notification, the
listening connection lost and made again, `--concurrency 2` doing every job exactly once,
and `gazette jobs` with `retry`.

No test sleeps to let a race settle: each waits for a worker's own output line, or for a
condition in the database, with a bound far above what it takes (the poll interval is set
far above the bounds, so only the mechanism under test can wake a worker in time)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import msgspec
import pytest

from api.cli import jobs as cli_jobs
from api.cli.worker import names
from api.db import jobs
from api.extract import Extractor
from api.extract.version import EXTRACTOR_VERSION
from api.names import content_hash
from api.services import worker
from api.settings import REPO_ROOT, Settings
from tests.fixtures import TRUNCATE
from tests.integration.test_bulk import articles, write_lines
from tests.support import wait_until

NEVER = "600"  # --poll-seconds: longer than any test waits
LINE_SECONDS = 120.0  # loading the model on a busy 2-core machine takes a few seconds
LEASE_LEFT_S = 30  # a dead worker's lease, left when a test starts a worker to take it over


def gazette(database_url: str, *args: str, **env: str) -> subprocess.Popen[str]:
    """`python -m api ARGS` on the test database, in a session of its own."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_")}
    environment.update(DATABASE_URL=database_url, **env)
    return subprocess.Popen(
        [sys.executable, "-m", "api", *args],
        cwd=REPO_ROOT, env=environment, text=True, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=as_from_a_terminal,
    )  # fmt: skip


def as_from_a_terminal() -> None:
    """Ctrl-C handled as a command started from a terminal handles it. A suite started in
    the background (`.ci/run &`) runs with SIGINT ignored, which every child inherits; Python
    then installs no KeyboardInterrupt, rightly (background jobs ignore Ctrl-C)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(database_url: str, *args: str) -> tuple[int, str, str]:
    process = gazette(database_url, *args)
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def next_line(process: subprocess.Popen[str], seconds: float = LINE_SECONDS) -> str:
    """The process's next line of output, waiting `seconds` at most ('' if it ended)."""
    assert process.stdout is not None
    reader = ThreadPoolExecutor(1)
    try:
        return reader.submit(process.stdout.readline).result(timeout=seconds)
    finally:
        # not `with`: its exit would wait for a readline that timed out, for ever; the thread
        # ends when the test's clean-up kills the process (its output then ends)
        reader.shutdown(wait=False)


def line_starting(process: subprocess.Popen[str], prefix: str) -> str:
    """Read lines until one starts with `prefix` (the worker prints a few kinds)."""
    while line := next_line(process):
        if line.startswith(prefix):
            return line
    _, err = process.communicate(timeout=60)
    raise AssertionError(f"ended without a line {prefix!r}: {err}")


def claimed(line: str) -> list[int]:
    """The job ids of a `NAME: claimed jobs [1, 2]` line."""
    ids: list[int] = msgspec.json.decode(line.split("claimed jobs ", 1)[1])
    return ids


def stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    """SIGTERM, as a service manager stops a worker; its exit code and stderr."""
    process.send_signal(signal.SIGTERM)
    try:
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, err


def queue(database_url: str, folder: Path, records: list[dict[str, Any]]) -> None:
    source = write_lines(folder / f"queue-{records[0]['url'].rsplit('-', 1)[1]}.jsonl", records)
    code, out, err = run(database_url, "ingest", "--queue", str(source))
    assert code == 0, out + err


@pytest.fixture
async def empty(pool: asyncpg.Pool[asyncpg.Record]) -> asyncpg.Pool[asyncpg.Record]:
    await pool.execute(TRUNCATE)
    return pool


async def test_a_listening_worker_wakes_for_jobs_queued_after_it_started(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path
) -> None:
    worker = gazette(database_url, "worker", "--name", "w", "--poll-seconds", NEVER)
    try:
        assert next_line(worker) == "w: waiting for jobs\n"  # listening, queue empty
        queue(database_url, tmp_path, articles(2))
        assert claimed(line_starting(worker, "w: claimed jobs")) == [1, 2]
        assert next_line(worker) == "w: waiting for jobs\n"  # both stored
    finally:
        code, err = stop(worker)
    assert code == 3 and "interrupted" in err, err
    rows = await empty.fetch(
        "SELECT done_by, error, extractor_version, leased_at >= enqueued_at AS ordered "
        "FROM ingest_jobs ORDER BY id"
    )
    assert [dict(r) for r in rows] == [
        {"done_by": "w", "error": None, "extractor_version": EXTRACTOR_VERSION, "ordered": True}
    ] * 2


@pytest.mark.parametrize("listen", [True, False], ids=["listening", "polling only"])
async def test_a_lease_that_ran_out_is_taken_without_a_notification(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path, listen: bool
) -> None:
    queue(database_url, tmp_path, articles(1))
    # a worker that died holding the job: nothing will notify anyone when its lease ends.
    # The lease must outlast the new worker's start (loading the model: seconds on a busy
    # machine; 3 s was too short in a full CI run), so that it goes to sleep first and only
    # the lease's end can wake it.
    await empty.execute(
        "UPDATE ingest_jobs SET leased_by = 'dead', attempts = 1, "
        f"leased_until = now() + interval '{LEASE_LEFT_S} seconds'"
    )
    options = [] if listen else ["--no-listen"]
    worker = gazette(database_url, "worker", "--name", "w", "--poll-seconds", NEVER, *options)
    try:
        assert next_line(worker) == "w: waiting for jobs\n"
        assert claimed(line_starting(worker, "w: claimed jobs")) == [1]
        assert next_line(worker) == "w: waiting for jobs\n"
    finally:
        stop(worker)
    row = await empty.fetchrow("SELECT done_by, attempts, error FROM ingest_jobs")
    assert row is not None and dict(row) == {"done_by": "w", "attempts": 2, "error": None}


LISTENING = "SELECT pid FROM pg_stat_activity WHERE application_name = 'gazette worker (listening)'"


async def test_a_worker_listens_again_after_losing_its_connection(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path
) -> None:
    worker = gazette(database_url, "worker", "--name", "w", "--poll-seconds", NEVER)
    try:
        assert next_line(worker) == "w: waiting for jobs\n"
        before = await empty.fetchval(LISTENING)
        assert before is not None
        await empty.execute("SELECT pg_terminate_backend($1)", before)

        async def listening_again() -> bool:
            return await empty.fetchval(LISTENING) not in (None, before)

        await wait_until(listening_again)
        queue(database_url, tmp_path, articles(1))
        assert claimed(line_starting(worker, "w: claimed jobs")) == [1]
    finally:
        stop(worker)


async def test_two_worker_processes_share_the_jobs_and_do_each_once(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path
) -> None:
    queue(database_url, tmp_path, articles(12))
    async with empty.acquire() as blocker:
        async with blocker.transaction():
            # nothing can be stored until both processes have leased a batch
            await blocker.execute("LOCK TABLE articles IN SHARE MODE")
            fleet = gazette(
                database_url, "worker", "--concurrency", "2", "--name", "fleet", "--batch", "2",
                "--exit-when-done", GAZETTE_STATEMENT_TIMEOUT_MS="300000",
            )  # fmt: skip
            first = line_starting(fleet, "fleet:")
            second = line_starting(
                fleet, "fleet:2:" if first.startswith("fleet:1:") else "fleet:1:"
            )
            assert "claimed jobs" in first and "claimed jobs" in second, (first, second)
        out, err = fleet.communicate(timeout=300)
    assert fleet.returncode == 0, out + err
    finished = [int(n.split()[0]) for n in out.split("worker finished ")[1:]]
    assert len(finished) == 2 and sum(finished) == 12, out  # a job finished twice would raise
    done = await empty.fetch("SELECT done_by, error, article_id FROM ingest_jobs")
    assert {r["done_by"] for r in done} == {"fleet:1", "fleet:2"}
    assert all(r["error"] is None for r in done)
    assert len({r["article_id"] for r in done}) == 12
    assert await empty.fetchval("SELECT count(*) FROM articles") == 12


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
async def test_a_fleet_stops_every_process_it_started(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, how: signal.Signals
) -> None:
    fleet = gazette(database_url, "worker", "--concurrency", "2", "--name", "f")
    try:
        waiting = {line_starting(fleet, "f:"), line_starting(fleet, "f:")}
        assert waiting == {"f:1: waiting for jobs\n", "f:2: waiting for jobs\n"}
        if how == signal.SIGINT:  # a terminal's Ctrl-C reaches the whole process group
            os.killpg(fleet.pid, signal.SIGINT)
        else:  # a service manager signals the process it started
            fleet.send_signal(signal.SIGTERM)
        _, err = fleet.communicate(timeout=60)
    finally:
        if fleet.poll() is None:
            os.killpg(fleet.pid, signal.SIGKILL)
    assert fleet.returncode == 3 and "interrupted" in err and "Traceback" not in err, err

    async def nothing_runs() -> bool:
        # the workers were joined before it exited; multiprocessing's resource tracker ends
        # when it sees its parent gone, a moment later
        return running_in_group(fleet.pid) == []

    await wait_until(nothing_runs, attempts=100)  # no process outlived it (10 s at most)


def running_in_group(group: int) -> list[int]:
    """Processes of a process group that still run: not a zombie (one that ended after its
    parent, here multiprocessing's resource tracker, and is not reaped yet by its new one)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # pid (comm) state ppid pgrp …: comm may hold spaces, so split after its ")"
            state, _, pgrp = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except OSError:  # it ended meanwhile
            continue
        if int(pgrp) == group and state != "Z":
            found.append(int(stat.parent.name))
    return found


async def test_jobs_counts_by_version_and_retries_failures(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path
) -> None:
    queue(database_url, tmp_path, articles(4))
    # job 1 failed under an older extractor, 2 failed under this one, 3 done, 4 leased
    await empty.execute(
        "UPDATE ingest_jobs SET done_at = now(), done_by = 'w', attempts = 1, "
        "error = CASE id WHEN 1 THEN 'extraction failed: boom' WHEN 2 THEN 'not stored: no' END, "
        "extractor_version = CASE id WHEN 1 THEN '0.9.0' ELSE $1 END WHERE id <= 3",
        EXTRACTOR_VERSION,
    )
    await empty.execute(
        "UPDATE ingest_jobs SET leased_by = 'w', leased_until = now() + interval '1 hour' "
        "WHERE id = 4"
    )
    code, out, err = run(database_url, "jobs")
    assert code == 0, err
    lines = [line.split() for line in out.splitlines()]
    assert lines[:4] == [
        ["pending", "1"],
        ["leased", "1", "(a", "worker", "has", "them", "now)"],
        ["done", "3"],
        ["failed", "2", "(done", "with", "an", "error:", "`gazette", "jobs", "retry`)"],
    ]
    assert ["0.9.0", "1", "1"] in lines and [EXTRACTOR_VERSION, "2", "1"] in lines

    async with jobs_listener(database_url) as listener:
        code, out, err = run(database_url, "jobs", "retry", "--reason", "boom")
        assert (code, out) == (0, "queued 1 failed jobs again\n"), err
        assert await listener.wait(LINE_SECONDS)  # the workers were woken
    row = await empty.fetchrow("SELECT * FROM ingest_jobs WHERE id = 1")
    assert row is not None
    assert (row["done_at"], row["error"], row["attempts"], row["extractor_version"]) == (
        None, None, 0, None,
    )  # fmt: skip
    code, out, _ = run(database_url, "jobs", "retry", "--id", "2", "--id", "3", "--id", "99")
    assert (code, out) == (0, "queued 1 failed jobs again\n")  # 3 did not fail; 99 is none
    assert await empty.fetchval("SELECT count(*) FROM ingest_jobs WHERE done_at IS NULL") == 3
    assert run(database_url, "jobs", "retry")[0] == 2  # which ones?
    assert run(database_url, "jobs", "retry", "--reason", "")[0] == 2
    unreachable = "postgresql://gazette@127.0.0.1:9/nothing"
    assert run(unreachable, "jobs")[0] == 3


@asynccontextmanager
async def jobs_listener(url: str) -> AsyncIterator[jobs.Listener]:
    """A Listener of api.db.jobs, listening for the length of an `async with`."""
    listener = jobs.Listener(url)
    assert await listener.listen()
    listener.clear()
    try:
        yield listener
    finally:
        await listener.close()


async def test_queueing_notifies_only_when_a_job_is_new(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str
) -> None:
    async with jobs_listener(database_url) as listener:
        assert await jobs.enqueue(empty, ['{"title": "t", "body": "b"}'], ["h"], ["o"]) == 1
        assert await listener.wait(LINE_SECONDS)
        listener.clear()
        async with empty.acquire() as conn, conn.transaction():
            assert await jobs.enqueue(conn, ['{"title": "u", "body": "c"}'], ["i"], ["o"]) == 1
            # delivered at commit, not before: no worker wakes before it can see the job
            assert not await listener.wait(0.5)
        assert await listener.wait(LINE_SECONDS)
        listener.clear()
        assert await jobs.enqueue(empty, ['{"title": "t", "body": "b"}'], ["h"], ["o"]) == 0
    assert await empty.fetchval("SELECT count(*) FROM ingest_jobs") == 2


# In the test process itself (the commands above run in processes of their own, which line
# coverage does not see): the loop, the doorbell and the jobs command's functions.


def article_text(n: int) -> tuple[str, str]:
    """An article as the queue holds it (JSON text) and its body's hash."""
    record = articles(n + 1)[n]
    return msgspec.json.encode(record).decode(), content_hash(record["body"])


async def test_the_worker_loop_sleeps_until_notified_and_records_its_version(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, extractor: Extractor
) -> None:
    listener = jobs.Listener(database_url)
    async with empty.acquire() as conn:
        loop = asyncio.create_task(
            worker.run(conn, extractor, name="in-process", batch_size=4, exit_when_done=False,
                       listener=listener, poll_seconds=600)
        )  # fmt: skip
        try:

            async def listening() -> bool:
                return await empty.fetchval(LISTENING) is not None

            await wait_until(listening)  # then it leased nothing and sleeps
            text, digest = article_text(0)
            await jobs.enqueue(empty, [text, "[]"], [digest, "not-an-article"], ["a", "b"])

            async def done() -> bool:
                return await jobs.pending(empty) == 0

            await wait_until(done)
        finally:
            loop.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await loop
            await listener.close()
    rows = await empty.fetch("SELECT error, extractor_version FROM ingest_jobs ORDER BY id")
    assert rows[0]["error"] is None and rows[1]["error"].startswith("not an article")
    assert {r["extractor_version"] for r in rows} == {EXTRACTOR_VERSION}
    assert await jobs.counts(empty) == jobs.Counts(pending=0, leased=0, done=2, failed=1)
    assert await jobs.counts_by_version(empty) == [jobs.VersionCounts(EXTRACTOR_VERSION, 2, 1)]


async def test_the_sleep_ends_with_the_first_running_lease(
    empty: asyncpg.Pool[asyncpg.Record],
) -> None:
    assert await worker.sleep_seconds(empty, 3000, exit_when_done=False) == 3000
    done_check = await worker.sleep_seconds(empty, 3000, exit_when_done=True)
    assert done_check == worker.DONE_CHECK_SECONDS
    text, digest = article_text(0)
    await jobs.enqueue(empty, [text], [digest], ["a"])
    # bounds wide enough that a pause of the machine between two statements changes nothing
    await empty.execute("UPDATE ingest_jobs SET leased_until = now() + interval '1000 seconds'")
    assert 900 < await worker.sleep_seconds(empty, 3000, exit_when_done=False) <= 1000.05
    await empty.execute("UPDATE ingest_jobs SET leased_until = now() - interval '1 second'")
    # ended but not free (its worker is storing it): no spinning
    sleep = await worker.sleep_seconds(empty, 3000, exit_when_done=False)
    assert sleep == worker.MIN_SLEEP_SECONDS


async def test_the_jobs_command_in_process(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text, digest = article_text(0)
    await jobs.enqueue(empty, [text], [digest], ["a"])
    await empty.execute("UPDATE ingest_jobs SET done_at = now(), error = 'timed out'")
    assert await cli_jobs._counts(database_url, Settings()) == 0
    assert "failed         1" in capsys.readouterr().out
    assert await cli_jobs._retry(database_url, Settings(), "timed", None) == 0
    assert capsys.readouterr().out == "queued 1 failed jobs again\n"
    with pytest.raises(ValueError, match="needs"):
        await jobs.retry(empty)


def test_a_fleet_names_each_worker() -> None:
    assert names("host:7", 1) == ["host:7"]
    assert names("host:7", 3) == ["host:7:1", "host:7:2", "host:7:3"]


async def test_a_listener_that_cannot_connect_says_so_and_tries_again() -> None:
    listener = jobs.Listener("postgresql://gazette@127.0.0.1:9/nothing")
    assert not await listener.listen()
    assert not await listener.listen()  # not tried again so soon (it warned once)
    assert not await listener.wait(0.01)
    await listener.close()
