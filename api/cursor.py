"""Keyset cursors.

Lists are ordered by id, and ids are time-ordered, so the position after a row is the row's
id. The cursor is the id without its type prefix: every string of that shape is a valid
position (so the contract can state the format exactly), and clients treat it as opaque.
"""

from __future__ import annotations

import re

from api.ids import ID_BODY, PREFIXES

CURSOR_PATTERN = rf"^{ID_BODY}$"
_CURSOR = re.compile(CURSOR_PATTERN)


class InvalidCursor(ValueError):
    pass


def encode_cursor(last_id: str) -> str:
    """`art_01m8…` → `01m8…`: the next page starts after this row."""
    return last_id.split("_", 1)[1]


def decode_cursor(kind: str, token: str) -> str:
    """The id (of an entity of `kind`) that the next page starts after."""
    if _CURSOR.fullmatch(token) is None:
        raise InvalidCursor("not a cursor returned by this API")
    return f"{PREFIXES[kind]}_{token}"
