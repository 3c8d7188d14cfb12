"""Ids, keyset cursors, actor name keys and content hashes."""

from __future__ import annotations

import pytest

from api.cursor import InvalidCursor, decode_cursor, encode_cursor
from api.ids import is_id, new_id
from api.names import content_hash, name_key


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
