"""Gazette beside the floor of its own reads and beside the FastAPI twin, CPU per request.

    .venv/bin/python -m bench.floor --database-url URL [--twin-python .peers/venv/bin/python]

URL: a corpus database (bench/corpus.py; ../shared/peers/compare.sh keeps one as gz_s1 in
.peers/pg). Three servers, 2 granian workers each, against it: Gazette (`python -m api
serve`), the floor (bench/peers/floor_peer.py: Gazette's reads in a bare ASGI app) and the
FastAPI twin (bench/peers/fastapi_peer.py, in the venv compare.sh made for it, running
Gazette's own statements). Each endpoint is measured on the three in turn, `--rounds`
times, with wrk (as bench/reads.py); the figures are medians. CPU per request is the
server's process group's CPU time, and all Postgres processes', over the requests served:
on a machine whose cores wrk, the server and Postgres share, it is what caps req/s.

Needs wrk (as bench/reads.py). A server's CPU is counted by its process group, Postgres's
by every process named `postgres`: run it with nothing else on the machine. Servers' output
goes to .gazette/bench/*.log.

Prints a Markdown table. What it answers: how far the web stack (Gazette - floor) is from
the least Python does on these statements, and about as far as a Python server on them gets
against the twin (the floor's ratio).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from api.settings import REPO_ROOT
from bench.processes import TICK_US, cpu_ticks
from bench.reads import Endpoint, Server, api_serving, check, endpoints, free_port, run_wrk, served

PEERS = REPO_ROOT / "bench" / "peers"
MEASURED = ("article detail (annotated)", "quotes, 50 rows", "quotes by speaker")


@contextmanager
def granian_server(python: str, target: str, cwd: Path, env: dict[str, str]) -> Iterator[Server]:
    """`target` served by granian with 2 workers, as compare.sh serves the twins."""
    port = free_port()
    command = [python, "-m", "granian", "--interface", "asgi", "--workers", "2", "--host",
               "127.0.0.1", "--port", str(port), "--log-level", "warning", target]  # fmt: skip
    with served(command, port, env, target.split(":")[0], "/healthz", cwd) as server:
        yield server


def measure(
    server: Server, endpoint: Endpoint, seconds: float, folder: Path
) -> tuple[float, float, float]:
    """req/s, server CPU µs and Postgres CPU µs per request."""
    app0, db0 = cpu_ticks(server.group), cpu_ticks("postgres")
    result = run_wrk(server.base, endpoint, seconds, 32, 2, folder)
    app1, db1 = cpu_ticks(server.group), cpu_ticks("postgres")
    if result.errors:  # a fast error is not a fast read
        raise SystemExit(f"{endpoint.name} on {server.base}: {result.errors} failed requests")
    served = result.rps * seconds
    return result.rps, (app1 - app0) * TICK_US / served, (db1 - db0) * TICK_US / served


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument(
        "--twin-python", default=str(REPO_ROOT / ".peers" / "venv" / "bin" / "python")
    )
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    url = options.database_url
    chosen = [e for e in asyncio.run(endpoints(url)) if e.name in MEASURED]
    env = {"DATABASE_URL": url, "PYTHONPATH": str(REPO_ROOT), "GAZETTE_ROOT": str(REPO_ROOT)}
    figures: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    with ExitStack() as servers, tempfile.TemporaryDirectory() as folder:
        bases = {
            "gazette": servers.enter_context(api_serving(url, 2, "WARNING")),
            "floor": servers.enter_context(
                granian_server(sys.executable, "bench.peers.floor_peer:app", REPO_ROOT, env)
            ),
            "fastapi": servers.enter_context(
                granian_server(options.twin_python, "fastapi_peer:app", PEERS, env)
            ),
        }
        for endpoint in chosen:
            for server in bases.values():  # warm-up: connections, prepared statements, caches
                check(server.base, endpoint)
                run_wrk(server.base, endpoint, 3, 32, 2, Path(folder))
            for round_ in range(options.rounds):
                order = list(bases)[round_ % 3 :] + list(bases)[: round_ % 3]
                for name in order:
                    print(f"  {endpoint.name}: {name}, round {round_ + 1}", file=sys.stderr)
                    got = measure(bases[name], endpoint, options.seconds, Path(folder))
                    figures.setdefault((endpoint.name, name), []).append(got)
    print(f"Medians of {options.rounds} rounds of {options.seconds:g} s, 32 connections, "
          "2 workers each; CPU per request in µs (server + Postgres).\n")  # fmt: skip
    print("| endpoint | gazette req/s (cpu) | floor req/s (cpu) | fastapi req/s (cpu) "
          "| gazette/fastapi | floor/fastapi |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for endpoint in chosen:
        row = {}
        for name in ("gazette", "floor", "fastapi"):
            runs = figures[(endpoint.name, name)]
            row[name] = [statistics.median(r[k] for r in runs) for k in range(3)]
        cells = [f"{rps:,.0f} ({app:,.0f} + {db:,.0f})" for rps, app, db in row.values()]
        print(f"| {endpoint.name} | {' | '.join(cells)} "
              f"| {row['gazette'][0] / row['fastapi'][0]:.2f} "
              f"| {row['floor'][0] / row['fastapi'][0]:.2f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
