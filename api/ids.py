"""Opaque, type-prefixed, time-ordered ids: `art_` + 26 Crockford base32 characters.

The first 10 characters encode the creation time in milliseconds and the rest are random
(the ULID layout, lower case), so sorting ids sorts by creation: keyset paging needs only
the id, and ids say nothing about how many rows exist.
"""

from __future__ import annotations

import re
import secrets
import time

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
PREFIXES = {"article": "art", "actor": "act", "quote": "quo", "claim": "clm", "place": "plc"}
ID_BODY = r"[0-9a-hjkmnp-tv-z]{26}"


def _base32(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        value, digit = divmod(value, 32)
        chars.append(_ALPHABET[digit])
    return "".join(reversed(chars))


def new_id(kind: str, now_ms: int | None = None) -> str:
    """A fresh id for an entity of `kind` ("article", "actor", …), e.g. `art_01jd4q…`."""
    millis = int(time.time() * 1000) if now_ms is None else now_ms
    return f"{PREFIXES[kind]}_{_base32(millis, 10)}{_base32(secrets.randbits(80), 16)}"


def id_pattern(kind: str) -> str:
    return rf"^{PREFIXES[kind]}_{ID_BODY}$"


def is_id(kind: str, value: str) -> bool:
    return re.fullmatch(id_pattern(kind), value) is not None
