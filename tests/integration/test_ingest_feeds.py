"""`gazette ingest` on feeds, run for real: `--follow-links` with a feed of summary-only items
whose links point at a local HTTP server this test starts (the page that can be read is
stored with its own time, each page that cannot is one failure line with its reason); a JSON
Feed whose items draw warnings (short, paywalled, a near-duplicate), each on a line."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

import asyncpg
import msgspec

from tests.fixtures import FERRY, MARKET_REPORT, REPUBLISHED
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


def json_feed(*articles: dict[str, Any]) -> bytes:
    """A JSON Feed 1.1 of these articles (their body as content_text)."""
    items = [
        {"id": str(n), "url": a.get("url") or f"https://feed.example/{n}", "title": a["title"],
         "content_text": a["body"], "date_published": a["published_at"]}
        for n, a in enumerate(articles)
    ]  # fmt: skip
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Feed", "items": items}
    return msgspec.json.encode(feed)


async def test_warnings_and_near_duplicates_are_listed_item_by_item(
    empty: asyncpg.Pool[asyncpg.Record], database_url: str, tmp_path: Path
) -> None:
    walled = {**FERRY, "url": "https://harbour.example/walled",
              "body": FERRY["body"] + "\nSubscribe to continue reading."}  # fmt: skip
    feed = tmp_path / "feed.json"
    feed.write_bytes(json_feed(FERRY, MARKET_REPORT, REPUBLISHED, walled))
    code, output = ingest(database_url, str(feed))
    assert code == 0, output  # warnings are not failures
    assert counted("ingested", output) == 4
    stored = {r["url"]: r["id"] for r in await empty.fetch("SELECT id, url FROM articles")}
    assert counted("warnings", output) == 4, output
    lines = output.split("warnings (stored anyway):", 1)[1].splitlines()
    assert f"  {feed}#1: tiny_body: the body has " in "\n".join(lines)
    first = stored[FERRY["url"]]
    near = [line for line in lines if "near_duplicate" in line]
    # the republished story, and the paywalled copy (the same text and one line more)
    assert [line.split(":", 1)[0].strip() for line in near] == [f"{feed}#2", f"{feed}#3"]
    assert all(first in line for line in near)
    assert any(line.startswith(f"  {feed}#3: paywalled: ") for line in lines)
