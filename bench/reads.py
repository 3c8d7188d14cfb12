"""Read throughput and latency of the API over the benchmark corpus, against each endpoint's
database ceiling.

    .venv/bin/python -m bench.reads                    # 10 s per measurement
    .venv/bin/python -m bench.reads --duration 3       # a quick smoke run

Builds nothing: run bench/corpus.py first (`make bench` does both). Starts the API
(`python -m api serve`, two granian workers, rate limiting off) on 127.0.0.1 against the
corpus, then for each endpoint:

- `wrk` at 32 connections and 2 threads, with a Lua script that rotates through up to 2,000
  different URLs (ids, speakers, words, places, boxes sampled from the corpus, popular ones
  as often as they are popular) and reports req/s, p50 and p99;
- `pgbench -M prepared` with the same named SQL the endpoint runs (sql/queries/*.sql), the
  sampled value bound as a parameter (as asyncpg does), each transaction taking a random one
  of the same values from a table bench.values (`\\gset`): the database's ceiling for that
  endpoint on this machine (db tps). The lookup's own cost, measured alone, is taken out.

Efficiency = rps / (1 / (1/healthz_rps + 1/db_tps)): the share of what the HTTP stack alone
and the database alone would allow, if their costs simply added up. Targets (issue 6):
efficiency >= 0.70; p99 <= 25 ms for detail and lists; the page 10,000 rows deep within
1.3x the first page's p50. Prints a Markdown section; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import asyncpg

from api.cursor import Keyset, encode_cursor
from api.db.sql import shaped
from api.settings import REPO_ROOT
from bench.database import (
    BENCH_DATA_DIR,
    CREATE_BENCH_SCHEMA,
    bench_database,
    libpq_args,
)

SAMPLES = 2_000  # different URLs per endpoint for wrk
DEEP_ROWS = 10_000
P99_TARGET_MS = 25.0
EFFICIENCY_TARGET = 0.70
DEEP_TARGET = 1.3
FIRST_PAGE = "quotes, first page"
DEEP_PAGE = f"quotes, {DEEP_ROWS:,} rows deep"


class Rotating:
    """Marks the parameter of a named query that takes each sampled value in turn."""


VALUE = Rotating()


@dataclass
class Endpoint:
    name: str
    paths: list[str]
    # the named queries the handler runs, with their parameters by name (VALUE: the sampled
    # one; a list's filters are the ones given)
    queries: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    latency_target: bool = True


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    db_tps: float | None = None


# --- what to ask ---------------------------------------------------------------------------


async def sample(conn: asyncpg.Connection, sql: str) -> list[Any]:
    """The first column of `sql` (which ends in `LIMIT $1`) in a repeatable random order."""
    await conn.execute("SELECT setseed(0.42)")
    return [r[0] for r in await conn.fetch(sql, SAMPLES)]


async def endpoints(url: str) -> list[Endpoint]:
    """The endpoints to measure, with values sampled from the corpus."""
    conn = await asyncpg.connect(url)
    try:
        articles = await sample(conn, "SELECT id FROM articles ORDER BY random() LIMIT $1")
        quote_ids = await sample(conn, "SELECT id FROM quotes ORDER BY random() LIMIT $1")
        # drawn from quotes and claims: a popular speaker or place comes up as often as it is
        speakers = await sample(
            conn,
            "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL ORDER BY random() LIMIT $1",
        )
        # words of 6+ letters from random quotes: what people search, as often as it is said
        words = await sample(
            conn,
            "SELECT (SELECT w FROM regexp_split_to_table(s.text, ' ') w WHERE length(w) >= 6"
            "        ORDER BY random() LIMIT 1)"
            " FROM (SELECT text FROM quotes ORDER BY random() LIMIT $1) s",
        )
        places = await conn.fetch(
            "SELECT c.place_id, p.lat, p.lon FROM claims c JOIN places p ON p.id = c.place_id "
            "ORDER BY random() LIMIT $1",
            SAMPLES,
        )
        claim_ids = await sample(conn, "SELECT id FROM claims ORDER BY random() LIMIT $1")
        # last words of the names of actors involved in articles ("Kovalenko", "Ministry")
        names = await sample(
            conn,
            "SELECT regexp_replace(a.name, '^.* ', '') FROM article_actors x "
            "JOIN actors a ON a.id = x.actor_id ORDER BY random() LIMIT $1",
        )
        deep = await conn.fetchval(
            "SELECT id FROM quotes ORDER BY id DESC OFFSET $1 LIMIT 1", DEEP_ROWS - 1
        )
    finally:
        await conn.close()
    words = [w for w in words if w]
    boxes = [(p["lon"] - 1, p["lat"] - 1, p["lon"] + 1, p["lat"] + 1) for p in places]

    def page(**given: Any) -> dict[str, Any]:
        return {**given, "@sort=-created": True, "@from=view": True, "limit": 51}

    return [
        Endpoint("healthz (HTTP ceiling)", ["/healthz"], latency_target=False),
        Endpoint(
            "article detail (annotated)",
            [f"/v1/articles/{a}" for a in articles],
            [("get_article", {"id": VALUE})],
            articles,
        ),
        Endpoint(
            "quotes, 50 rows",
            [f"/v1/quotes?cursor={encode_cursor(Keyset(q))}" for q in quote_ids],
            [("list_quotes", page(after=VALUE))],
            quote_ids,
        ),
        Endpoint(
            "quotes by speaker",
            [f"/v1/quotes?speaker={s}" for s in speakers],
            [("list_quotes", page(speaker=VALUE))],
            speakers,
        ),
        Endpoint(
            "quotes by q",
            [f"/v1/quotes?q={quote(w)}" for w in words],
            [("list_quotes", page(q=VALUE))],
            words,
        ),
        Endpoint(
            "claims by place",
            [f"/v1/claims?place={p['place_id']}" for p in places],
            [("list_claims", page(place=VALUE))],
            [p["place_id"] for p in places],
        ),
        Endpoint(
            "claims by bbox",
            [f"/v1/claims?bbox={','.join(f'{c:.4f}' for c in b)}" for b in boxes],
            [("list_claims", page(bbox=VALUE))],
            [f"(({b[0]:.4f},{b[1]:.4f}),({b[2]:.4f},{b[3]:.4f}))" for b in boxes],
        ),
        Endpoint(
            "claims as GeoJSON",
            [f"/v1/claims.geojson?cursor={encode_cursor(Keyset(c))}" for c in claim_ids],
            [("list_claims", page(after=VALUE))],
            claim_ids,
            headers={"Accept": "application/geo+json"},
        ),
        Endpoint(
            "actors by q (trigram)",
            [f"/v1/actors?q={quote(name)}" for name in names],
            [("list_actors", page(q=VALUE))],
            names,
        ),
        Endpoint(FIRST_PAGE, ["/v1/quotes"], [("list_quotes", page())]),
        Endpoint(
            DEEP_PAGE,
            [f"/v1/quotes?cursor={encode_cursor(Keyset(deep))}"],
            [("list_quotes", page(after=deep))],
        ),
    ]


# --- the API under test ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@dataclass(frozen=True)
class Server:
    """A server started for a benchmark: where it answers, and its process group (it and
    every process it started, for CPU accounting and for stopping them as one)."""

    base: str
    group: int


@contextmanager
def served(
    command: list[str], port: int, env: dict[str, str], name: str, ready: str, cwd: Path = REPO_ROOT
) -> Iterator[Server]:
    """`command` (listening on `port`) in its own process group, its output in
    .gazette/bench/`name`.log; yields once GET `ready` answers 200, stops it after."""
    BENCH_DATA_DIR.mkdir(parents=True, exist_ok=True)
    log = (BENCH_DATA_DIR / f"{name}.log").open("wb")
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: measured and stopped as one
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                raise SystemExit(f"{name} exited ({process.returncode}); see {log.name}")
            try:
                if get(base + ready)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{name} did not become ready; see {log.name}")
            time.sleep(0.5)
        yield Server(base, process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


@contextmanager
def api_serving(url: str, workers: int, log_level: str) -> Iterator[Server]:
    """`python -m api serve` against `url`, once /readyz answers."""
    port = free_port()
    env = {
        "DATABASE_URL": url,
        "PORT": str(port),
        "GAZETTE_WORKERS": str(workers),
        "GAZETTE_RATE_LIMIT_PER_MINUTE": "0",
        "GAZETTE_LOG_LEVEL": log_level,
    }
    with served([sys.executable, "-m", "api", "serve"], port, env, "api", "/readyz") as server:
        yield server


@contextmanager
def api_server(url: str, workers: int, log_level: str) -> Iterator[str]:
    """`python -m api serve` against `url`; yields its base URL once /readyz answers."""
    with api_serving(url, workers, log_level) as server:
        yield server.base


def check(base: str, endpoint: Endpoint) -> None:
    """A few of the URLs answer 200 with something in them, or the numbers would be lies."""
    for path in endpoint.paths[:5]:
        status, body = get(base + path, endpoint.headers)
        if status != 200:
            raise SystemExit(f"{endpoint.name}: GET {path} answered {status}: {body[:300]!r}")
        if b'"data":[]' in body or b'"features":[]' in body:
            print(f"  note: {path} is an empty page", file=sys.stderr)


# --- wrk ------------------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%(paths)s}
local headers = {%(headers)s}
local threads = 0
function setup(thread)
  thread:set("first", threads * 7919)
  threads = threads + 1
end
function init(args)
  i = (first or 0) %% #paths
end
function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], headers)
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"p50_us\\": %%d, "
    .. "\\"p99_us\\": %%d, \\"errors\\": %%d}\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_wrk(
    base: str, endpoint: Endpoint, seconds: float, connections: int, threads: int, folder: Path
) -> Result:
    script = folder / "wrk.lua"
    script.write_text(
        WRK_SCRIPT
        % {
            "paths": ", ".join(lua_string(p) for p in endpoint.paths),
            "headers": ", ".join(
                f"[{lua_string(k)}] = {lua_string(v)}" for k, v in endpoint.headers.items()
            ),
        },
        encoding="utf-8",
    )
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "10s",
        "-s", str(script), base,
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"^BENCH (\{.*\})$", output, re.MULTILINE)
    if found is None:
        raise SystemExit(f"wrk printed no summary:\n{output}")
    figures = json.loads(found[1])
    return Result(
        rps=figures["requests"] / (figures["duration_us"] / 1e6),
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        errors=figures["errors"],
    )


# --- pgbench --------------------------------------------------------------------------------


def literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def pgbench_script(endpoint: Endpoint) -> str:
    """The endpoint's SQL for pgbench. The sampled parameter is bound as a real parameter
    (`:v` under -M prepared), looked up by a random number in bench.values first; the others
    are constants (pgbench cannot bind NULL)."""
    statements = []
    if endpoint.values:
        statements += [
            f"\\set n random(0, {len(endpoint.values) - 1})",
            # a pgbench script, not a query of the app: the name is ours, quoted by literal()
            f"SELECT value AS v FROM bench.values WHERE endpoint = {literal(endpoint.name)} "  # noqa: S608
            "AND n = :n \\gset",
        ]
    for name, given in endpoint.queries:
        shape = shaped(name, frozenset(given))  # the SQL of these parameters
        sql, params = shape.text, [given[p] for p in shape.parameters]

        def substitute(match: re.Match[str], params: list[Any] = params) -> str:
            n = int(match[1])
            value = params[n - 1]
            if value is VALUE:
                return ":v"
            if isinstance(value, int):  # bound, as the API binds it (a page size above all)
                statements.append(f"\\set p{n} {value}")
                return f":p{n}"
            return literal(value)

        # pgbench reads a script line by line: comments out, one statement per line
        lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
        statement = " ".join(lines).strip().rstrip(";")
        statement = re.sub(r"\$(\d+)", substitute, statement)
        statements.append(statement + ";")
    return "\n".join(statements) + "\n"


# pgbench of the value lookup alone: its cost is taken out of the endpoints' rates
LOOKUP_ONLY = Endpoint("value lookup", [], values=["x"] * SAMPLES)


async def store_values(url: str, endpoints: list[Endpoint]) -> None:
    """The values pgbench rotates through, by endpoint."""
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(CREATE_BENCH_SCHEMA)
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS bench.values ("
            " endpoint text, n integer, value text, PRIMARY KEY (endpoint, n))"
        )
        await conn.execute("TRUNCATE bench.values")
        rows = [(e.name, n, v) for e in endpoints for n, v in enumerate(e.values)]
        await conn.copy_records_to_table("values", schema_name="bench", records=rows)
        await conn.execute("ANALYZE bench.values")
    finally:
        await conn.close()


def planned_per_call(endpoint: Endpoint) -> bool:
    return any(shaped(name, frozenset(given)).per_call for name, given in endpoint.queries)


def run_pgbench(
    url: str, endpoint: Endpoint, seconds: float, connections: int, threads: int, folder: Path
) -> float:
    """Transactions per second of the endpoint's SQL at the same concurrency."""
    script = folder / "pgbench.sql"
    script.write_text(pgbench_script(endpoint), encoding="utf-8")
    command = [
        "pgbench", "-n", "-M", "prepared", f"-c{connections}", f"-j{threads}",
        f"-T{max(1, round(seconds))}", "-f", str(script), *libpq_args(url),
    ]  # fmt: skip
    # as the API plans (api/db/sql.py): each prepared statement once, unless it is a shape
    # planned at each call
    mode = "force_custom_plan" if planned_per_call(endpoint) else "force_generic_plan"
    env = {**os.environ, "PGOPTIONS": f"-c plan_cache_mode={mode}"}
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    found = re.search(r"^tps = ([\d.]+)", run.stdout, re.MULTILINE)
    failed = re.search(r"number of failed transactions: (\d+)", run.stdout)
    if run.returncode != 0 or found is None or (failed and int(failed[1])):
        raise SystemExit(f"pgbench failed for {endpoint.name}:\n{run.stdout}\n{run.stderr}")
    return float(found[1])


def without_lookup(tps: float, lookup_tps: float) -> float:
    """The endpoint's own rate: the time of the value lookup taken out of each transaction."""
    return 1 / max(1 / tps - 1 / lookup_tps, 1e-9)


# --- the section ----------------------------------------------------------------------------


def efficiency(result: Result, healthz_rps: float) -> float | None:
    if result.db_tps is None:
        return None
    return result.rps / (1 / (1 / healthz_rps + 1 / result.db_tps))


def markdown(results: dict[str, Result], endpoints: list[Endpoint], info: dict[str, Any]) -> str:
    healthz = results[endpoints[0].name].rps
    lines = [
        "## Reads",
        "",
        f"`bench/reads.py`: {info['connections']} connections, {info['threads']} wrk threads, "
        f"{info['duration']:g} s per measurement (after {info['warmup']:g} s of warm-up), "
        f"API with {info['workers']} granian workers on 127.0.0.1, rate limiting off, log "
        f"level {info['log_level']}; corpus of {info['articles']:,} articles and "
        f"{info['quotes']:,} quotes; Postgres {info['postgres']} (shared_buffers "
        f"{info['shared_buffers']}). db tps: `pgbench -M prepared` at the same concurrency "
        "with the endpoint's named SQL (the value lookup's cost taken out). "
        "Efficiency = rps / (1 / (1/healthz rps + 1/db tps)).",
        "",
        "| endpoint | req/s | p50 ms | p99 ms | db tps | efficiency | targets |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for endpoint in endpoints:
        r = results[endpoint.name]
        eff = efficiency(r, healthz)
        misses = []
        if eff is not None and eff < EFFICIENCY_TARGET:
            misses.append(f"efficiency < {EFFICIENCY_TARGET}")
        if endpoint.latency_target and r.p99_ms > P99_TARGET_MS:
            misses.append(f"p99 > {P99_TARGET_MS:g} ms")
        if r.errors:
            misses.append(f"{r.errors} errors")
        lines.append(
            f"| {endpoint.name} | {r.rps:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | "
            f"{'' if r.db_tps is None else f'{r.db_tps:,.0f}'} | "
            f"{'' if eff is None else f'{eff:.2f}'} | {'; '.join(misses) or 'met'} |"
        )
    first, deep = results.get(FIRST_PAGE), results.get(DEEP_PAGE)
    if first is not None and deep is not None:
        ratio = deep.p50_ms / first.p50_ms
        verdict = "met" if ratio <= DEEP_TARGET else "missed"
        lines += [
            "",
            f"Page {DEEP_ROWS:,} rows deep vs the first page: p50 {deep.p50_ms:.1f} / "
            f"{first.p50_ms:.1f} ms = {ratio:.2f}x (target <= {DEEP_TARGET}x: {verdict}).",
        ]
    lines += [
        "",
        f"With {info['connections']} connections each waiting for its answer, mean latency is "
        f"{info['connections']} / rps (Little's law): p99 <= {P99_TARGET_MS:g} ms needs well "
        f"over {info['connections'] / P99_TARGET_MS * 1000:,.0f} req/s.",
    ]
    return "\n".join([*lines, ""])


async def corpus_size(url: str) -> dict[str, Any]:
    conn = await asyncpg.connect(url)
    try:
        row = await conn.fetchrow(
            "SELECT (SELECT count(*) FROM articles) AS articles, "
            "(SELECT count(*) FROM quotes) AS quotes, "
            "current_setting('server_version') AS postgres, "
            "current_setting('shared_buffers') AS shared_buffers"
        )
        assert row is not None
        return dict(row)
    finally:
        await conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    ap.add_argument("--warmup", type=float, default=2.0, help="seconds of wrk before each")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="granian worker processes")
    ap.add_argument("--log-level", default="WARNING", help="the API's (INFO logs every request)")
    ap.add_argument("--only", action="append", default=[], help="endpoints whose name has this")
    ap.add_argument("--no-db", action="store_true", help="skip the pgbench ceilings")
    ap.add_argument("--database-url", help="default: DATABASE_URL, else embedded .gazette/bench")
    args = ap.parse_args(argv)
    missing = [tool for tool in ("wrk", "pgbench") if shutil.which(tool) is None]
    if missing:
        print(
            f"bench/reads.py needs {' and '.join(missing)}: on Debian or Ubuntu "
            "`apt-get install -y wrk postgresql-client`; on macOS `brew install wrk libpq`",
            file=sys.stderr,
        )
        return 2
    with bench_database(args.database_url) as url:
        size = asyncio.run(corpus_size(url))
        if size["articles"] == 0:
            print("no corpus: run bench/corpus.py first", file=sys.stderr)
            return 2
        chosen = asyncio.run(endpoints(url))
        chosen = [chosen[0], *(e for e in chosen[1:] if not args.only or any(
            word in e.name for word in args.only
        ))]  # fmt: skip
        results: dict[str, Result] = {}
        asyncio.run(store_values(url, [*chosen, LOOKUP_ONLY]))
        with (
            api_server(url, args.workers, args.log_level) as base,
            tempfile.TemporaryDirectory(prefix="gazette-bench-") as tmp,
        ):
            folder = Path(tmp)
            lookup_tps = None
            if not args.no_db:
                lookup_tps = run_pgbench(
                    url, LOOKUP_ONLY, args.duration, args.connections, args.threads, folder
                )
                print(f"  value lookup alone: {lookup_tps:,.0f} tps", file=sys.stderr)
            for endpoint in chosen:
                check(base, endpoint)
                if args.warmup > 0:
                    run_wrk(base, endpoint, args.warmup, args.connections, args.threads, folder)
                result = run_wrk(
                    base, endpoint, args.duration, args.connections, args.threads, folder
                )
                if endpoint.queries and lookup_tps is not None:
                    tps = run_pgbench(
                        url, endpoint, args.duration, args.connections, args.threads, folder
                    )
                    result.db_tps = without_lookup(tps, lookup_tps) if endpoint.values else tps
                results[endpoint.name] = result
                print(
                    f"  {endpoint.name}: {result.rps:,.0f} req/s, p50 {result.p50_ms:.1f} ms, "
                    f"p99 {result.p99_ms:.1f} ms, db {result.db_tps or 0:,.0f} tps",
                    file=sys.stderr,
                    flush=True,
                )
    info = {**vars(args), **size}
    print(markdown(results, chosen, info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
