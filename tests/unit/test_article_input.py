"""Checks on an incoming article that the JSON schema cannot make."""

from __future__ import annotations

import pytest

from api.errors import ArticleRefused, Invalid
from api.http.routes.articles import check_article, strict_article
from api.schemas import ArticleIn


def test_body_over_the_configured_limit_is_422() -> None:
    with pytest.raises(ArticleRefused) as raised:
        check_article(ArticleIn(title="t", body="x" * 101), max_body_chars=100)
    assert raised.value.name == "body"
    check_article(ArticleIn(title="t", body="x" * 100), max_body_chars=100)


def test_lone_surrogates_are_malformed_json() -> None:
    with pytest.raises(Invalid) as raised:
        strict_article(b'{"title": "t", "body": "a \\ud800 b"}')
    assert raised.value.source == "body"


def test_strict_decoding_rejects_unix_times() -> None:
    with pytest.raises(Invalid) as raised:
        strict_article(b'{"title": "t", "body": "b", "published_at": 0}')
    assert raised.value.name == "published_at"
    parsed = strict_article(b'{"title": "t", "body": "b", "published_at": "2025-12-02T09:00:00Z"}')
    assert parsed.published_at is not None and parsed.published_at.year == 2025
