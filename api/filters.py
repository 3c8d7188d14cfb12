"""What the lists filter on, and how a filter's value is read.

The parsers here check what the OpenAPI schema alone cannot express (an RFC 3339 time with
its offset, a bounding box, text Postgres can compare) and raise `Invalid` naming the
parameter. The API's routes (api/http) and `gazette export` read filters through them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from api.errors import Invalid

# A box of (lon, lat) corners, as Postgres takes it.
Box = tuple[tuple[float, float], tuple[float, float]]

_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)
_LON = r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[0-9]{1,2})(?:\.[0-9]+)?)"
_LAT = r"-?(?:90(?:\.0+)?|[0-8]?[0-9](?:\.[0-9]+)?)"
BBOX_PATTERN = rf"^{_LON},{_LAT},{_LON},{_LAT}$"


def clean_text(name: str, value: str | None) -> str | None:
    """Reject what Postgres cannot compare: NUL characters (the contract's pattern says so too)
    and lone surrogates."""
    if value is None:
        return None
    if "\x00" in value:
        raise Invalid("query", name, "must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise Invalid("query", name, "must be valid Unicode text") from exc
    return value


def parse_time(name: str, value: str | None, source: str = "query") -> datetime | None:
    """An RFC 3339 date-time with its offset, e.g. `2025-12-02T09:00:00Z`."""
    if value is None:
        return None
    if _RFC3339.fullmatch(value) is None:
        raise Invalid(source, name, "must be an RFC 3339 date-time, e.g. 2025-12-02T09:00:00Z")
    # Python < 3.11 rejects more than 6 fractional digits; keep microseconds only.
    head, sep, tail = value.partition(".")
    if sep:
        digits = re.match(r"\d+", tail)
        assert digits is not None
        value = f"{head}.{digits[0][:6].ljust(6, '0')}{tail[digits.end() :]}"
    try:
        parsed = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError as exc:  # e.g. month 13
        raise Invalid(source, name, f"is not a valid date-time: {exc}") from exc
    return in_utc(source, name, parsed)


def in_utc(source: str, name: str, value: datetime) -> datetime:
    """The same instant in UTC; 400 when it falls outside years 1–9999 (what Python and the
    database driver can represent), e.g. 9999-12-31T23:59:59-23:59."""
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise Invalid(source, name, "is outside the years 1 to 9999 in UTC") from exc


def time_range(after: str | None, before: str | None) -> tuple[datetime | None, datetime | None]:
    """Parse `published_after` / `published_before` (an empty range simply matches nothing)."""
    return parse_time("published_after", after), parse_time("published_before", before)


def parse_bbox(value: str | None) -> Box | None:
    """`"30.1,44.0,40.5,52.4"` → ((30.1, 44.0), (40.5, 52.4)): a Postgres box of (lon, lat).

    Postgres orders a box's corners itself, so swapped corners describe the same box.
    """
    if value is None:
        return None
    if re.fullmatch(BBOX_PATTERN, value) is None:
        raise Invalid(
            "query",
            "bbox",
            "must be min_lon,min_lat,max_lon,max_lat with longitudes in [-180, 180] and "
            "latitudes in [-90, 90]",
        )
    min_lon, min_lat, max_lon, max_lat = (float(p) for p in value.split(","))
    return ((min_lon, min_lat), (max_lon, max_lat))
