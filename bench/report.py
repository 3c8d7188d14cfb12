"""Run the benchmarks and write bench/REPORT.md (`make bench`).

    .venv/bin/python -m bench.report                               # scale 1, 10 s per figure
    .venv/bin/python -m bench.report --scale 0.05 --duration 3     # a smoke run

Each benchmark is a script that prints one Markdown section on stdout (its progress goes to
stderr). SECTIONS lists them in report order; to add a benchmark, write its script and add
a line there. A benchmark whose inputs are missing (the evaluation's gold articles, say) is
listed as skipped, with the reason.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
REPORT = REPO_ROOT / "bench" / "REPORT.md"
GOLD = REPO_ROOT / "eval" / "gold"


@dataclass
class Section:
    title: str
    # the command for these options, or why the benchmark cannot run here
    command: Callable[[argparse.Namespace], list[str] | str]
    # plain-text output (not Markdown) goes into a code block
    fenced: bool = False


def bench_script(name: str, *args: str) -> list[str]:
    """`python -m bench.<name>`, run from the checkout's root (as every script here is)."""
    return [sys.executable, "-m", f"bench.{name.removesuffix('.py')}", *args]


def corpus(options: argparse.Namespace) -> list[str] | str:
    return bench_script("corpus.py", "--scale", f"{options.scale:g}", "--if-needed")


def reads(options: argparse.Namespace) -> list[str] | str:
    return bench_script("reads.py", "--duration", f"{options.duration:g}")


def pipeline_ratio(options: argparse.Namespace) -> list[str] | str:
    gold = sorted(GOLD.glob("*.jsonl"))
    if not gold:
        return f"needs the evaluation's gold articles ({GOLD}/*.jsonl), absent here"
    return bench_script("pipeline_ratio.py", *map(str, gold))


def export(options: argparse.Namespace) -> list[str] | str:
    return bench_script("export.py")


def ingest(options: argparse.Namespace) -> list[str] | str:
    return bench_script("ingest.py", "--articles", str(options.ingest_articles))


def wakeup(options: argparse.Namespace) -> list[str] | str:
    return bench_script("wakeup.py")


# The read-path comparison kit, beside a checkout on the development machine (not a user's):
# Gazette, a FastAPI twin and a Postgres-writes-the-JSON twin on the same corpus and URLs
PEERS_KIT = REPO_ROOT.parent / "shared" / "peers" / "compare.sh"


def peers(options: argparse.Namespace) -> list[str] | str:
    if not PEERS_KIT.exists():
        return f"needs the read-path comparison kit ({PEERS_KIT}), absent here"
    return ["bash", str(PEERS_KIT)]


SECTIONS = [
    Section("Corpus", corpus),
    Section("Reads", reads),
    Section("NDJSON export (bench/export.py)", export),
    Section("Bulk ingest (bench/ingest.py)", ingest),
    Section("Worker wake-up (bench/wakeup.py)", wakeup),
    Section("Read path beside its peers (../shared/peers/compare.sh)", peers),
    Section("Extraction cost over spaCy (bench/pipeline_ratio.py)", pipeline_ratio, fenced=True),
]


def machine() -> str:
    """What the figures were measured on: they mean little without it."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True
    ).stdout.strip()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit or '?'}; {cpu}, "
        f"{os.cpu_count()} logical CPUs, {memory:.0f} GiB RAM; {platform.platform()}; "
        f"Python {platform.python_version()}; load average at start {load} (the client, the "
        "API and Postgres share these CPUs, and so does anything else running)."
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="corpus scale (1 = 100,000 articles)")
    ap.add_argument("--duration", type=float, default=10.0, help="seconds per measurement")
    ap.add_argument(
        "--ingest-articles", type=int, default=2000, help="articles per bulk-ingest run"
    )
    ap.add_argument("--output", type=Path, default=REPORT)
    options = ap.parse_args(argv)
    missing = [tool for tool in ("wrk", "pgbench") if shutil.which(tool) is None]
    if missing:  # before a corpus build of several minutes, not after
        print(
            f"make bench needs {' and '.join(missing)}: on Debian or Ubuntu "
            "`apt-get install -y wrk postgresql-client`; on macOS `brew install wrk libpq`",
            file=sys.stderr,
        )
        return 2
    parts = ["# Gazette benchmarks", "", machine(), ""]
    failed = []
    for section in SECTIONS:
        command = section.command(options)
        if isinstance(command, str):
            parts += [f"## {section.title}", "", f"Skipped: {command}.", ""]
            continue
        print(f"== {section.title}: {' '.join(command[1:])}", file=sys.stderr, flush=True)
        run = subprocess.run(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True)
        if run.returncode != 0:
            failed.append(section.title)
            parts += [f"## {section.title}", "", f"Failed (exit {run.returncode}).", ""]
            continue
        if section.fenced:
            parts += [f"## {section.title}", "", "```", run.stdout.rstrip(), "```", ""]
        elif run.stdout.lstrip().startswith("#"):  # the script titles its section
            parts += [run.stdout.strip(), ""]
        else:
            parts += [f"## {section.title}", "", run.stdout.strip(), ""]
    options.output.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {options.output}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
