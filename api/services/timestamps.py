"""Publication times read from web pages and feeds, kept only with their time zone.

A page says when it was published in several places; the first one that gives a time *with
its offset* is used, in this order:

1. JSON-LD `datePublished` of an article (`NewsArticle`, `Article`, `BlogPosting`, …: any
   `@type` ending in Article or BlogPosting), at the top, in `@graph` or in a list; then a
   `datePublished` of any other JSON-LD object (a `WebPage`);
2. `<meta property="article:published_time">` (also `og:article:published_time`) and
   microdata `itemprop="datePublished"` (`content` or `datetime`);
3. other common meta names (`pubdate`, `publish-date`, `dc.date.issued`, `parsely-pub-date`, …);
4. `<time datetime>` marked `pubdate`, then the first `<time datetime>` inside `<article>`.

The rule for values without an offset: none is ever turned into an instant. A date alone
(`2025-12-03`) is not a midnight, and a time without an offset (`2025-12-03T23:30:00`) is
not UTC: either could be a day off. Such a page gets no `published_at`, and the value found
is kept in `Published.unzoned` so the caller can say why. UTC is used only when the page
says so (`Z`, `+00:00`, `GMT`).

Feeds follow the same rule: feedparser's `*_parsed` times are UTC when the item gives an
offset, but a date alone comes back as midnight, so the item's own text is read here instead
(RFC 822 `pubDate` or RFC 3339 `updated`/`published`).
"""

from __future__ import annotations

import contextlib
import email.utils
import html.parser
from datetime import datetime
from typing import Any

import msgspec

# meta tags that name the publication time, by their property, name or itemprop (lower case)
FIRST_META = frozenset({"article:published_time", "og:article:published_time", "datepublished"})
OTHER_META = frozenset(
    {
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "published_time",
        "article.published",
        "article_date_original",
        "original-publish-date",
        "dc.date.issued",
        "dcterms.issued",
        "dc.date",
        "dcterms.date",
        "date",
        "sailthru.date",
        "parsely-pub-date",
    }
)

# the ranks of the places a value was found in (lower is trusted first)
JSON_LD_ARTICLE, JSON_LD_OTHER, META_FIRST, META_OTHER, TIME_PUBDATE, TIME_IN_ARTICLE = range(6)


class Published(msgspec.Struct, frozen=True):
    """What a page or feed item says about its publication time."""

    at: datetime | None = None  # the instant, when a value carries its offset
    unzoned: str | None = None  # the first value found without an offset (not used)


def instant(value: str) -> datetime | None:
    """An RFC 3339 / ISO 8601 or RFC 822 time with its offset; None for anything else (a date
    alone, a time without an offset, text that is not a time).

    >>> instant("2025-12-03T23:30:00-05:00").isoformat()
    '2025-12-03T23:30:00-05:00'
    >>> instant("Wed, 03 Dec 2025 23:30:00 GMT").isoformat()
    '2025-12-03T23:30:00+00:00'
    >>> instant("2025-12-03") is None and instant("2025-12-03T23:30:00") is None
    True
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    # RFC 822's `-0000` means "zone unknown" and parses without one: refused like the rest
    return parsed if parsed.tzinfo is not None else None


def choose(candidates: list[tuple[int, str]]) -> Published:
    """The most trusted value that carries an offset; else the first one found without."""
    ordered = sorted(candidates, key=lambda c: c[0])  # stable: document order within a rank
    for _, value in ordered:
        if (at := instant(value)) is not None:
            return Published(at=at)
    return Published(unzoned=ordered[0][1].strip() if ordered else None)


def page_time(page: str) -> Published:
    """The publication time of an HTML page (the order of the module's docstring)."""
    reader = _PageTimes()
    reader.feed(page)
    reader.close()
    return choose(reader.candidates)


def feed_item_time(entry: dict[str, Any]) -> Published:
    """The publication time of a feed item: `published` (RSS pubDate, Atom published), else
    `updated`, as the item writes them."""
    # dict.get: feedparser's own get maps a missing `updated` to `published`, with a warning
    values = [dict.get(entry, "published"), dict.get(entry, "updated")]
    return choose([(rank, v) for rank, v in enumerate(values) if isinstance(v, str) and v])


def json_ld_times(document: Any) -> list[tuple[int, str]]:
    """Every `datePublished` of a JSON-LD document, an article's ranked before the others."""
    found: list[tuple[int, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                found.append((JSON_LD_ARTICLE if _is_article(node) else JSON_LD_OTHER, value))
            for key, child in node.items():
                if key != "datePublished":
                    walk(child)

    walk(document)
    return found


def _is_article(node: dict[str, Any]) -> bool:
    kinds = node.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(
        isinstance(n, str) and n.endswith(("Article", "BlogPosting")) for n in names
    )  # "NewsArticle", "schema:ReportageNewsArticle", "http://schema.org/BlogPosting"


class _PageTimes(html.parser.HTMLParser):
    """Collects (rank, value) for every place of the page that may give its time."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.candidates: list[tuple[int, str]] = []
        self.json_ld: list[str] | None = None  # the text of the JSON-LD script being read
        self.in_article = 0
        self.time_in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {k: v or "" for k, v in attrs}
        if tag == "script" and named.get("type", "").strip().lower() == "application/ld+json":
            self.json_ld = []
            return
        if tag == "article":
            self.in_article += 1
        keys = {named.get(k, "").strip().lower() for k in ("property", "name", "itemprop")}
        value = named.get("content") or named.get("datetime")
        if value and keys & FIRST_META:
            self.candidates.append((META_FIRST, value))
        elif value and tag == "meta" and keys & OTHER_META:
            self.candidates.append((META_OTHER, value))
        elif tag == "time" and named.get("datetime") and not named.get("itemprop"):
            # (a <time itemprop="dateModified"> is another time: not the publication's)
            if "pubdate" in named:
                self.candidates.append((TIME_PUBDATE, named["datetime"]))
            elif self.in_article and not self.time_in_article:
                self.time_in_article = True  # the first one only: later ones are not its own
                self.candidates.append((TIME_IN_ARTICLE, named["datetime"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.json_ld is not None:
            # broken JSON-LD (trailing commas are common) is skipped: the other places remain
            with contextlib.suppress(msgspec.DecodeError):
                self.candidates += json_ld_times(msgspec.json.decode("".join(self.json_ld)))
            self.json_ld = None
        elif tag == "article":
            self.in_article = max(0, self.in_article - 1)

    def handle_data(self, data: str) -> None:
        if self.json_ld is not None:
            self.json_ld.append(data)
