"""What each input pattern means, in words: an error message names the format a client must
send, never the regular expression that checks it (a regex is an implementation detail, and
unreadable to most people who get the error)."""

from __future__ import annotations

import re

from api.cursor import CURSOR_PATTERN
from api.filters import BBOX_PATTERN
from api.ids import PREFIXES, id_pattern
from api.schemas import NO_NUL, SOME_TEXT, URL

COUNTRY = r"^[A-Z]{2}$"
VISIBLE_ASCII = r"^[\x21-\x7e]+$"
SLUG = r"^[a-z-]{1,40}$"

_MEANINGS: dict[str, str] = {
    **{
        id_pattern(kind): f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} id: `{prefix}_` and "
        "26 letters or digits"
        for kind, prefix in PREFIXES.items()
    },
    CURSOR_PATTERN: "the `next_cursor` of a previous page, as it was given",
    BBOX_PATTERN: "a box `min_lon,min_lat,max_lon,max_lat` in degrees, e.g. 36.5,47.5,38.5,49",
    NO_NUL: "text without NUL characters",
    SOME_TEXT: "text with at least one visible character and no NUL",
    URL: "an http:// or https:// URL without spaces or control characters",
    COUNTRY: "an ISO 3166-1 alpha-2 country code in capitals, e.g. UA",
    VISIBLE_ASCII: "visible ASCII characters only (no spaces)",
    SLUG: "lowercase letters and hyphens",
}
_REGEX = re.compile(r"Expected `str` matching regex ('(?:[^'\\]|\\.)*')")


def register(pattern: str, meaning: str) -> str:
    """Say what `pattern` means in error messages; returns the pattern."""
    _MEANINGS[pattern] = meaning
    return pattern


def in_words(message: str) -> str:
    """`message` with any "Expected `str` matching regex '…'" said in words: "must be …"."""

    def say(found: re.Match[str]) -> str:
        for pattern, meaning in _MEANINGS.items():
            if found[1] == repr(pattern):
                return f"must be {meaning}"
        return "must be text in the documented format"

    return _REGEX.sub(say, message)
