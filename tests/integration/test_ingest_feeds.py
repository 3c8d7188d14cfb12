"""`gazette ingest --follow-links` run for real: a feed of summary-only items whose links
point at a local HTTP server this test starts; the page that can be read is stored with its
own time, each page that cannot is one failure line with its reason."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import asyncpg

from tests.integration.test_bulk import counted, empty, finish, gazette
from tests.pages_server import pages_server
from tests.unit.test_fetch import feed_linking_to

__all__ = ["empty"]  # the fixture, shared with test_bulk


def ingest(database_url: str, *args: str) -> tuple[int, str]:
    """`gazette ingest ARGS` and its output, its tables wide enough to keep a line whole."""
    with mock.patch.dict(os.environ, {"COLUMNS": "250"}):
        process: subprocess.Popen[str] = gazette(database_url, "ingest", "--processes", "1", *args)
    return finish(process)


async def test_summary_only_feed_with_and_without_follow_links(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path
) -> None:
    with pages_server() as server:
        feed = tmp_path / "feed.rss"
        feed.write_text(feed_linking_to(server, ["/article", "/missing", "/data.json"]))
        code, output = ingest(database_url, str(feed))
        assert code == 1, output
        assert counted("failed", output) == 3
        assert "only a summary); --follow-links fetches its page" in output
        code, output = ingest(database_url, "--follow-links", str(feed))
    assert code == 1, output
    assert counted("ingested", output) == 1
    assert counted("failed", output) == 2
    assert f"{server}/missing: HTTP 404 Not Found" in output
    assert f"{server}/data.json: not HTML (application/json)" in output
    row = await empty.fetchrow("SELECT title, url, source, published_at, body FROM articles")
    assert row is not None
    assert (row["title"], row["url"], row["source"]) == (
        "Item 0",
        f"{server}/article",
        "Harbour Daily",
    )
    assert row["published_at"] == datetime(2025, 12, 4, 4, 30, tzinfo=UTC)
    assert "Crossings will run every two hours" in row["body"]
