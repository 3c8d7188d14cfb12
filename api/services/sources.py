"""Articles from files: plain text, JSON, JSON Lines, saved HTML pages and feeds.

What `gazette ingest PATH…` reads. Each article found becomes an `Item` (or an `Item` with
the reason it could not be read), so one bad record never stops a run. No network: saved
pages and feeds are read from disk, never fetched (`--follow-links` fetches the pages of
summary-only feed items through api.services.fetch, then reads them with `page_item` here).

| suffix                  | read as                                                      |
|-------------------------|--------------------------------------------------------------|
| .txt .text .md          | one article; title = first non-blank line, body = the rest   |
| .json                   | one object or a list of `{title, body, source, url, published_at}` |
|                         | or a JSON Feed 1 or 1.1 (`version`: `https://jsonfeed.org/version/1…`) |
| .jsonl .ndjson          | one such object per line                                     |
| .html .htm              | a saved page: main text and metadata by trafilatura          |
| .xml .rss .atom         | a feed (feedparser): one article per item with its full text |

Publication times of pages and feed items are read with their offset (api.services.timestamps):
a date alone or a time without an offset leaves `published_at` empty, with a note saying so.
A feed item with a summary only is no article: it carries its `Link`, for `--follow-links`.
"""

from __future__ import annotations

import html.parser
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import msgspec

from api.schemas import ArticleIn
from api.services.timestamps import Published, choose, feed_item_time, page_time

TEXT = frozenset({".txt", ".text", ".md"})
JSON = frozenset({".json"})
JSON_LINES = frozenset({".jsonl", ".ndjson"})
HTML = frozenset({".html", ".htm"})
FEEDS = frozenset({".xml", ".rss", ".atom"})
SUFFIXES = TEXT | JSON | JSON_LINES | HTML | FEEDS


class Link(msgspec.Struct, frozen=True):
    """A feed item that carries a summary only: the page at `url` is the article. What the
    feed says of it fills what the page leaves out."""

    url: str
    title: str | None = None
    source: str | None = None
    published_at: str | None = None  # RFC 3339, with its offset


class Item(msgspec.Struct, frozen=True):
    """One article read from a file, or why a record could not be read."""

    origin: str  # the file, with `:line` or `#index` when it holds several articles
    article: ArticleIn | None = None
    error: str | None = None
    # how the article was read, worth a warning (a publication date without a time zone)
    notes: tuple[str, ...] = ()
    # a summary-only feed item's page (with `error` saying so): --follow-links fetches it
    link: Link | None = None


SUMMARY_ONLY = "the item carries no full text (only a summary)"
FOLLOW_HINT = "; --follow-links fetches its page"
JSON_FEED = "https://jsonfeed.org/version/1"  # 1 and 1.1 (`…/version/1.1`)


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to read: named files as they are, folders walked in name order (hidden
    entries and files of unknown suffixes skipped)."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                candidate = Path(root) / name
                if not name.startswith(".") and candidate.suffix.lower() in SUFFIXES:
                    yield candidate


def read(path: Path) -> Iterator[Item]:
    """Every article in one file."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSON_LINES:
            yield from _json_lines(path)
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Item(str(path), error=f"cannot read: {exc.strerror or exc}")
        return
    if suffix in TEXT:
        yield _text(str(path), raw)
    elif suffix in JSON:
        yield from _json(str(path), raw)
    elif suffix in HTML:
        yield _html(str(path), raw)
    elif suffix in FEEDS:
        yield from _feed(str(path), raw)
    else:
        known = " ".join(sorted(SUFFIXES))
        yield Item(str(path), error=f"unknown file type {suffix or '(none)'}; known: {known}")


def article_from(origin: str, record: Any) -> Item:
    """An `Item` for a decoded record: the article, or what is wrong with it."""
    try:
        return Item(origin, article=msgspec.convert(record, ArticleIn))
    except msgspec.ValidationError as exc:
        return Item(origin, error=f"not an article: {exc}")


def _text(origin: str, raw: bytes) -> Item:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Item(origin, error=f"not UTF-8 text: {exc.reason} at byte {exc.start}")
    title, _, body = text.strip().partition("\n")
    return article_from(origin, {"title": title.strip(), "body": body.strip()})


def _json(origin: str, raw: bytes) -> Iterator[Item]:
    try:
        decoded = msgspec.json.decode(raw)
    except msgspec.DecodeError as exc:
        yield Item(origin, error=f"not JSON: {exc}")
        return
    if isinstance(decoded, dict) and str(decoded.get("version", "")).startswith(JSON_FEED):
        yield from _json_feed(origin, decoded)
    elif isinstance(decoded, list):
        for index, record in enumerate(decoded):
            yield article_from(f"{origin}#{index}", record)
    else:
        yield article_from(origin, decoded)


def _json_lines(path: Path) -> Iterator[Item]:
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                record = msgspec.json.decode(line)
            except msgspec.DecodeError as exc:
                yield Item(origin, error=f"not JSON: {exc}")
                continue
            yield article_from(origin, record)


def _html(origin: str, raw: bytes) -> Item:
    return page_item(origin, raw)


def page_item(origin: str, raw: bytes, link: Link | None = None) -> Item:
    """The article of an HTML page (saved, or fetched for `link`): main text, title, outlet
    and url by trafilatura; the publication time with its offset (api.services.timestamps).
    A `link`'s url, title, outlet and time come first: they are what the feed said."""
    import trafilatura  # a heavy import, only for pages

    found = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    # a Document (a dict only when asked for with the deprecated as_dict=True)
    page: dict[str, Any] = found if isinstance(found, dict) else found.as_dict() if found else {}
    if not page.get("text"):
        return Item(origin, error="no article text found in the page")
    link = link or Link(url="")
    title = str(link.title or page.get("title") or "").strip()
    body = str(page["text"]).strip()
    if title and body.startswith(title + "\n"):  # the headline repeated as the first line
        body = body[len(title) + 1 :].lstrip()
    published = page_time(raw.decode("utf-8", errors="replace"))
    record = {
        "title": title or body.split("\n", 1)[0][:200],
        "body": body,
        "source": link.source or page.get("sitename") or None,
        "url": link.url or page.get("url") or None,
        "published_at": _isoformat(published) or link.published_at,
    }
    item = article_from(origin, _present(record))
    # a time without its zone matters only when the feed did not give one
    return item if record["published_at"] else _noted(item, published, "the page")


def _feed(origin: str, raw: bytes) -> Iterator[Item]:
    import feedparser  # only for feeds

    feed = feedparser.parse(raw)
    if feed.bozo and not feed.entries:
        yield Item(origin, error=f"not a feed: {feed.get('bozo_exception', 'unreadable')}")
        return
    outlet = feed.feed.get("title") or None
    for index, entry in enumerate(feed.entries):
        # full text: content:encoded / atom:content; a summary alone is not an article
        contents = entry.get("content") or []
        html = contents[0].get("value", "") if contents else ""
        yield _feed_item(
            f"{origin}#{index}", html_text(html) if html else "", title=entry.get("title"),
            url=entry.get("link"), source=outlet, published=feed_item_time(entry),
        )  # fmt: skip


def _json_feed(origin: str, feed: dict[str, Any]) -> Iterator[Item]:
    """A JSON Feed (https://jsonfeed.org/version/1.1): `content_html` (as plain text) or
    `content_text` is the body; an item with only a `summary` is summary-only."""
    items = feed.get("items")
    if not isinstance(items, list):
        yield Item(origin, error="not a JSON Feed: `items` is not a list")
        return
    outlet = feed.get("title") if isinstance(feed.get("title"), str) else None
    for index, entry in enumerate(items):
        where = f"{origin}#{index}"
        if not isinstance(entry, dict):
            yield Item(where, error="not a JSON Feed item: not an object")
            continue
        html, text = entry.get("content_html"), entry.get("content_text")
        body = html_text(html) if isinstance(html, str) and html.strip() else ""
        if not body and isinstance(text, str):
            body = text.strip()
        value = entry.get("date_published")  # RFC 3339
        published = choose([(0, value)] if isinstance(value, str) and value else [])
        url = entry.get("url") or entry.get("external_url")
        yield _feed_item(
            where, body, title=entry.get("title"), url=url if isinstance(url, str) else None,
            source=outlet, published=published,
        )  # fmt: skip


def _feed_item(
    where: str, body: str, *, title: Any, url: str | None, source: str | None,
    published: Published,
) -> Item:  # fmt: skip
    """The article of one feed item whose full text is `body`; without one, a summary-only
    item that carries its `Link`."""
    title = title.strip() if isinstance(title, str) and title.strip() else None
    when = _isoformat(published)
    if not body:
        if not url:
            return Item(where, error=SUMMARY_ONLY + " and no link to its page")
        link = Link(url=url, title=title, source=source, published_at=when)
        return Item(where, error=SUMMARY_ONLY + FOLLOW_HINT, link=link)
    record = {
        "title": title or body.split("\n", 1)[0][:200],
        "body": body,
        "source": source,
        "url": url or None,
        "published_at": when,
    }
    return _noted(article_from(where, _present(record)), published, "the item")


def _present(record: dict[str, Any]) -> dict[str, Any]:
    """The fields that have a value (the others take ArticleIn's defaults)."""
    return {k: v for k, v in record.items() if v is not None}


def _isoformat(published: Published) -> str | None:
    return None if published.at is None else published.at.isoformat()


def _noted(item: Item, published: Published, what: str) -> Item:
    """`item` with a note when its time was found without an offset (and so left out)."""
    if published.at is not None or published.unzoned is None:
        return item
    note = (
        f"{what} gives its time as {published.unzoned!r}, without a time zone: "
        "published_at left empty rather than guessed"
    )
    return msgspec.structs.replace(item, notes=(*item.notes, note))


BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
)


class _TextOf(html.parser.HTMLParser):
    """The text of an HTML fragment, a paragraph per block element; scripts and styles out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(fragment: str) -> str:
    """Paragraphs of an HTML fragment as plain text, one per line."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
