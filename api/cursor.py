"""Keyset cursors.

Lists are ordered by id, and ids are time-ordered, so the position after a row is the row's
id: the cursor is the id without its type prefix. A list ordered by something else too (a
place's claims, by time) appends that sort key: `<id>.<key>`, the key a timestamp in
microseconds, base32. Every string of the documented shape is a valid position, so the
contract can state the format exactly; clients treat cursors as opaque.

The changes feed has positions of its own, not ids: `<xid>.<seq>` of an entry of the log,
both base32 (sql/migrations/008_changes.sql says why both).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from api.ids import ID_BODY, PREFIXES, base32, from_base32

# 11 base32 digits of microseconds reach the year 3111: every such key is a valid datetime.
CURSOR_PATTERN = rf"^{ID_BODY}(\.[0-9a-hjkmnp-tv-z]{{1,11}})?$"
_CURSOR = re.compile(CURSOR_PATTERN)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# 12 base32 digits stay below 2**60: every such position fits xid8 and bigint.
_POSITION_PART = "[0-9a-hjkmnp-tv-z]{1,12}"
POSITION_PATTERN = rf"^{_POSITION_PART}\.{_POSITION_PART}$"
_POSITION = re.compile(POSITION_PATTERN)


class InvalidCursor(ValueError):
    pass


def encode_cursor(last_id: str, at: datetime | None = None) -> str:
    """`art_01m8…` → `01m8…`; with `at`, `01m8….<micros>`: the next page starts after it."""
    body = last_id.split("_", 1)[1]
    if at is None:
        return body
    micros = max(0, (at - _EPOCH) // timedelta(microseconds=1))
    return f"{body}.{base32(micros)}"


def decode_cursor(kind: str, token: str) -> str:
    """The id (of an entity of `kind`) that the next page starts after."""
    return decode_timed_cursor(kind, token)[0]


def decode_timed_cursor(kind: str, token: str) -> tuple[str, datetime | None]:
    """The id and, when the cursor carries one, the time the next page starts after."""
    if _CURSOR.fullmatch(token) is None:
        raise InvalidCursor("not a cursor returned by this API")
    body, _, key = token.partition(".")
    at = _EPOCH + timedelta(microseconds=from_base32(key)) if key else None
    return f"{PREFIXES[kind]}_{body}", at


def encode_position(xid: int, seq: int) -> str:
    """A place in the changes log: the next page starts after the entry (xid, seq)."""
    return f"{base32(xid)}.{base32(seq)}"


def decode_position(token: str) -> tuple[int, int]:
    """(xid, seq) of a position made by encode_position."""
    if _POSITION.fullmatch(token) is None:
        raise InvalidCursor("not a position returned by GET /v1/changes")
    xid, _, seq = token.partition(".")
    return from_base32(xid), from_base32(seq)
