"""`--follow-links`: pages fetched from a local HTTP server this test starts, each failure
the item's own line with its reason."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from api.services.fetch import (
    USER_AGENT,
    FetchFailed,
    FetchLimits,
    client_for,
    fetch_page,
    follow_links,
)
from api.services.sources import Item, Link, read
from tests.pages_server import OVERSIZE, pages_server

# The slow page never answers, so any read timeout ends it; this one is long enough that a
# busy machine's local server answers every other page in time. The oversize pages are
# above the byte limit.
LIMITS = FetchLimits(connect=5, read=3, total=10, max_bytes=OVERSIZE // 2, max_redirects=3)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with pages_server() as base:
        yield base


async def fetched(url: str) -> str:
    """The final URL of the page at `url`, or the reason it failed."""
    async with client_for(LIMITS) as client:
        try:
            return (await fetch_page(client, url, LIMITS)).url
        except FetchFailed as exc:
            return f"failed: {exc}"


@pytest.mark.parametrize(
    ("path", "outcome"),
    [
        ("/article", "/article"),
        ("/moved", "/article"),  # redirects are followed
        ("/missing", "failed: HTTP 404 Not Found"),
        ("/slow", "failed: timed out (ReadTimeout)"),
        ("/oversize", f"failed: too large (more than {OVERSIZE // 2:,} bytes)"),
        ("/oversize-unsaid", f"failed: too large (more than {OVERSIZE // 2:,} bytes)"),
        ("/data.json", "failed: not HTML (application/json)"),
        ("/loop", "failed: more than 3 redirects"),
    ],
)
async def test_each_answer_is_a_page_or_a_reason(server: str, path: str, outcome: str) -> None:
    found = await fetched(server + path)
    assert found == (server + outcome if outcome.startswith("/") else outcome)


async def test_only_http_and_refused_connections_fail_with_a_reason() -> None:
    assert (
        await fetched("ftp://127.0.0.1/x") == "failed: not an http or https link: ftp://127.0.0.1/x"
    )
    # a port nothing listens on: the port of a server that has just stopped
    with pages_server() as gone:
        pass
    assert (await fetched(gone + "/article")).startswith("failed: could not fetch: ConnectError")


async def test_the_user_agent_says_who_asks() -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, headers={"content-type": "text/html"}, text="<p>x</p>")

    async with client_for(LIMITS, httpx.MockTransport(answer)) as client:
        await fetch_page(client, "https://news.example/a", LIMITS)
    assert seen == [USER_AGENT] and USER_AGENT.startswith("Gazette/")


def feed_linking_to(base: str, paths: list[str]) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Daily</title>'
        + "".join(
            f"<item><title>Item {n}</title><link>{base}{path}</link>"
            "<pubDate>Tue, 02 Dec 2025 08:00:00 GMT</pubDate>"
            "<description>Only a summary.</description></item>"
            for n, path in enumerate(paths)
        )
        + "</channel></rss>"
    )


async def test_summary_only_items_become_their_pages_and_failures_stay_alone(
    server: str, tmp_path: Path
) -> None:
    paths = ["/article-1", "/missing", "/slow", "/oversize-unsaid", "/data.json", "/article-2"]
    feed = tmp_path / "feed.rss"
    feed.write_text(feed_linking_to(server, paths))
    text = Item("notes.txt#0", error="not an article: whatever")
    items = [text, *read(feed)]
    assert all(item.link is not None for item in items[1:])
    advanced: list[int] = []
    found = await follow_links(items, LIMITS, advance=advanced.append)
    assert found[0] is text  # items without a link pass through as they are
    first, missing, slow, oversize, json, second = found[1:]
    for item, n in ((first, 1), (second, 2)):
        assert item.article is not None, item.error
        # the feed's title, outlet and link; the page's text and its time with its zone
        assert item.article.title == f"Item {paths.index(f'/article-{n}')}"
        assert item.article.source == "Harbour Daily"
        assert item.article.url == f"{server}/article-{n}"
        assert item.article.published_at == datetime(2025, 12, 4, 4, 30, tzinfo=UTC)
        assert "Crossings will run every two hours" in item.article.body
        assert "Home | Port" not in item.article.body
    assert [i.error for i in (missing, slow, oversize, json)] == [
        f"{server}/missing: HTTP 404 Not Found",
        f"{server}/slow: timed out (ReadTimeout)",
        f"{server}/oversize-unsaid: too large (more than {OVERSIZE // 2:,} bytes)",
        f"{server}/data.json: not HTML (application/json)",
    ]
    assert sum(advanced) == len(paths)


async def test_the_page_time_wins_and_the_feed_time_fills_in(server: str) -> None:
    when = "2025-12-02T08:00:00+00:00"
    links = [Link(url=f"{server}{path}", title="T", published_at=when)
             for path in ("/article", "/undated", "/date-only")]  # fmt: skip
    items = [Item("f#0", link=link) for link in links]
    dated, undated, date_only = await follow_links(items, LIMITS)
    assert dated.article is not None and undated.article is not None
    assert dated.article.published_at == datetime(2025, 12, 4, 4, 30, tzinfo=UTC)
    assert undated.article.published_at == datetime(2025, 12, 2, 8, tzinfo=UTC)
    # a page's date alone gives way to the feed's time, and is no warning then
    assert date_only.article is not None and date_only.notes == ()
    assert date_only.article.published_at == datetime(2025, 12, 2, 8, tzinfo=UTC)
    [alone] = await follow_links([Item("f#1", link=Link(url=f"{server}/date-only"))], LIMITS)
    assert alone.article is not None and alone.article.published_at is None
    assert "'2025-12-03', without a time zone" in alone.notes[0]
