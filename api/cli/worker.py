"""`gazette worker`: process queued articles, in one process or `--concurrency` of them.

Each worker process loads its own model and has its own connections (one that leases and
stores, one that listens for new jobs) and its own name, so the jobs say which did what.
Ctrl-C or SIGTERM stops them all: a worker stops where it is, its batch's stored articles
stay stored and the rest go to another worker when the lease runs out (api/services/worker.py).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import multiprocessing
import signal
import sys
from collections.abc import Sequence
from multiprocessing.process import BaseProcess

import msgspec

from api.cli.database import database, migrate_database
from api.cli.escapes import printable
from api.db import failures
from api.settings import Settings

# how long the processes of a stopped fleet may take to end before they are killed
STOP_SECONDS = 30.0


class WorkerOptions(msgspec.Struct, frozen=True):
    """What one worker process needs: picklable, for the processes of a fleet."""

    url: str
    name: str
    batch: int
    exit_when_done: bool
    lease_seconds: float
    poll_seconds: float
    listen: bool
    statement_timeout_ms: int
    log_level: str


def cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    from api.services.worker import default_name

    with database(settings) as url:
        asyncio.run(migrate_database(url))
        level = logging.getLevelName(logging.getLogger().getEffectiveLevel())
        options = [
            WorkerOptions(
                url=url, name=name, batch=args.batch, exit_when_done=args.exit_when_done,
                lease_seconds=args.lease_seconds, poll_seconds=args.poll_seconds,
                listen=args.listen, statement_timeout_ms=settings.statement_timeout_ms,
                log_level=level,
            )
            for name in names(args.name or default_name(), args.concurrency)
        ]  # fmt: skip
        if len(options) == 1:
            try:
                return asyncio.run(work(options[0]))
            except asyncio.CancelledError:  # SIGTERM: stopped as by Ctrl-C (exit 3, interrupted)
                raise KeyboardInterrupt from None
        return fleet(options)


def names(base: str, concurrency: int) -> list[str]:
    """`base` for one worker; `base:1` … `base:N` for a fleet (the jobs record who did what)."""
    return [base] if concurrency == 1 else [f"{base}:{k}" for k in range(1, concurrency + 1)]


async def work(options: WorkerOptions) -> int:
    """One worker in this process, until stopped or (`exit_when_done`) the queue is empty."""
    from api.db.jobs import Listener
    from api.db.pool import create_pool
    from api.extract import Extractor
    from api.services import worker

    # SIGTERM cancels this worker where it waits, so its `finally` blocks close the listener
    # and the pool; a KeyboardInterrupt raised wherever the signal lands could leave asyncio's
    # clean-up waiting on a connection caught half-way
    main = asyncio.current_task()
    assert main is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main.cancel)
    extractor = await asyncio.to_thread(Extractor)
    # one connection, one transaction per article; a dead worker's backend is noticed in 1 s
    pool = await create_pool(
        options.url, min_size=1, max_size=1, statement_timeout_ms=options.statement_timeout_ms
    )
    listener = Listener(options.url) if options.listen else None
    try:
        async with pool.acquire() as conn:
            await conn.execute("SET client_connection_check_interval = '1s'")
            done = await worker.run(
                conn, extractor, name=options.name, batch_size=options.batch,
                exit_when_done=options.exit_when_done, lease_seconds=options.lease_seconds,
                listener=listener, poll_seconds=options.poll_seconds,
            )  # fmt: skip
    finally:
        if listener is not None:
            await listener.close()
        await pool.close()
    print(f"worker finished {done} jobs ({options.name})", flush=True)
    return 0


def fleet(options: list[WorkerOptions]) -> int:
    """A worker process for each of `options`, until all end; the highest exit code.

    Spawned, not forked: each starts clean, without this process's event loop or
    connections. Ctrl-C (or SIGTERM) here becomes one SIGTERM to each worker; the workers
    ignore SIGINT, so a terminal's Ctrl-C, which reaches the whole process group, stops
    each of them once, not twice."""
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_child, args=(o,), name=o.name) for o in options]
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        for process in processes:
            process.start()
        for process in processes:
            process.join()
    except KeyboardInterrupt:
        stop(processes)
        raise
    return max(process.exitcode or 0 for process in processes)


def stop(processes: Sequence[BaseProcess]) -> None:
    """SIGTERM to each worker still running; killed if it has not ended in STOP_SECONDS."""
    for process in processes:
        if process.pid is not None and process.exitcode is None:
            process.terminate()
    for process in processes:
        if process.pid is not None:
            process.join(STOP_SECONDS)
            if process.exitcode is None:
                process.kill()
                process.join()


def _child(options: WorkerOptions) -> None:
    """A fleet's worker process: exit 0 when done, 3 when stopped or when the database
    cannot be used (with one line saying why)."""
    from api.http.observability import configure_logging

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the fleet passes Ctrl-C on as SIGTERM
    # until work() takes SIGTERM over (a fleet stopped while its workers start)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    configure_logging(options.log_level)
    try:
        code = asyncio.run(work(options))
    except (KeyboardInterrupt, asyncio.CancelledError):
        code = 3
    except (*failures.DATABASE_ERRORS, OSError, TimeoutError) as exc:
        print(printable(f"gazette: {options.name}: {type(exc).__name__}: {exc}"), file=sys.stderr)
        code = 3
    sys.exit(code)
