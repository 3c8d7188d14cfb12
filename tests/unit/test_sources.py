"""Reading articles from files: every format, and one bad record never stops the rest."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from api.services.sources import Item, Link, discover, html_text, read

PAGE = """<html><head><title>Talks end | Test Wire</title>
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2025-12-03T10:00:00Z">
<link rel="canonical" href="https://news.example/talks"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks end</h1>
<p>Ukrainian army spokesman Oleh Kovalenko said on Wednesday that the brigades held.</p>
<p>“Our brigades are still holding their lines around the town,” Kovalenko told reporters.</p>
</article><footer>© Test Wire, all rights reserved</footer></body></html>"""

FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Daily</title>
<item><title>Port reopens</title><link>https://harbour.example/port</link>
<pubDate>Tue, 02 Dec 2025 08:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The port reopened, officials said.</p><script>x()</script>
<p>&#8220;Ships are moving again,&#8221; said Marta Hnatiuk.</p>]]></content:encoded></item>
<item><title>Teaser</title><link>https://harbour.example/t</link>
<description>Only this.</description></item>
</channel></rss>"""


def items(path: Path) -> list[Item]:
    return list(read(path))


def test_plain_text_title_is_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n  Talks end \n\nIvan Sorokin said the talks were useful.\n")
    [item] = items(path)
    assert item.article is not None
    assert (item.article.title, item.article.body) == (
        "Talks end",
        "Ivan Sorokin said the talks were useful.",
    )


def test_json_object_list_and_lines_with_bad_records(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text('{"title": "T", "body": "B", "published_at": "2025-12-01T10:00:00+02:00"}')
    [item] = items(one)
    assert item.article is not None and item.article.published_at is not None
    assert item.article.published_at.astimezone(UTC) == datetime(2025, 12, 1, 8, tzinfo=UTC)
    many = tmp_path / "many.json"
    many.write_text('[{"title": "T", "body": "B"}, {"title": "no body"}]')
    assert [(i.origin.endswith("#1"), i.article is None) for i in items(many)] == [
        (False, False),
        (True, True),
    ]
    lines = tmp_path / "a.jsonl"
    lines.write_text('{"title": "T", "body": "B"}\n\nnot json\n{"title": "", "body": "B"}\n')
    found = items(lines)
    assert [i.origin.rsplit(":", 1)[1] for i in found] == ["1", "3", "4"]
    assert found[0].article is not None
    assert found[1].error is not None and found[1].error.startswith("not JSON")
    assert found[2].error is not None and found[2].error.startswith("not an article")


def test_saved_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    [item] = items(path)
    article = item.article
    assert article is not None, item.error
    assert article.title == "Talks end"
    assert article.source == "Test Wire"
    assert article.url == "https://news.example/talks"
    assert article.published_at is not None and article.published_at.date().isoformat() == (
        "2025-12-03"
    )
    assert "Kovalenko told reporters" in article.body
    assert "Home | World" not in article.body and "rights reserved" not in article.body


def test_feed_items_with_full_text(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(FEED)
    full, teaser = items(path)
    assert full.article is not None
    assert full.article.source == "Harbour Daily"
    assert full.article.url == "https://harbour.example/port"
    assert full.article.published_at == datetime(2025, 12, 2, 8, tzinfo=UTC)
    assert full.article.body == (
        "The port reopened, officials said.\n“Ships are moving again,” said Marta Hnatiuk."
    )
    assert teaser.article is None and teaser.error is not None and "full text" in teaser.error
    assert teaser.link is not None and teaser.link.url == "https://harbour.example/t"


def test_unknown_missing_and_undecodable_files_fail_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "latin.txt").write_bytes(b"Title\n\xe9t\xe9")
    assert "unknown file type" in (items(tmp_path / "notes.docx")[0].error or "")
    assert "cannot read" in (items(tmp_path / "missing.txt")[0].error or "")
    assert "not UTF-8" in (items(tmp_path / "latin.txt")[0].error or "")


def test_folders_are_walked_in_order_without_hidden_or_unknown_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["b/2.jsonl", "a.txt", "b/1.html", ".hidden.txt", ".git/x.txt", "c.pdf"]:
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a.txt", "b/1.html", "b/2.jsonl"]


def test_html_text_keeps_paragraphs_and_drops_scripts() -> None:
    assert html_text("<p>One <b>two</b></p><script>no()</script><p>Three&amp;</p>") == (
        "One two\nThree&"
    )


JSON_FEED = """{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Harbour Daily",
  "items": [
    {"id": "1", "url": "https://harbour.example/port", "title": "Port reopens",
     "content_html": "<p>The port reopened, officials said.</p><p>Ships are moving.</p>",
     "date_published": "2025-12-02T10:00:00+02:00"},
    {"id": "2", "url": "https://harbour.example/plain", "title": "Plain",
     "content_text": "Cranes are back at work.", "date_published": "2025-12-02"},
    {"id": "3", "url": "https://harbour.example/teaser", "title": "Teaser",
     "summary": "Only this.", "date_published": "2025-12-02T09:00:00Z"},
    {"id": "4", "title": "Nowhere", "summary": "Only this, and no link."},
    "not an item"
  ]
}"""


def test_json_feed_items_summaries_and_bad_items(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(JSON_FEED)
    html, plain, teaser, nowhere, bad = items(path)
    assert html.article is not None and plain.article is not None
    assert (html.article.title, html.article.source, html.article.url) == (
        "Port reopens",
        "Harbour Daily",
        "https://harbour.example/port",
    )
    assert html.article.body == "The port reopened, officials said.\nShips are moving."
    assert html.article.published_at == datetime(2025, 12, 2, 8, tzinfo=UTC)
    assert plain.article.body == "Cranes are back at work."
    assert plain.article.published_at is None and "without a time zone" in plain.notes[0]
    # summary-only: not an article, but its page can be followed (--follow-links)
    assert teaser.article is None and teaser.error is not None
    assert "only a summary" in teaser.error and "--follow-links" in teaser.error
    assert teaser.link == Link(
        url="https://harbour.example/teaser",
        title="Teaser",
        source="Harbour Daily",
        published_at="2025-12-02T09:00:00+00:00",
    )
    assert nowhere.link is None and "no link" in (nowhere.error or "")
    assert bad.error == "not a JSON Feed item: not an object"


def test_json_feed_version_1_and_an_ordinary_json_object(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(
        '{"version": "https://jsonfeed.org/version/1", "title": "T", '
        '"items": [{"id": "a", "content_text": "Body."}]}'
    )
    [item] = items(one)
    assert item.article is not None and item.article.title == "Body."
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": "https://jsonfeed.org/version/1.1", "items": {}}')
    assert [i.error for i in items(broken)] == ["not a JSON Feed: `items` is not a list"]
    other = tmp_path / "other.json"
    other.write_text('{"version": "2", "title": "T", "body": "B"}')
    [article] = items(other)  # another `version`: an article like any other
    assert article.article is not None and article.article.body == "B"
