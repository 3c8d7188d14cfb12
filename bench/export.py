"""NDJSON export: every quote of the benchmark corpus streamed from `GET /v1/quotes`.

    .venv/bin/python -m bench.export

Needs the corpus (bench/corpus.py; `make bench` builds it). Starts the API as bench/reads.py
does, asks for `Accept: application/x-ndjson` on the whole quote list (and on one filtered
by a busy speaker), reads the stream to the end, and samples the server processes' resident
memory meanwhile: quotes per second end to end, and the server's peak RSS against its RSS
before the export (constant memory means the two stay close). Prints a Markdown section.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
import urllib.request

import asyncpg

from bench.database import bench_database
from bench.processes import rss_kb
from bench.reads import api_server

TARGET = 50_000  # quotes per second (issue 6)


def server_rss_kb() -> dict[int, int]:
    """Resident memory of the API's processes (`python -m api serve` and its workers)."""
    return rss_kb(lambda _, command: b"api" in command and b"serve" in command)


class Sampler(threading.Thread):
    """Peak RSS of any one server process while it runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kb = max([self.peak_kb, *server_rss_kb().values()])
            self.stop.wait(0.05)


def stream(url: str) -> tuple[int, int, float, int]:
    """Read `url` as NDJSON to the end: (rows, bytes, seconds, peak server RSS kB)."""
    request = urllib.request.Request(url, headers={"Accept": "application/x-ndjson"})
    sampler = Sampler()
    sampler.start()
    started = time.perf_counter()
    rows = size = 0
    with urllib.request.urlopen(request, timeout=600) as response:
        while chunk := response.read(1 << 20):
            rows += chunk.count(b"\n")
            size += len(chunk)
    seconds = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    return rows, size, seconds, sampler.peak_kb


async def busiest_speaker(url: str) -> str:
    conn = await asyncpg.connect(url)
    try:
        found = await conn.fetchval(
            "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL "
            "GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1"
        )
        return str(found)
    finally:
        await conn.close()


def main() -> None:
    with bench_database() as url:
        speaker = asyncio.run(busiest_speaker(url))
        with api_server(url, workers=2, log_level="WARNING") as base:
            before = max(server_rss_kb().values())
            runs = []
            for label, path in [
                ("all quotes", "/v1/quotes"),
                ("quotes of the busiest speaker", f"/v1/quotes?speaker={speaker}"),
            ]:
                rows, size, seconds, peak = stream(base + path)
                print(f"  {label}: {rows:,} rows in {seconds:.1f} s", file=sys.stderr)
                runs.append((label, rows, size, seconds, peak))
    print("## NDJSON export (bench/export.py)\n")
    print("`GET /v1/quotes` with `Accept: application/x-ndjson`, read to the end by one "
          "client on 127.0.0.1 (two server workers).\n")  # fmt: skip
    print("| export | rows | MB | seconds | rows/s | server RSS before → peak MB |")
    print("|---|---|---|---|---|---|")
    for label, rows, size, seconds, peak in runs:
        print(
            f"| {label} | {rows:,} | {size / 1e6:.0f} | {seconds:.1f} | {rows / seconds:,.0f} "
            f"| {before / 1024:.0f} → {peak / 1024:.0f} |"
        )
    print(f"\nTarget: ≥ {TARGET:,} quotes/s end to end, with constant server memory.")


if __name__ == "__main__":
    main()
