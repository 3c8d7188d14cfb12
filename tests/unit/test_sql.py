"""Named SQL blocks, loaded from sql/queries/ (no database)."""

from __future__ import annotations

import pytest

from api.db.sql import parse_named_blocks, queries


def test_named_sql_blocks() -> None:
    text = "-- name: one\nSELECT 1;\n\n-- name: two\n-- a comment\nSELECT 2;\n"
    assert parse_named_blocks(text) == {"one": "SELECT 1;", "two": "-- a comment\nSELECT 2;"}
    with pytest.raises(ValueError, match="duplicate"):
        parse_named_blocks("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;")
    assert "list_articles" in queries() and "insert_claim" in queries()
