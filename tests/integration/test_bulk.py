"""`gazette ingest` and `gazette worker` run for real, as separate processes on the test
database: resumed after a kill without duplicates, and two workers, after a third was killed
mid-batch, process every job exactly once (the killed one's when its lease runs out)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import asyncpg
import msgspec
import pytest

from api.settings import REPO_ROOT
from tests.fixtures import TRUNCATE

COUNT = 40


def articles(count: int) -> list[dict[str, Any]]:
    """Small distinct articles, each with one attributed quote."""
    return [
        {
            "title": f"Briefing {n}",
            "source": "Test Wire",
            "url": f"https://news.example/briefing-{n}",
            "published_at": "2025-12-01T10:00:00Z",
            "body": (
                f"“The talks of round {n} were useful,” said Ivan Sorokin, the foreign ministry "
                f"spokesman, on Tuesday.\nRussian troops captured the village of Siversk, "
                "officials said."
            ),
        }
        for n in range(count)
    ]


def write_lines(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(msgspec.json.encode(r) + b"\n" for r in records))
    return path


def gazette(database_url: str, *args: str, **popen: Any) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_")}
    env["DATABASE_URL"] = database_url
    return subprocess.Popen(
        [sys.executable, "-m", "api", *args],
        cwd=REPO_ROOT, env=env, text=True, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen,
    )  # fmt: skip


def finish(process: subprocess.Popen[str], timeout: float = 300) -> tuple[int, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out + err


def counted(row: str, summary: str) -> int:
    """A number of the summary table: `│ ingested │ 35 │`."""
    found = re.search(rf"{re.escape(row)}\s*│\s*(\d+)", summary)
    assert found is not None, summary
    return int(found[1])


@pytest.fixture
async def empty(pool: asyncpg.Pool[asyncpg.Record]) -> asyncpg.Pool[asyncpg.Record]:
    await pool.execute(TRUNCATE)
    return pool


async def complete_articles(pool: asyncpg.Pool[asyncpg.Record]) -> list[asyncpg.Record]:
    return await pool.fetch(
        "SELECT a.url, count(q.id) AS quotes FROM articles a "
        "LEFT JOIN quotes q ON q.article_id = a.id GROUP BY a.url"
    )


async def test_ingest_resumes_after_a_kill_without_duplicates(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path
) -> None:
    write_lines(tmp_path / "briefings.jsonl", articles(COUNT))
    (tmp_path / "broken.jsonl").write_text('{"title": "no body"}\n')
    german = {
        "title": "Bericht",
        "body": "Der Bundeskanzler sagte am Montag in Berlin, die "
        "Regierung werde neue Maßnahmen gegen die steigenden Energiepreise ergreifen.",
    }
    write_lines(tmp_path / "german.jsonl", [german])
    first = gazette(database_url, "ingest", str(tmp_path), "--processes", "1", "--batch", "2")
    async with empty.acquire() as blocker:
        for _ in range(1200):  # until the first article is stored (at most two minutes)
            if await blocker.fetchval("SELECT count(*) FROM articles") or first.poll() is not None:
                break
            await asyncio.sleep(0.1)
        async with blocker.transaction():
            # from here on the run cannot store anything: it is killed in the middle
            await blocker.execute("LOCK TABLE articles IN SHARE MODE")
            stored_before = await blocker.fetchval("SELECT count(*) FROM articles")
            os.killpg(first.pid, signal.SIGKILL)
            first.communicate()
    assert 0 < stored_before < COUNT
    code, output = finish(gazette(database_url, "ingest", str(tmp_path)))
    assert code == 1, output  # the broken record failed, and says why
    assert "not an article" in output
    assert "reads as German" in output  # not run through the English rules
    rows = await complete_articles(empty)
    assert len(rows) == COUNT
    assert all(r["quotes"] == 1 for r in rows)
    assert counted("ingested", output) == COUNT - stored_before
    assert counted("duplicates (skipped)", output) == stored_before


async def test_two_workers_finish_the_jobs_of_a_killed_one_exactly_once(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path
) -> None:
    source = write_lines(tmp_path / "queue.jsonl", articles(12))
    code, output = finish(gazette(database_url, "ingest", "--queue", str(source)))
    assert code == 0, output
    assert await empty.fetchval("SELECT count(*) FROM ingest_jobs WHERE done_at IS NULL") == 12
    async with empty.acquire() as blocker, blocker.transaction():
        # the doomed worker can lease and extract, never store; its lease runs out in 1 s
        await blocker.execute("LOCK TABLE articles IN SHARE MODE")
        doomed = gazette(
            database_url, "worker", "--name", "doomed", "--batch", "4", "--lease-seconds", "1"
        )
        assert doomed.stdout is not None
        claimed_line = doomed.stdout.readline()
        assert claimed_line.startswith("doomed: claimed jobs"), claimed_line
        held = msgspec.json.decode(claimed_line.split("jobs ", 1)[1])
        os.killpg(doomed.pid, signal.SIGKILL)
        doomed.communicate()
    workers = [
        gazette(database_url, "worker", "--name", name, "--batch", "4", "--exit-when-done")
        for name in ("one", "two")
    ]
    results = [finish(w) for w in workers]
    assert [code for code, _ in results] == [0, 0], results
    done = {
        r["id"]: r["done_by"]
        for r in await empty.fetch("SELECT id, done_by FROM ingest_jobs WHERE done_at IS NOT NULL")
    }
    assert len(done) == 12
    assert {done[job] for job in held} <= {"one", "two"}  # the killed worker's batch
    finished = [int(out.rsplit("worker finished ", 1)[1].split()[0]) for _, out in results]
    assert sum(finished) == 12  # each job finished once (a second finish would raise)
    rows = await complete_articles(empty)
    assert len(rows) == 12 and all(r["quotes"] == 1 for r in rows)
    ids = await empty.fetch("SELECT article_id FROM ingest_jobs")
    assert len({r["article_id"] for r in ids}) == 12
