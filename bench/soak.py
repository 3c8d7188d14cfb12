"""A soak: mixed reads, writes and slow NDJSON readers against a running Gazette.

    python -m bench.soak --base http://127.0.0.1:8000 --key gz_… --minutes 10

Prints requests by status, read latency percentiles, how many slow readers were cut off, and
checks that every article answered 201 is stored complete (the same quotes, claims, actors
and places as its 201 body). Exit status 1 when a 5xx other than a documented 503 came back,
or an acknowledged article is not stored as acknowledged. Traffic goes only to --base.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import httpx

READS = [
    "/v1/articles?limit=20",
    "/v1/quotes?limit=50",
    "/v1/claims?limit=50",
    "/v1/places?limit=50",
    "/v1/actors?limit=50",
    "/v1/quotes?q=minister&limit=20",
    "/healthz",
]
PEOPLE = ["Anna Berg", "Tomas Lind", "Marta Kowal", "Ivo Petrov", "Lena Vogel"]
TOWNS = ["Bakhmut", "Avdiivka", "Kupiansk", "Siversk", "Pokrovsk", "Toretsk"]


def invented_article(n: int) -> dict[str, Any]:
    """An article of invented sentences, different each time (no duplicates)."""
    rng = random.Random(n)
    person, town = rng.choice(PEOPLE), rng.choice(TOWNS)
    paragraphs = [
        f"Report {n}: the regional governor {person} said on Tuesday that supplies of water "
        f"and power had been restored in {rng.randint(2, 40)} villages.",
        f"\u201cWe will rebuild every school before winter,\u201d {person.split()[-1]} told "
        "reporters.",
        f"Russian forces have captured the town of {town}, the defence ministry said. "
        "Ukraine denied the claim.",
        f"Prices of bread rose by {rng.randint(1, 9)} percent, officials said.",
    ]
    return {
        "title": f"Soak report {n}",
        "body": "\n".join(paragraphs),
        "source": "Soak Wire",
        "published_at": f"2026-11-0{rng.randint(1, 9)}T0{rng.randint(0, 9)}:00:00Z",
    }


class Tally:
    def __init__(self) -> None:
        self.statuses: Counter[int] = Counter()
        self.read_ms: list[float] = []
        self.created: dict[str, dict[str, Any]] = {}
        self.errors: Counter[str] = Counter()
        self.cut_off = 0
        self.details: list[str] = []


async def reader(client: httpx.AsyncClient, tally: Tally, until: float) -> None:
    while time.monotonic() < until:
        path = random.choice(READS)
        if tally.created and random.random() < 0.3:
            path = "/v1/articles/" + random.choice(list(tally.created))
        started = time.perf_counter()
        try:
            response = await client.get(path)
        except httpx.HTTPError as exc:
            tally.errors[type(exc).__name__] += 1
            continue
        tally.read_ms.append((time.perf_counter() - started) * 1000)
        tally.statuses[response.status_code] += 1


async def writer(client: httpx.AsyncClient, tally: Tally, until: float, first: int) -> None:
    n = first
    while time.monotonic() < until:
        n += 1
        try:
            response = await client.post("/v1/articles", json=invented_article(n))
        except httpx.HTTPError as exc:
            tally.errors[type(exc).__name__] += 1
            continue
        tally.statuses[response.status_code] += 1
        if response.status_code == 201:
            body = response.json()
            tally.created[body["id"]] = body
        elif response.status_code == 429:
            await asyncio.sleep(float(response.headers.get("retry-after", "1")))


async def slow_reader(base: str, tally: Tally, until: float) -> None:
    """Asks for every quote as NDJSON and reads 512 bytes a second until cut off."""
    parts = urlsplit(base)
    while time.monotonic() < until:
        try:
            reader_, writer_ = await asyncio.open_connection(parts.hostname, parts.port)
        except OSError as exc:
            tally.errors[type(exc).__name__] += 1
            await asyncio.sleep(1)
            continue
        writer_.write(
            b"GET /v1/quotes HTTP/1.1\r\nHost: soak\r\nAccept: application/x-ndjson\r\n\r\n"
        )
        try:
            status = int((await asyncio.wait_for(reader_.readline(), 10)).split()[1])
            tally.statuses[status] += 1
            while time.monotonic() < until:
                chunk = await asyncio.wait_for(reader_.read(512), 120)
                if not chunk:
                    tally.cut_off += 1
                    break
                await asyncio.sleep(1)
        except (TimeoutError, OSError, ValueError, IndexError):
            tally.errors["slow reader"] += 1
        finally:
            writer_.close()
        await asyncio.sleep(1)


async def verify(client: httpx.AsyncClient, tally: Tally) -> int:
    """Every 201 stored as acknowledged; returns how many are not."""
    bad = 0
    for article_id, acknowledged in tally.created.items():
        stored = (await client.get(f"/v1/articles/{article_id}")).json()
        for kind in ("quotes", "claims", "actors", "places"):
            if {e["id"] for e in stored.get(kind, [])} != {e["id"] for e in acknowledged[kind]}:
                bad += 1
                tally.details.append(f"{article_id}: {kind} differ")
                break
    return bad


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    return statistics.quantiles(values, n=1000)[int(q * 1000) - 1] if len(values) > 1 else values[0]


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--key", required=True)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--slow", type=int, default=6)
    args = parser.parse_args()
    until = time.monotonic() + args.minutes * 60
    tally = Tally()
    limits = httpx.Limits(max_connections=args.readers + args.writers + 4)
    headers = {"Authorization": f"Bearer {args.key}"}
    async with httpx.AsyncClient(base_url=args.base, headers=headers, timeout=60,
                                 limits=limits) as client:  # fmt: skip
        first = int(time.time())
        tasks = [reader(client, tally, until) for _ in range(args.readers)]
        tasks += [
            writer(client, tally, until, first * 100 + i * 10**6) for i in range(args.writers)
        ]
        tasks += [slow_reader(args.base, tally, until) for _ in range(args.slow)]
        await asyncio.gather(*tasks)
        incomplete = await verify(client, tally)
    server_errors = sum(c for s, c in tally.statuses.items() if s >= 500 and s != 503)
    print(f"soak: {args.minutes:g} min, {args.readers} readers, {args.writers} writers, "
          f"{args.slow} slow NDJSON readers")  # fmt: skip
    print(f"statuses: {dict(sorted(tally.statuses.items()))}")
    print(f"5xx other than 503: {server_errors}")
    print(f"reads: {len(tally.read_ms)}, p50 {percentile(tally.read_ms, 0.5):.1f} ms, "
          f"p99 {percentile(tally.read_ms, 0.99):.1f} ms")  # fmt: skip
    print(f"slow readers cut off by the server: {tally.cut_off}")
    print(f"articles acknowledged (201): {len(tally.created)}, not stored as acknowledged: "
          f"{incomplete}")  # fmt: skip
    print(f"client-side errors: {dict(tally.errors)}")
    for line in tally.details[:10]:
        print("  " + line)
    return 1 if server_errors or incomplete else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
