"""Worker wake-up latency: how long a job queued for an idle worker waits to be leased.

    .venv/bin/python -m bench.wakeup                      # 50 jobs notified, 20 polled
    .venv/bin/python -m bench.wakeup --jobs 100 --polled-jobs 0

Starts the real `gazette worker` (its own process: model loaded, listening) on a fresh
database of the benchmark server (bench.database: DATABASE_URL, else the embedded one),
waits for its `waiting for jobs` line, then queues one article at a time with
api.db.jobs.enqueue (what `gazette ingest --queue` calls), waits until the worker has
stored it and pauses a random 0.1 to 0.6 s before the next (a polling worker starts its
sleep when it has stored a job, so its waits are about its interval less that pause). A
job's wait is `leased_at - enqueued_at`: both from the database's clock, `now()` of the
queueing transaction (its NOTIFY is delivered at its commit) and of the lease statement.
Then the same with `--no-listen --poll-seconds 1`, the worker as it was before
LISTEN/NOTIFY (it polled every second), for comparison. Prints a Markdown section.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import time

import asyncpg
import msgspec

from api.db import jobs
from api.names import content_hash
from api.settings import REPO_ROOT
from bench.database import bench_database
from bench.ingest import fresh_database, synthetic_articles

GAPS_S = (0.1, 0.6)  # pause between one job done and the next queued
DONE_WITHIN_S = 120.0  # a job not stored by then: something is wrong, stop


class Run(msgspec.Struct, frozen=True):
    label: str
    waits_ms: list[float]


def start_worker(url: str, *options: str) -> subprocess.Popen[str]:
    """`gazette worker` on `url`, once it says it is waiting (model loaded, listening)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_")}
    env["DATABASE_URL"] = url
    worker = subprocess.Popen(
        [sys.executable, "-m", "api", "worker", "--name", "bench", *options],
        cwd=REPO_ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert worker.stdout is not None
    line = worker.stdout.readline()
    if line != "bench: waiting for jobs\n":
        worker.kill()
        raise SystemExit(f"the worker did not start: {line!r} {worker.communicate()[1]}")
    return worker


def stop_worker(worker: subprocess.Popen[str]) -> None:
    worker.send_signal(signal.SIGTERM)
    worker.communicate(timeout=60)


async def queue_one_at_a_time(url: str, count: int, first: int, rng: random.Random) -> list[float]:
    """Queue `count` articles one by one, each after the last is done; their waits in ms."""
    conn = await asyncpg.connect(url)
    waits: list[float] = []
    try:
        for article in synthetic_articles(count, seed=first):
            body = article["body"] + f"\n(wake-up run {first})"  # a new body for each run
            text = msgspec.json.encode({**article, "body": body, "url": None}).decode()
            await jobs.enqueue(conn, [text], [content_hash(body)], ["bench.wakeup"])
            job = await conn.fetchval("SELECT max(id) FROM ingest_jobs")
            started = time.monotonic()
            while not await conn.fetchval(
                "SELECT done_at IS NOT NULL FROM ingest_jobs WHERE id = $1", job
            ):
                if time.monotonic() - started > DONE_WITHIN_S:
                    raise SystemExit(f"job {job} not done in {DONE_WITHIN_S:.0f} s")
                await asyncio.sleep(0.01)
            wait = await conn.fetchval(
                "SELECT extract(epoch FROM leased_at - enqueued_at) FROM ingest_jobs WHERE id = $1",
                job,
            )
            waits.append(float(wait) * 1000)
            await asyncio.sleep(rng.uniform(*GAPS_S))
    finally:
        await conn.close()
    return waits


def measure(url: str, label: str, count: int, first: int, *options: str) -> Run:
    worker = start_worker(url, *options)
    try:
        waits = asyncio.run(queue_one_at_a_time(url, count, first, random.Random(first)))
    finally:
        stop_worker(worker)
    print(f"  {label}: {count} jobs, median {statistics.median(waits):.1f} ms", file=sys.stderr)
    return Run(label, waits)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=50, help="jobs queued to a listening worker")
    parser.add_argument(
        "--polled-jobs", type=int, default=20, help="jobs queued to a polling worker (0: none)"
    )
    options = parser.parse_args()
    with bench_database() as server_url:
        url = asyncio.run(fresh_database(server_url, "wakeup_bench"))
        runs = [measure(url, "listening (NOTIFY), `gazette worker`", options.jobs, 1)]
        if options.polled_jobs:
            label = "polling every second, `--no-listen --poll-seconds 1`"
            polling = ("--no-listen", "--poll-seconds", "1")
            runs.append(measure(url, label, options.polled_jobs, 2, *polling))
    print("## Worker wake-up (bench/wakeup.py)\n")
    print(
        "`python -m bench.wakeup`: one idle `gazette worker` process; one article queued at a "
        "time (api.db.jobs.enqueue, as `gazette ingest --queue`), the next 0.1–0.6 s after it "
        "is stored. Wait = `leased_at - enqueued_at` of the job, both by the database's clock.\n"
    )
    print("| worker | jobs | median ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    for run in runs:
        waits = run.waits_ms
        print(
            f"| {run.label} | {len(waits)} | {statistics.median(waits):.1f} "
            f"| {p95(waits):.1f} | {max(waits):.1f} |"
        )
    print(
        "\nWith `--no-listen` and the default `--poll-seconds 30` a job waits up to 30 s; a "
        "listening worker also looks every 30 s, for a notification it missed."
    )


if __name__ == "__main__":
    main()
