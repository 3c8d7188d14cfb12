"""Articles from files: plain text, JSON, JSON Lines, saved HTML pages and RSS/Atom feeds.

What `gazette ingest PATH…` reads. Each article found becomes an `Item` (or an `Item` with
the reason it could not be read), so one bad record never stops a run. No network: saved
pages and feeds are read from disk, never fetched.

| suffix                  | read as                                                      |
|-------------------------|--------------------------------------------------------------|
| .txt .text .md          | one article; title = first non-blank line, body = the rest   |
| .json                   | one object or a list of `{title, body, source, url, published_at}` |
| .jsonl .ndjson          | one such object per line                                     |
| .html .htm              | a saved page: main text and metadata by trafilatura          |
| .xml .rss .atom         | a feed (feedparser): one article per item with its full text |
"""

from __future__ import annotations

import calendar
import html.parser
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import msgspec

from api.schemas import ArticleIn

TEXT = frozenset({".txt", ".text", ".md"})
JSON = frozenset({".json"})
JSON_LINES = frozenset({".jsonl", ".ndjson"})
HTML = frozenset({".html", ".htm"})
FEEDS = frozenset({".xml", ".rss", ".atom"})
SUFFIXES = TEXT | JSON | JSON_LINES | HTML | FEEDS


class Item(msgspec.Struct, frozen=True):
    """One article read from a file, or why a record could not be read."""

    origin: str  # the file, with `:line` or `#index` when it holds several articles
    article: ArticleIn | None = None
    error: str | None = None


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
    if isinstance(decoded, list):
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
    import trafilatura  # a heavy import, only for saved pages

    found = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    # a Document (a dict only when asked for with the deprecated as_dict=True)
    page: dict[str, Any] = found if isinstance(found, dict) else found.as_dict() if found else {}
    if not page.get("text"):
        return Item(origin, error="no article text found in the page")
    title = str(page.get("title") or "").strip()
    body = str(page["text"]).strip()
    if title and body.startswith(title + "\n"):  # the headline repeated as the first line
        body = body[len(title) + 1 :].lstrip()
    record = {
        "title": title or body.split("\n", 1)[0][:200],
        "body": body,
        "source": page.get("sitename") or None,
        "url": page.get("url") or None,
        "published_at": _timestamp(page.get("date")),
    }
    return article_from(origin, {k: v for k, v in record.items() if v is not None})


def _feed(origin: str, raw: bytes) -> Iterator[Item]:
    import feedparser  # only for feeds

    feed = feedparser.parse(raw)
    if feed.bozo and not feed.entries:
        yield Item(origin, error=f"not a feed: {feed.get('bozo_exception', 'unreadable')}")
        return
    outlet = feed.feed.get("title") or None
    for index, entry in enumerate(feed.entries):
        where = f"{origin}#{index}"
        # full text: content:encoded / atom:content; a summary alone is not an article
        contents = entry.get("content") or []
        if not contents:
            yield Item(where, error="the item carries no full text (only a summary)")
            continue
        body = html_text(contents[0].get("value", ""))
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        record = {
            "title": (entry.get("title") or body.split("\n", 1)[0][:200]).strip(),
            "body": body,
            "source": outlet,
            "url": entry.get("link") or None,
            "published_at": None
            if published is None
            else datetime.fromtimestamp(calendar.timegm(published), UTC).isoformat(),
        }
        yield article_from(where, {k: v for k, v in record.items() if v is not None})


def _timestamp(value: str | date | datetime | None) -> str | None:
    """trafilatura's date (`YYYY-MM-DD`) as an RFC 3339 time at midnight UTC."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat() + "Z"
    return f"{value}T00:00:00Z"


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
