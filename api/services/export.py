"""`gazette export`: a whole list, with the API's filters, as NDJSON, CSV or GeoJSON.

The rows are exactly what the API's list returns (the same read functions, filters and
validation), read a page at a time from one snapshot and written as they come: memory stays
flat however large the export.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager
from typing import Annotated, Any, BinaryIO, Literal, get_args, get_origin

import asyncpg
import msgspec

from api.db import reads
from api.db.reads import FetchPage, ListRead, pages
from api.errors import Invalid
from api.filters import (
    ActorFilters,
    ArticleFilters,
    ClaimFilters,
    Filters,
    PlaceFilters,
    QuoteFilters,
    filter_names,
    parse_filters,
)
from api.sorting import DEFAULT, SORTS, Sort, effective

Entity = Literal["quotes", "actors", "claims", "articles", "places"]
Format = Literal["ndjson", "csv", "geojson"]
ENTITIES: tuple[Entity, ...] = ("quotes", "actors", "claims", "articles", "places")
FORMATS: tuple[Format, ...] = ("ndjson", "csv", "geojson")
# the lists whose rows have a point (lat, lon) to put on a map
GEOGRAPHIC = frozenset({"claims", "places"})
PAGE = 1000
# Each list: its filters (the API's query parameters, `gazette export`'s options) and how
# it is read.
LISTS: dict[Entity, tuple[type[Filters], ListRead[Any]]] = {
    "quotes": (QuoteFilters, reads.QUOTES),
    "actors": (ActorFilters, reads.ACTORS),
    "claims": (ClaimFilters, reads.CLAIMS),
    "articles": (ArticleFilters, reads.ARTICLES),
    "places": (PlaceFilters, reads.PLACES),
}
FILTERS: dict[Entity, tuple[str, ...]] = {
    entity: filter_names(kind) for entity, (kind, _) in LISTS.items()
}

_encoder = msgspec.json.Encoder()


def list_of(entity: Entity, filters: dict[str, str], sort: Sort = DEFAULT) -> FetchPage[Any]:
    """The list's page function with these filters, given as text (names as the API's query
    parameters), each checked as the API checks it (`Invalid` names the bad one), in the
    order `sort`."""
    kind, how = LISTS[entity]
    if sort not in SORTS[entity]:
        raise Invalid("query", "sort", f"{entity} sort by one of {', '.join(SORTS[entity])}")
    return pages(how, parse_filters(kind, filters), effective(sort, filters.get("q")))


async def export(
    pool: asyncpg.Pool[asyncpg.Record],
    entity: Entity,
    filters: dict[str, str],
    fmt: Format,
    output: Callable[[], AbstractContextManager[BinaryIO]],
    sort: Sort = DEFAULT,
) -> int:
    """Write every row of the filtered list to what `output()` opens; returns how many.

    The filters are checked (`Invalid` names the bad one) before `output` is opened, so a
    bad filter never empties an existing file; so is the first query (a database that is
    down or refuses a value fails before then too)."""
    fetch = list_of(entity, filters, sort)
    await fetch(pool, None, 1)
    writers = {"ndjson": write_ndjson, "csv": write_csv, "geojson": write_geojson}
    # closed however the writing ends (a reader that went away: BrokenPipeError), so its
    # snapshot transaction ends and its connection goes back to the pool at once
    async with contextlib.aclosing(reads.every_page(pool, fetch, None, PAGE)) as rows:
        with output() as out:
            return await writers[fmt](rows, out)


async def write_ndjson(pages: AsyncIterator[list[Any]], out: BinaryIO) -> int:
    count = 0
    async for rows in pages:
        out.write(_encoder.encode_lines(rows))
        count += len(rows)
    return count


def columns(row_type: type[msgspec.Struct], prefix: str = "") -> list[str]:
    """CSV columns of a row type: its fields, a nested Struct's as `field.inner`."""
    names: list[str] = []
    for field in msgspec.structs.fields(row_type):
        name = prefix + field.encode_name
        nested = [t for t in _members(field.type) if isinstance(t, type) and issubclass(
            t, msgspec.Struct)]  # fmt: skip
        names += columns(nested[0], name + ".") if nested else [name]
    return names


def _members(annotation: Any) -> tuple[Any, ...]:
    """The types an annotation allows: `ActorRef | None` → (ActorRef, None)."""
    if get_origin(annotation) is Annotated:
        return _members(get_args(annotation)[0])
    return get_args(annotation) or (annotation,)


def flatten(row: Any) -> dict[str, Any]:
    """A row as one level of columns: `speaker.name`; lists as JSON text."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else key, inner)
        elif isinstance(value, list):
            flat[prefix] = _encoder.encode(value).decode()
        else:
            flat[prefix] = value

    walk("", msgspec.to_builtins(row))
    return flat


# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, tab, CR
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that starts like a formula gets a leading `'`, which spreadsheets show as
    text: a quote or an actor's name from an article must never run in a newsroom's Excel.
    Numbers (a longitude of -3.7) are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


async def write_csv(pages: AsyncIterator[list[Any]], out: BinaryIO) -> int:
    """CSV with a header of the row type's columns; a null nested ref leaves its empty; text
    cells that would run as formulas are defused (spreadsheet_safe)."""
    count = 0
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer: csv.DictWriter[str] | None = None
    try:
        async for rows in pages:
            for row in rows:
                flat = flatten(row)
                if writer is None:
                    writer = csv.DictWriter(
                        text, fieldnames=columns(type(row)), extrasaction="ignore"
                    )
                    writer.writeheader()
                writer.writerow({k: spreadsheet_safe(v) for k, v in flat.items()})
            count += len(rows)
    finally:
        text.detach()  # leave `out` open for the caller
    return count


async def write_geojson(pages: AsyncIterator[list[Any]], out: BinaryIO) -> int:
    """One RFC 7946 FeatureCollection, written feature by feature."""
    count = 0
    out.write(b'{"type":"FeatureCollection","features":[')
    async for rows in pages:
        for row in rows:
            geometry = (
                None
                if row.lat is None or row.lon is None
                else {"type": "Point", "coordinates": [row.lon, row.lat]}
            )
            feature = {"type": "Feature", "id": row.id, "geometry": geometry, "properties": row}
            out.write((b"," if count else b"") + _encoder.encode(feature))
            count += 1
    out.write(b"]}\n")
    return count
