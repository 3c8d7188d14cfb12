"""Publication times of pages and feed items: kept with their offset, never a date made into
a midnight (which can be a day off)."""

from __future__ import annotations

import doctest
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from api.services import timestamps
from api.services.sources import Item, read
from api.services.timestamps import Published, instant, page_time

NEW_YORK_WINTER = timezone(timedelta(hours=-5))


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def ld(document: str) -> str:
    return f'<script type="application/ld+json">{document}</script>'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-03T23:30:00-05:00", datetime(2025, 12, 3, 23, 30, tzinfo=NEW_YORK_WINTER)),
        ("2025-12-04T04:30:00Z", datetime(2025, 12, 4, 4, 30, tzinfo=UTC)),
        (
            "2025-12-03T23:30:00.250-0500",
            datetime(2025, 12, 3, 23, 30, 0, 250_000, NEW_YORK_WINTER),
        ),
        ("Wed, 03 Dec 2025 23:30:00 -0500", datetime(2025, 12, 3, 23, 30, tzinfo=NEW_YORK_WINTER)),
        ("Thu, 04 Dec 2025 04:30:00 GMT", datetime(2025, 12, 4, 4, 30, tzinfo=UTC)),
        # no offset: a date alone, a local time, RFC 822's "zone unknown", not a time at all
        ("2025-12-03", None),
        ("2025-12-03T23:30:00", None),
        ("Wed, 03 Dec 2025 23:30:00 -0000", None),
        ("last Tuesday", None),
    ],
)
def test_only_a_time_with_its_offset_is_an_instant(value: str, expected: datetime | None) -> None:
    found = instant(value)
    assert found == expected
    if expected is not None:
        assert found is not None and found.utcoffset() == expected.utcoffset()


def test_json_ld_article_in_a_graph_beats_the_meta_tags_and_keeps_its_offset() -> None:
    graph = ld(
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebPage", "datePublished": "2025-12-01T08:00:00Z"},'
        '{"@type": ["NewsArticle"], "datePublished": "2025-12-03T23:30:00-05:00",'
        ' "dateModified": "2025-12-04T09:00:00-05:00"}]}'
    )
    meta = '<meta property="article:published_time" content="2025-12-02T10:00:00Z">'
    found = page_time(page(meta + graph))
    assert found.at == datetime(2025, 12, 4, 4, 30, tzinfo=UTC)  # the next day in UTC
    assert found.at is not None and found.at.utcoffset() == timedelta(hours=-5)


def test_json_ld_in_a_list_and_of_other_article_types() -> None:
    listed = ld('[{"@type": "Organization"}, {"@type": "schema:ReportageNewsArticle", '
                '"datePublished": "2025-12-03T07:00:00+02:00"}]')  # fmt: skip
    assert page_time(page(listed)).at == datetime(2025, 12, 3, 5, tzinfo=UTC)
    blog = ld('{"@type": "BlogPosting", "datePublished": "2025-12-03T07:00:00+01:00"}')
    assert page_time(page(blog)).at == datetime(2025, 12, 3, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    "markup",
    [
        '<meta property="article:published_time" content="2025-12-03T07:00:00+02:00">',
        '<meta itemprop="datePublished" content="2025-12-03T07:00:00+02:00">',
        '<meta name="parsely-pub-date" content="2025-12-03T05:00:00Z">',
        '<meta name="DC.date.issued" content="2025-12-03T07:00:00+02:00">',
    ],
)
def test_meta_tags(markup: str) -> None:
    assert page_time(page(markup)).at == datetime(2025, 12, 3, 5, tzinfo=UTC)


def test_time_elements_in_the_article_and_not_elsewhere() -> None:
    article = (
        '<aside><time datetime="2025-11-01T00:00:00Z">related</time></aside>'
        '<article><time itemprop="dateModified" datetime="2025-12-05T00:00:00Z">edited</time>'
        '<time datetime="2025-12-03T07:00:00+02:00">3 Dec</time>'
        '<time datetime="2025-12-04T07:00:00+02:00">later</time></article>'
    )
    assert page_time(page(body=article)).at == datetime(2025, 12, 3, 5, tzinfo=UTC)
    microdata = '<span itemprop="datePublished" datetime="2025-12-03T05:00:00Z"></span>'
    assert page_time(page(body=microdata)).at == datetime(2025, 12, 3, 5, tzinfo=UTC)


def test_a_date_or_a_time_without_an_offset_is_not_guessed() -> None:
    dated = '<meta property="article:published_time" content="2025-12-03">'
    assert page_time(page(dated)) == Published(unzoned="2025-12-03")
    # a value without an offset gives way to a less trusted one that has it
    local = ld('{"@type": "NewsArticle", "datePublished": "2025-12-03T23:30:00"}')
    zoned = '<meta name="pubdate" content="2025-12-03T23:30:00+01:00">'
    assert page_time(page(local + zoned)).at == datetime(2025, 12, 3, 22, 30, tzinfo=UTC)
    assert page_time(page(ld("{not json") + "<p>no time</p>")) == Published()


SAVED = """<html><head><title>Ferry service resumes</title>
<meta property="article:published_time" content="{when}"></head>
<body><article><h1>Ferry service resumes</h1>
<p>The ferry between the two islands resumed on Wednesday evening after a week of storms,
the operator said in a statement.</p>
<p>“Crossings will run every two hours until the weekend,” said operations manager Lena
Varga, adding that extra crossings would be added if demand was high.</p>
</article></body></html>"""


def test_saved_page_keeps_the_evening_in_its_own_zone(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(SAVED.format(when="2025-12-03T23:30:00-05:00"))
    [item] = read(path)
    assert item.article is not None, item.error
    assert item.article.published_at == datetime(2025, 12, 4, 4, 30, tzinfo=UTC)
    assert item.notes == ()


def test_saved_page_with_a_date_only_has_no_time_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(SAVED.format(when="2025-12-03"))
    [item] = read(path)
    assert item.article is not None, item.error
    assert item.article.published_at is None
    [note] = item.notes
    assert "'2025-12-03', without a time zone" in note


def test_feed_times_keep_their_instant_and_refuse_a_bare_date(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>'
        + "".join(
            f"<item><title>{n}</title><pubDate>{when}</pubDate>"
            f"<content:encoded>&lt;p&gt;Body {n}.&lt;/p&gt;</content:encoded></item>"
            for n, when in enumerate(
                ["Wed, 03 Dec 2025 23:30:00 -0500", "2025-12-03", "Wed, 03 Dec 2025 23:30:00"]
            )
        )
        + "</channel></rss>"
    )
    zoned, dated, local = read(path)
    assert isinstance(zoned, Item) and zoned.article is not None
    assert zoned.article.published_at == datetime(2025, 12, 4, 4, 30, tzinfo=UTC)
    for item in (dated, local):
        assert item.article is not None and item.article.published_at is None
        assert len(item.notes) == 1 and "without a time zone" in item.notes[0]


def test_the_docstring_examples_hold() -> None:
    assert doctest.testmod(timestamps).failed == 0
