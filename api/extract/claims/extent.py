"""How much of a place a claim covers: "about a third", "over 60 percent", "completely"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from api.extract.claims.place_refs import PlaceRef
from api.extract.doc_cache import text_of

EXTENT = re.compile(
    r"\b(?:(?:more than|less than|about|roughly|some|almost|nearly|around|over|only|"
    r"approximately)\s+)?(?:\d[\d,.]*\s*(?:percent|per cent|%)|"
    r"\d[\d,.]*\s*square kilomet(?:re|er)s|"
    r"(?:one|two|three|four)[- ](?:fifths?|thirds?|quarters?)|an? (?:fifth|third|quarter|half)|"
    r"half|all|most|part|parts|the whole|the entire|completely|entirely|full|fully)\b",
    re.I,
)


FRACTIONS = {"fifth": 0.2, "third": 1 / 3, "quarter": 0.25, "half": 0.5}


NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def extent_between(doc: Doc, t: Token, target: PlaceRef) -> str | None:
    """'about a third', 'over 60 percent', 'completely' near the trigger."""
    start = max(t.idx - 40, 0) if target.start > t.idx else target.start
    end = target.start if target.start > t.idx else t.idx
    text = text_of(doc)[start:end]
    found = EXTENT.findall(text)
    match = None
    for m in EXTENT.finditer(text):
        match = m
    if not found or match is None:
        return None
    return match.group(0)


def extent_value(text: str | None) -> tuple[float | None, str | None]:
    """('over 60 percent') → (60.0, 'percent'); ('two-fifths') → (0.4, 'fraction')."""
    if not text:
        return None, None
    lowered = text.lower()
    number = re.search(r"\d[\d,.]*", lowered)
    if number and ("percent" in lowered or "%" in lowered):
        return float(number.group(0).replace(",", "")), "percent"
    if number and "square" in lowered:
        return float(number.group(0).replace(",", "")), "km2"
    frac = re.search(r"(one|two|three|four|an?)[- ](fifth|third|quarter|half)", lowered)
    if frac:
        return NUMBER_WORDS[frac.group(1)] * FRACTIONS[frac.group(2)], "fraction"
    if "half" in lowered:
        return 0.5, "fraction"
    if any(w in lowered for w in ("completely", "entirely", "full", "whole", "entire", "all")):
        return 1.0, "fraction"
    return None, None
