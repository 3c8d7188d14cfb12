"""Keyset cursors.

A page starts after the last row of the page before: its position in the list's order,
a `Keyset`. Lists ordered by id (ids are time-ordered: the order Gazette stored the rows)
need only the id, so the cursor is the id without its type prefix. A list ordered by a
time (publication, a place's timeline) or by relevance appends the row's sort key:
`<id>.<key>`, the key in base32: a time in microseconds from 1970 (`-` before it), a rank
as the bits of its 32-bit float. A row without a time (an undated article) counts as older
than every dated one and its cursor carries no key. Every string of the documented shape is
a valid position, so the contract can state the format exactly; clients treat cursors as
opaque, and a cursor is only meaningful with the `sort` it came from (given to another, it
is still a position: the page starts after its id and whatever key it carries).

The changes feed has positions of its own, not ids: `<xid>.<seq>` of an entry of the log,
both base32 (sql/migrations/008_changes.sql says why both).
"""

from __future__ import annotations

import re
import struct
from datetime import UTC, datetime, timedelta
from typing import Literal

import msgspec

from api.ids import ID_BODY, PREFIXES, base32, from_base32

# 11 base32 digits of microseconds reach the years 828 to 3111: every such key is a valid
# datetime (and the bits of every non-negative 32-bit float fit in 7).
_KEY_DIGITS = 11
CURSOR_PATTERN = rf"^{ID_BODY}(\.-?[0-9a-hjkmnp-tv-z]{{1,{_KEY_DIGITS}}})?$"
_CURSOR = re.compile(CURSOR_PATTERN)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MAX_KEY = 32**_KEY_DIGITS - 1

# Before every time: where the rows without one sort (asyncpg sends it as -infinity).
NEVER = datetime.min.replace(tzinfo=UTC)

# What a list's order adds to the id: nothing, a time, or a rank.
KeyKind = Literal["time", "rank"] | None

# 12 base32 digits stay below 2**60: every such position fits xid8 and bigint.
_POSITION_PART = "[0-9a-hjkmnp-tv-z]{1,12}"
POSITION_PATTERN = rf"^{_POSITION_PART}\.{_POSITION_PART}$"
_POSITION = re.compile(POSITION_PATTERN)


class InvalidCursor(ValueError):
    pass


class Keyset(msgspec.Struct, frozen=True):
    """Where a page starts: after the row with this id and, in a list ordered by a time or
    by relevance, this sort key."""

    id: str
    time: datetime | None = None  # NEVER for a row without one
    rank: float | None = None


def encode_cursor(after: Keyset) -> str:
    """`Keyset("art_01m8…")` → `01m8…`; with a time or a rank, `01m8….<key>`."""
    body = after.id.split("_", 1)[1]
    if after.rank is not None:
        (bits,) = struct.unpack(">I", struct.pack(">f", max(0.0, after.rank)))
        return f"{body}.{base32(bits)}"
    if after.time is None or after.time == NEVER:
        return body
    micros = (after.time - _EPOCH) // timedelta(microseconds=1)
    sign = "-" if micros < 0 else ""
    return f"{body}.{sign}{base32(min(abs(micros), _MAX_KEY))}"


def decode_cursor(kind: str, token: str, key: KeyKind = None) -> Keyset:
    """The position (in a list of `kind` entities ordered with a `key` of this kind) that
    the next page starts after."""
    if _CURSOR.fullmatch(token) is None:
        raise InvalidCursor("not a cursor returned by this API")
    body, _, text = token.partition(".")
    after_id = f"{PREFIXES[kind]}_{body}"
    # Every cursor of the documented shape is a position in every order (the contract says
    # so): a key the order has no use for is ignored, a missing rank is the top one.
    if key is None:
        return Keyset(after_id)
    if key == "rank":
        return Keyset(after_id, rank=_rank(text))
    if not text:
        return Keyset(after_id, time=NEVER)
    micros = -from_base32(text[1:]) if text.startswith("-") else from_base32(text)
    return Keyset(after_id, time=_EPOCH + timedelta(microseconds=micros))


_INFINITY_BITS = 0x7F800000  # of a 32-bit float


def _rank(text: str) -> float:
    """The rank a cursor's key holds: the bits of a non-negative 32-bit float (past them:
    infinity; none: infinity, the top; a negative key: below every rank)."""
    if text.startswith("-"):
        return -1.0
    bits = from_base32(text) if text else _INFINITY_BITS
    (rank,) = struct.unpack(">f", struct.pack(">I", min(bits, _INFINITY_BITS)))
    return float(rank)


def encode_position(xid: int, seq: int) -> str:
    """A place in the changes log: the next page starts after the entry (xid, seq)."""
    return f"{base32(xid)}.{base32(seq)}"


def decode_position(token: str) -> tuple[int, int]:
    """(xid, seq) of a position made by encode_position."""
    if _POSITION.fullmatch(token) is None:
        raise InvalidCursor("not a position returned by GET /v1/changes")
    xid, _, seq = token.partition(".")
    return from_base32(xid), from_base32(seq)
