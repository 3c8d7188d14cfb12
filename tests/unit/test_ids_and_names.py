"""Ids, keyset cursors, actor name keys and content hashes."""

from __future__ import annotations

import struct
from datetime import UTC, datetime

import pytest

from api.cursor import NEVER, InvalidCursor, Keyset, decode_cursor, encode_cursor
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


ART = "art_01m8j92staxj6nvq6dgk1jjjrs"


def test_cursor_round_trip_and_garbage() -> None:
    token = encode_cursor(Keyset(ART))
    assert decode_cursor("article", token) == Keyset(ART)
    for garbage in ("", "x", "!!!", token[:-1], token.upper(), token + "0", "art_" + token):
        with pytest.raises(InvalidCursor):
            decode_cursor("article", garbage)


def test_cursors_of_each_order_carry_their_key() -> None:
    """Times before and after 1970, undated rows, ranks: each comes back as it went."""
    times = [
        datetime(2025, 12, 2, 9, 30, 0, 123456, tzinfo=UTC),
        datetime(1944, 6, 6, 6, 30, tzinfo=UTC),
        datetime(1970, 1, 1, tzinfo=UTC),
    ]
    for at in times:
        assert decode_cursor("article", encode_cursor(Keyset(ART, time=at)), "time").time == at
    undated = encode_cursor(Keyset(ART, time=NEVER))
    assert "." not in undated and decode_cursor("article", undated, "time").time == NEVER
    for rank in (0.0, 0.0607927, 1.0, 0.1 + 0.2):
        token = encode_cursor(Keyset(ART, rank=rank))
        got = decode_cursor("article", token, "rank").rank
        assert got == struct.unpack(">f", struct.pack(">f", rank))[0]  # as Postgres's real
    # a cursor of another order is still a position (the contract says any of its shape is)
    ranked = encode_cursor(Keyset(ART, rank=0.5))
    assert decode_cursor("article", ranked) == Keyset(ART)
    assert decode_cursor("article", undated, "rank").rank == float("inf")  # from the top
    assert decode_cursor("article", ranked.replace(".", ".-"), "rank").rank == -1.0
    assert decode_cursor("article", f"{undated}.zzzzzzzzzzz", "rank").rank == float("inf")


def test_name_key_ignores_case_accents_and_punctuation() -> None:
    assert name_key("Volodymyr Zelens’kyy") == name_key("volodymyr zelenskyy")
    assert name_key("Kropyvnytskyi") == name_key("KROPÝVNYTSKYI")
    assert name_key("U.S.") == "u s"


def test_content_hash_ignores_wrapping_only() -> None:
    assert content_hash("a b\n c ") == content_hash("a  b c")
    assert content_hash("a b c") != content_hash("a b d")
