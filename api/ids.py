"""Opaque, type-prefixed, time-ordered ids: `art_` + 26 Crockford base32 characters.

The first 10 characters encode the creation time in milliseconds and the rest are random
(the ULID layout, lower case), so sorting ids sorts by creation: keyset paging needs only
the id, and ids say nothing about how many rows exist.
"""

from __future__ import annotations

import re
import secrets
import threading
import time

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
PREFIXES = {
    "article": "art",
    "actor": "act",
    "quote": "quo",
    "claim": "clm",
    "place": "plc",
    "key": "key",
}
ID_BODY = r"[0-9a-hjkmnp-tv-z]{26}"


def _base32(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        value, digit = divmod(value, 32)
        chars.append(_ALPHABET[digit])
    return "".join(reversed(chars))


def base32(value: int) -> str:
    """A non-negative integer in Crockford base32 (lower case), as few digits as it needs."""
    digits = 1
    while value >= 32**digits:
        digits += 1
    return _base32(value, digits)


def from_base32(text: str) -> int:
    value = 0
    for char in text:
        value = value * 32 + _ALPHABET.index(char)
    return value


_last = [0, 0]  # (millisecond, random part) of the last id made by this process
_lock = threading.Lock()


def new_id(kind: str, now_ms: int | None = None) -> str:
    """A fresh id for an entity of `kind` ("article", "actor", …), e.g. `art_01jd4q…`.

    Within one process ids strictly increase: in the same millisecond the random part of the
    previous id is incremented (ULID's monotonic mode), so "newest first" is exact for rows
    one process made. Across processes, ids of the same millisecond order at random.
    """
    millis = int(time.time() * 1000) if now_ms is None else now_ms
    with _lock:
        if millis <= _last[0] and now_ms is None:
            millis, tail = _last[0], _last[1] + 1
        else:
            tail = secrets.randbits(80)
        _last[0], _last[1] = millis, tail
    return f"{PREFIXES[kind]}_{_base32(millis, 10)}{_base32(tail % 2**80, 16)}"


def id_pattern(kind: str) -> str:
    return rf"^{PREFIXES[kind]}_{ID_BODY}$"


def is_id(kind: str, value: str) -> bool:
    return re.fullmatch(id_pattern(kind), value) is not None
