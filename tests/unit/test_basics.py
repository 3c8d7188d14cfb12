"""Ids, cursors, names, settings, parameter parsing and SQL loading: no database."""

from __future__ import annotations

import pytest

from api.cursor import InvalidCursor, decode_cursor, encode_cursor
from api.db.sql import parse_named_blocks, queries
from api.errors import Invalid
from api.filters import parse_bbox, parse_time
from api.ids import is_id, new_id
from api.names import content_hash, name_key
from api.settings import SettingsError, load_settings


def test_ids_are_prefixed_and_time_ordered() -> None:
    first = new_id("article", now_ms=1_700_000_000_000)
    later = new_id("article", now_ms=1_700_000_000_001)
    assert first.startswith("art_") and len(first) == 30
    assert first < later
    assert is_id("article", first)
    assert not is_id("actor", first)
    assert new_id("quote") != new_id("quote")


def test_cursor_round_trip_and_garbage() -> None:
    token = encode_cursor("art_01m8j92staxj6nvq6dgk1jjjrs")
    assert decode_cursor("article", token) == "art_01m8j92staxj6nvq6dgk1jjjrs"
    for garbage in ("", "x", "!!!", token[:-1], token.upper(), token + "0", "art_" + token):
        with pytest.raises(InvalidCursor):
            decode_cursor("article", garbage)


def test_name_key_ignores_case_accents_and_punctuation() -> None:
    assert name_key("Volodymyr Zelens’kyy") == name_key("volodymyr zelenskyy")
    assert name_key("Kropyvnytskyi") == name_key("KROPÝVNYTSKYI")
    assert name_key("U.S.") == "u s"


def test_content_hash_ignores_wrapping_only() -> None:
    assert content_hash("a b\n c ") == content_hash("a  b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_settings_from_environment() -> None:
    settings = load_settings(
        {
            "PORT": "9001",
            "GAZETTE_WORKERS": "2",
            "DATABASE_URL": "",
            "GAZETTE_DATA_DIR": "/srv/gazette",
        }
    )
    assert settings.port == 9001 and settings.workers == 2 and settings.database_url is None
    assert str(settings.data_dir) == "/srv/gazette"
    assert load_settings({"GAZETTE_LOG_LEVEL": "debug"}).log_level == "DEBUG"
    with pytest.raises(SettingsError, match="GAZETTE_LOG_LEVEL"):
        load_settings({"GAZETTE_LOG_LEVEL": "chatty"})
    with pytest.raises(SettingsError, match="GAZETTE_POOL_MIN_SIZE"):
        load_settings({"GAZETTE_POOL_MIN_SIZE": "9", "GAZETTE_POOL_MAX_SIZE": "2"})
    with pytest.raises(SettingsError, match="PORT"):
        load_settings({"PORT": "eighty"})
    with pytest.raises(SettingsError, match="GAZETTE_POOL_MAX_SIZE"):
        load_settings({"GAZETTE_POOL_MAX_SIZE": "0"})


def test_bbox_parsing() -> None:
    assert parse_bbox(None) is None
    assert parse_bbox("30,44.5,40,52") == ((30.0, 44.5), (40.0, 52.0))
    assert parse_bbox("-180,-90,180.0,90") == ((-180.0, -90.0), (180.0, 90.0))
    for bad in (
        "",
        "1,2,3",
        "a,b,c,d",
        "181,0,5,1",
        "0,-91,1,1",
        "nan,0,1,1",
        "0,0,1,inf",
        "1,2,3,4,5",
    ):
        with pytest.raises(Invalid) as raised:
            parse_bbox(bad)
        assert raised.value.name == "bbox"


def test_named_sql_blocks() -> None:
    text = "-- name: one\nSELECT 1;\n\n-- name: two\n-- a comment\nSELECT 2;\n"
    assert parse_named_blocks(text) == {"one": "SELECT 1;", "two": "-- a comment\nSELECT 2;"}
    with pytest.raises(ValueError, match="duplicate"):
        parse_named_blocks("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;")
    assert "list_articles" in queries() and "insert_claim" in queries()


def test_times_must_be_rfc_3339_with_an_offset() -> None:
    parsed = parse_time("published_after", "2025-12-02T09:00:00.123456789Z")
    assert parsed is not None and parsed.microsecond == 123456 and parsed.utcoffset() is not None
    assert parse_time("x", "2025-12-02T09:00:00+03:00") is not None
    for bad in ("0", "2025-12-02", "2025-12-02T09:00:00", "2025-13-02T09:00:00Z", "yesterday"):
        with pytest.raises(Invalid):
            parse_time("published_after", bad)
