"""Pages fetched for feed items that carry a summary only (`gazette ingest --follow-links`).

Most real feeds give a title, a summary and a link: the article is the page at the link.
This is the one place Gazette reaches out to the network by itself (api.services.sources
reads files only), so every fetch is bounded: http and https only, a few redirects, connect
and read timeouts and a deadline for the whole page, a size limit past which reading stops,
a few fetches at once, and a User-Agent that says who is asking. The page is then read like
a saved page (api.services.sources.page_item: main text, and its time with its time zone).

A fetch that fails (timeout, an HTTP error status, too large, not HTML, unreachable) becomes
that item's failure with the reason: one bad link never stops the run.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
from collections.abc import Callable

import httpx
import msgspec

from api.services.sources import Item, Link, page_item


def _version() -> str:
    try:
        return importlib.metadata.version("gazette")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout without installing
        return "dev"


USER_AGENT = f"Gazette/{_version()} (news ingest: fetches the pages of feed items; --follow-links)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
MB = 1_000_000


class FetchLimits(msgspec.Struct, frozen=True, kw_only=True):
    """How far one fetch may go. Timeouts are seconds: `connect` to open the connection,
    `read` between two pieces of the answer, `total` for the whole page (a server that
    trickles a byte at a time would pass `read` forever)."""

    connect: float = 5.0
    read: float = 15.0
    total: float = 30.0
    max_bytes: int = 5 * MB
    max_redirects: int = 5
    concurrency: int = 4


class FetchFailed(Exception):
    """Why a page could not be fetched, in words for the item's failure line."""


class Page(msgspec.Struct, frozen=True):
    url: str  # after redirects
    body: bytes


async def fetch_page(client: httpx.AsyncClient, url: str, limits: FetchLimits) -> Page:
    """The HTML at `url`, or FetchFailed saying why not."""
    if httpx.URL(url).scheme not in ("http", "https"):
        raise FetchFailed(f"not an http or https link: {url}")
    try:
        async with asyncio.timeout(limits.total):
            return await _read(client, url, limits)
    except TimeoutError:
        raise FetchFailed(f"timed out (more than {limits.total:g} s for the page)") from None
    except httpx.TimeoutException as exc:
        raise FetchFailed(f"timed out ({type(exc).__name__})") from None
    except httpx.TooManyRedirects:
        raise FetchFailed(f"more than {limits.max_redirects} redirects") from None
    except httpx.HTTPError as exc:  # refused, unreachable, a broken answer, a bad redirect
        raise FetchFailed(f"could not fetch: {type(exc).__name__}: {exc}") from None


async def _read(client: httpx.AsyncClient, url: str, limits: FetchLimits) -> Page:
    async with client.stream("GET", url) as response:
        if not response.is_success:
            raise FetchFailed(f"HTTP {response.status_code} {response.reason_phrase}".strip())
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind and kind not in HTML_TYPES:  # no content type at all: let the reader try
            raise FetchFailed(f"not HTML ({kind})")
        too_large = FetchFailed(f"too large (more than {limits.max_bytes:,} bytes)")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_bytes:
            raise too_large
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > limits.max_bytes:  # stop reading: the rest is never downloaded
                raise too_large
        return Page(str(response.url), bytes(body))


def client_for(
    limits: FetchLimits, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"},
        timeout=httpx.Timeout(limits.read, connect=limits.connect),
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        transport=transport,
    )


async def follow(client: httpx.AsyncClient, origin: str, link: Link, limits: FetchLimits) -> Item:
    """The article of the page a summary-only item links to, or the item's failure."""
    try:
        page = await fetch_page(client, link.url, limits)
    except FetchFailed as exc:
        return Item(origin, error=f"{link.url}: {exc}")
    # trafilatura takes a moment of CPU per page: off the loop, so other fetches go on
    return await asyncio.to_thread(page_item, origin, page.body, link)


async def follow_links(
    items: list[Item],
    limits: FetchLimits,
    *,
    advance: Callable[[int], None] = lambda _: None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[Item]:
    """`items` with each summary-only one replaced by the article of its page (or by its
    failure), in the same order; at most `limits.concurrency` fetches at once."""
    slots = asyncio.Semaphore(limits.concurrency)

    async def one(client: httpx.AsyncClient, item: Item) -> Item:
        if item.link is None:
            return item
        async with slots:
            try:
                return await follow(client, item.origin, item.link, limits)
            finally:
                advance(1)

    async with client_for(limits, transport) as client:
        return list(await asyncio.gather(*(one(client, item) for item in items)))
