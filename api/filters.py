"""What the lists filter on, and how a filter's value is read.

One Struct per list (`QuoteFilters`…): the route builds it from its query parameters (a
dependency), the read function passes its fields to the list's SQL as the named parameters
of the same names (api/db/reads.py), and `gazette export` takes its fields as options, read
from text by `parse_filters`. Tests check that the routes' parameters, the SQL's optional
parameters and these fields are the same names.

An enumeration filter takes several values (`kind=direct&kind=partial` in the API, a comma-
separated list in `gazette export`): a row matches any of them.

The parsers check what the OpenAPI schema alone cannot express (an RFC 3339 time with its
offset, a bounding box, text Postgres can compare) and raise `Invalid` naming the parameter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin, get_type_hints

import msgspec

from api.errors import Invalid
from api.extract.types import ActorKind, ClaimType, Modality, QuoteKind, Stance
from api.ids import PREFIXES, is_id

# A box of (lon, lat) corners, as Postgres takes it.
Box = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class IdOf:
    """Marks a filter whose value is the id of an entity of this kind."""

    kind: str


@dataclass(frozen=True)
class Code:
    """Marks a filter whose value is a code of this pattern (`what` says which, for errors)."""

    pattern: str
    what: str


ActorId = Annotated[str, IdOf("actor")]
ArticleId = Annotated[str, IdOf("article")]
PlaceId = Annotated[str, IdOf("place")]
Country = Annotated[str, Code(r"[A-Z]{2}", "an ISO 3166-1 alpha-2 code, e.g. UA")]


class Filters(msgspec.Struct, frozen=True, kw_only=True):
    """A list's filters; None means not filtered on."""


class QuoteFilters(Filters, frozen=True, kw_only=True):
    speaker: ActorId | None = None
    article: ArticleId | None = None
    q: str | None = None
    kind: tuple[QuoteKind, ...] | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None


class ActorFilters(Filters, frozen=True, kw_only=True):
    q: str | None = None
    kind: tuple[ActorKind, ...] | None = None


class ClaimFilters(Filters, frozen=True, kw_only=True):
    place: PlaceId | None = None
    controller: ActorId | None = None
    claimant: ActorId | None = None
    stance: tuple[Stance, ...] | None = None
    type: tuple[ClaimType, ...] | None = None
    modality: tuple[Modality, ...] | None = None
    bbox: Box | None = None
    wrong: bool | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None


class ArticleFilters(Filters, frozen=True, kw_only=True):
    q: str | None = None
    source: str | None = None
    actor: ActorId | None = None
    place: PlaceId | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None


class PlaceFilters(Filters, frozen=True, kw_only=True):
    q: str | None = None
    country: Country | None = None
    bbox: Box | None = None


F = TypeVar("F", bound=Filters)


def filter_names(kind: type[Filters]) -> tuple[str, ...]:
    return kind.__struct_fields__


def parse_filters(kind: type[F], given: Mapping[str, str]) -> F:
    """A list's filters from text (`gazette export`'s options), each checked as the API
    checks the query parameter of the same name; `Invalid` names the first bad one."""
    names = filter_names(kind)
    for name in given:
        if name not in names:
            raise Invalid("query", name, f"does not filter this list (it takes {', '.join(names)})")
    hints = get_type_hints(kind, include_extras=True)
    values = {name: _read(name, hints[name], text) for name, text in given.items()}
    after, before = time_range(given.get("published_after"), given.get("published_before"))
    if "published_after" in given:
        values["published_after"] = after
    if "published_before" in given:
        values["published_before"] = before
    return kind(**values)


def _read(name: str, hint: Any, text: str) -> Any:
    """One filter's value from text, by its declared type (`X | None`)."""
    (declared,) = [arg for arg in get_args(hint) if arg is not type(None)]
    if declared is datetime:
        return text  # read as a pair by time_range, in parse_filters
    if declared == Box:
        return parse_bbox(text)
    if declared is bool:
        if text not in ("true", "false"):
            raise Invalid("query", name, "must be true or false")
        return text == "true"
    if get_origin(declared) is tuple:  # several values of an enumeration: "direct,partial"
        (choices, _) = get_args(declared)
        return tuple(_one_of(name, choices, part.strip()) for part in text.split(","))
    if get_origin(declared) is Literal:
        return _one_of(name, declared, text)
    for mark in get_args(declared)[1:] if get_origin(declared) is Annotated else ():
        if isinstance(mark, IdOf) and not is_id(mark.kind, text):
            prefix = PREFIXES[mark.kind]
            raise Invalid("query", name, f"must be an id of an {mark.kind} ({prefix}_…)")
        if isinstance(mark, Code) and re.fullmatch(mark.pattern, text) is None:
            raise Invalid("query", name, f"must be {mark.what}")
    return clean_text(name, text)


def _one_of(name: str, choices: Any, text: str) -> str:
    if text not in get_args(choices):
        raise Invalid("query", name, f"must be one of {', '.join(get_args(choices))}")
    return text


S = TypeVar("S", bound=str)


def several(values: list[S] | None) -> tuple[S, ...] | None:
    """A repeated query parameter's values as a filter, each once (None: not given)."""
    return tuple(dict.fromkeys(values)) if values else None


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
