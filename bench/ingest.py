"""Bulk ingest throughput: `gazette ingest` with 1 and with 2 extraction processes.

    .venv/bin/python -m bench.ingest                   # 2,000 articles per run
    .venv/bin/python -m bench.ingest --articles 10000  # the memory check of the issue
    .venv/bin/python -m bench.ingest --rounds 3        # 1, 2, then 2, 1, ...: the median

This machine's speed drifts by 10-20% from one minute to the next, so one run of each
process count can show a speed-up of 1.6x or 1.85x for the same code. With `--rounds`, the
process counts alternate their order each round, the table shows each count's median run,
and each round's own speed-up is printed (its two runs are the closest in time).

Each run ingests the same synthetic articles (invented people, real place names, the
constructions the extractor reads: attributed quotes, claims of control, denials) into a
fresh database, as a user would: the real command, its own processes. Prints a Markdown
section: articles/s per process count, the speed-up, the database's share of the run, and
each extraction process's resident memory (peak, and at a quarter of the run against the
end, to see whether it grows).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import msgspec

from api.settings import REPO_ROOT
from bench.database import bench_database
from bench.processes import rss_kb

PEOPLE = [
    ("Ivan Sorokin", "foreign ministry spokesman"), ("Oleh Kovalenko", "army spokesman"),
    ("Marta Hnatiuk", "shipping analyst"), ("Petro Lysenko", "regional governor"),
    ("Anna Melnyk", "deputy defence minister"), ("Yuri Baranov", "Kremlin spokesman"),
    ("Sofia Danylenko", "mayor"), ("Taras Hrytsenko", "brigade commander"),
]  # fmt: skip
PLACES = [
    "Siversk", "Kupiansk", "Pokrovsk", "Huliaipole", "Lyman", "Kostiantynivka", "Orikhiv",
    "Vovchansk", "Kramatorsk", "Zaporizhzhia", "Kherson", "Bakhmut", "Toretsk", "Myrnohrad",
]  # fmt: skip
SAYINGS = [
    "We will not give up a single metre of our land",
    "The situation on the front line is difficult but under control",
    "Talks can only begin once the shelling stops",
    "Our units are holding their positions despite heavy losses",
    "The enemy has been pushed back from the outskirts of the town",
    "Any agreement must respect the borders recognised in 1991",
]
FILLER = [
    "Residents described a night of heavy shelling and power cuts across the district.",
    "The claims could not be independently verified.",
    "Humanitarian convoys reached the area on Wednesday after a delay of several days.",
    "Analysts said the coming weeks would show whether the offensive could be sustained.",
    "Local officials reported damage to schools, a hospital and several apartment blocks.",
    "Evacuation trains left the regional centre twice a day, carrying mostly the elderly.",
    "Engineers worked through the weekend to restore water supplies to the eastern districts.",
    "Prices for bread and fuel rose sharply in the week after the bridge was damaged.",
    "Several families said they had spent the night in a basement beneath a school.",
    "The regional administration said it had opened three new shelters for displaced people.",
    "Drone footage published by both sides showed burning vehicles on a road near the river.",
    "Aid groups warned that the approach of winter would make the situation worse.",
    "Neither side gave figures for its own losses in the latest round of fighting.",
]


def synthetic_articles(count: int, seed: int = 7) -> list[dict[str, str]]:
    """`count` distinct articles of about 2 KB, reproducible from `seed`."""
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        (speaker, role), (other, other_role) = rng.sample(PEOPLE, 2)
        place, town = rng.sample(PLACES, 2)
        paragraphs = [
            f"Russian troops have captured the village of {place}, the Russian defence ministry "
            f"said on {rng.choice(['Monday', 'Tuesday', 'Friday'])}. Ukraine denied that "
            f"{place} was under Russian control.",
            f"“{rng.choice(SAYINGS)},” said {speaker}, the {role}, in report {n}.",
            rng.choice(FILLER),
            f"{other}, the {other_role}, told reporters that fighting continued near {town}.",
            f"“{rng.choice(SAYINGS)},” {other.split()[-1]} added.",
            *rng.sample(FILLER, 6),
            f"“{rng.choice(SAYINGS)},” {speaker.split()[-1]} told a briefing later that day.",
            *rng.sample(FILLER, 4),
            f"According to {speaker.split()[-1]}, forces still hold about "
            f"{rng.randint(10, 90)} percent of {town}.",
            rng.choice(FILLER),
        ]
        articles.append(
            {
                "title": f"Fighting near {place}: report {n}",
                "body": "\n".join(paragraphs),
                "source": rng.choice(["Test Wire", "Harbour Daily", "Eastern Courier"]),
                "url": f"https://news.example/bench/{seed}/{n}",
                "published_at": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T09:00:00Z",
            }
        )
    return articles


def children_rss(parent: int) -> dict[int, int]:
    """Resident memory (kB) of the extraction processes `parent` spawned."""
    return rss_kb(lambda ppid, command: ppid == parent and any(b"spawn_main" in a for a in command))


class Run(msgspec.Struct):
    processes: int
    articles: int
    seconds: float
    ingested: int
    extraction: float
    writes: float
    peak_rss_mb: float
    quarter_rss_mb: float
    end_rss_mb: float


def figure(row: str, summary: str) -> float:
    found = re.search(rf"{re.escape(row)}\s*│\s*([\d.]+)", summary)
    if found is None:
        raise SystemExit(f"no {row!r} in the summary:\n{summary}")
    return float(found[1])


async def fresh_database(server_url: str, name: str) -> str:
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base, _, query = server_url.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


def run_ingest(url: str, source: Path, processes: int, count: int) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_")}
    env["DATABASE_URL"] = url
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "api", "ingest", str(source), "--processes", str(processes)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    samples: list[tuple[float, dict[int, int]]] = []
    while process.poll() is None:
        samples.append((time.perf_counter() - started, children_rss(process.pid)))
        time.sleep(0.5)
    seconds = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"gazette ingest failed ({process.returncode}):\n{out}\n{err}")
    busy = [(t, rss) for t, rss in samples if rss]
    peak = max((max(rss.values()) for _, rss in busy), default=0)
    quarter = next((max(rss.values()) for t, rss in busy if t >= seconds / 4), 0)
    end = max(busy[-1][1].values()) if busy else 0
    print(f"  {processes} process(es): {count} articles in {seconds:.1f} s", file=sys.stderr)
    return Run(
        processes=processes, articles=count, seconds=seconds,
        ingested=int(figure("ingested", out)),
        extraction=figure("extraction (s, all processes)", out),
        writes=figure("database writes (s)", out), peak_rss_mb=peak / 1024,
        quarter_rss_mb=quarter / 1024, end_rss_mb=end / 1024,
    )  # fmt: skip


def median_run(runs: list[Run]) -> Run:
    """The run whose wall time is the median (of an even count, the faster of the middle two)."""
    return sorted(runs, key=lambda run: run.seconds)[(len(runs) - 1) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=1, help="runs of each process count")
    options = parser.parse_args()
    import asyncio
    import tempfile

    with tempfile.TemporaryDirectory() as folder, bench_database() as server_url:
        source = Path(folder) / "articles.jsonl"
        articles = synthetic_articles(options.articles)
        source.write_bytes(b"".join(msgspec.json.encode(a) + b"\n" for a in articles))
        size_kb = source.stat().st_size / 1024 / len(articles)
        rounds: list[list[Run]] = []
        for number in range(options.rounds):
            order = options.processes if number % 2 == 0 else options.processes[::-1]
            done = []
            for processes in order:
                url = asyncio.run(fresh_database(server_url, f"ingest_bench_{processes}"))
                done.append(run_ingest(url, source, processes, len(articles)))
            rounds.append(sorted(done, key=lambda run: options.processes.index(run.processes)))
    runs = [median_run([r[k] for r in rounds]) for k in range(len(options.processes))]
    base = runs[0].articles / runs[0].seconds
    print("## Bulk ingest (bench/ingest.py)\n")
    print(
        f"{options.articles:,} synthetic articles of {size_kb:.1f} KB each, `gazette ingest "
        "FILE --processes N` into a fresh database (wall time includes loading the model).\n"
    )
    print("| processes | articles/s | speed-up | wall s | extraction s (all processes) "
          "| database writes s | database share of wall | worker RSS peak MB "
          "| RSS at ¼ → end MB |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for run in runs:
        rate = run.articles / run.seconds
        print(
            f"| {run.processes} | {rate:.1f} | {rate / base:.2f}x | {run.seconds:.1f} "
            f"| {run.extraction:.1f} | {run.writes:.1f} | {run.writes / run.seconds:.0%} "
            f"| {run.peak_rss_mb:.0f} | {run.quarter_rss_mb:.0f} → {run.end_rss_mb:.0f} |"
        )
    if options.rounds > 1:
        print(f"\nMedian run of {options.rounds} rounds. Speed-up within each round: "
              + "; ".join(", ".join(f"{r[0].seconds / run.seconds:.2f}x" for run in r[1:])
                          for r in rounds) + ".")  # fmt: skip
    print("\nTargets: 2 processes ≥ 1.7x one; database share ≤ 15%; worker memory flat.")


if __name__ == "__main__":
    main()
