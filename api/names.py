"""Normalised names: the keys that resolve the same actor across articles."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed.

    >>> name_key("Volodymyr  Zelens'kyy")
    'volodymyr zelenskyy'
    >>> name_key("Zelenskyy’s")
    'zelenskyys'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("'", "").replace("’", "")
    return _NOT_WORD.sub(" ", plain.casefold()).strip()


def content_hash(body: str) -> str:
    """sha256 of the body with Unicode normalised (NFC) and whitespace collapsed, as hex.

    Two submissions that differ only in line wrapping or trailing spaces are the same article.
    """
    canonical = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
