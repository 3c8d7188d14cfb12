"""`gazette export`: a whole list, with the API's filters, as NDJSON, CSV or GeoJSON.

The rows are exactly what the API's list returns (the same read functions, filters and
validation), read a page at a time from one snapshot and written as they come: memory stays
flat however large the export.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractContextManager
from typing import Annotated, Any, BinaryIO, Literal, get_args, get_origin

import asyncpg
import msgspec

from api.db import reads
from api.db.reads import FetchPage, Slice
from api.db.rows import Db
from api.errors import Invalid
from api.extract.types import ActorKind, ClaimType, Modality, QuoteKind, Stance
from api.filters import clean_text, parse_bbox, time_range
from api.ids import id_pattern

Entity = Literal["quotes", "actors", "claims", "articles", "places"]
Format = Literal["ndjson", "csv", "geojson"]
ENTITIES: tuple[Entity, ...] = ("quotes", "actors", "claims", "articles", "places")
FORMATS: tuple[Format, ...] = ("ndjson", "csv", "geojson")
# the lists whose rows have a point (lat, lon) to put on a map
GEOGRAPHIC = frozenset({"claims", "places"})
PAGE = 1000
# The API's query parameters of each list, which `gazette export` takes as options.
FILTERS: dict[Entity, tuple[str, ...]] = {
    "quotes": ("speaker", "article", "q", "kind", "published_after", "published_before"),
    "actors": ("q", "kind"),
    "claims": ("place", "controller", "claimant", "stance", "type", "modality", "bbox",
               "published_after", "published_before"),
    "articles": ("q", "source", "actor", "place", "published_after", "published_before"),
    "places": ("q", "country", "bbox"),
}  # fmt: skip

_encoder = msgspec.json.Encoder()


def checked_id(kind: str, name: str, value: str | None) -> str | None:
    """An id filter, checked like the API's query parameter (an ApiError naming it)."""
    if value is not None and re.fullmatch(id_pattern(kind), value) is None:
        raise Invalid("query", name, f"must be an id of an {kind} ({kind[:3]}_…)")
    return value


def checked_choice(name: str, value: str | None, allowed: Any) -> str | None:
    """An enumerated filter (`kind`, `stance`…), checked against the contract's values."""
    if value is not None and value not in get_args(allowed):
        raise Invalid("query", name, f"must be one of {', '.join(get_args(allowed))}")
    return value


def list_of(entity: Entity, filters: dict[str, Any]) -> FetchPage[Any]:
    """The list's page function with these filters (names as the API's query parameters)."""
    get: Callable[[str], Any] = filters.get
    kind = checked_choice("kind", get("kind"), QuoteKind if entity == "quotes" else ActorKind)
    stance = checked_choice("stance", get("stance"), Stance)
    type_ = checked_choice("type", get("type"), ClaimType)
    modality = checked_choice("modality", get("modality"), Modality)
    if get("country") is not None and re.fullmatch(r"[A-Z]{2}", get("country")) is None:
        raise Invalid("query", "country", "must be an ISO 3166-1 alpha-2 code, e.g. UA")
    after, before = time_range(get("published_after"), get("published_before"))

    def quotes(db: Db, position: str | None, size: int) -> Any:
        return reads.list_quotes(
            db, speaker=checked_id("actor", "speaker", get("speaker")),
            article=checked_id("article", "article", get("article")), q=clean_text("q", get("q")),
            kind=kind, published_after=after, published_before=before, after=position,
            limit=size,
        )  # fmt: skip

    def actors(db: Db, position: str | None, size: int) -> Any:
        return reads.list_actors(
            db, q=clean_text("q", get("q")), kind=kind, after=position, limit=size
        )

    def claims(db: Db, position: str | None, size: int) -> Any:
        return reads.list_claims(
            db, place=checked_id("place", "place", get("place")),
            controller=checked_id("actor", "controller", get("controller")),
            claimant=checked_id("actor", "claimant", get("claimant")), stance=stance,
            type_=type_, modality=modality, bbox=parse_bbox(get("bbox")),
            published_after=after, published_before=before, after=position, limit=size,
        )  # fmt: skip

    def articles(db: Db, position: str | None, size: int) -> Any:
        return reads.list_articles(
            db, q=clean_text("q", get("q")), source=clean_text("source", get("source")),
            actor=checked_id("actor", "actor", get("actor")),
            place=checked_id("place", "place", get("place")), published_after=after,
            published_before=before, after=position, limit=size,
        )  # fmt: skip

    def places(db: Db, position: str | None, size: int) -> Any:
        return reads.list_places(
            db, q=clean_text("q", get("q")), country=get("country"),
            bbox=parse_bbox(get("bbox")), after=position, limit=size,
        )  # fmt: skip

    fetchers: dict[Entity, Callable[[Db, str | None, int], Any]] = {
        "quotes": quotes, "actors": actors, "claims": claims, "articles": articles,
        "places": places,
    }  # fmt: skip
    return fetchers[entity]


async def export(
    pool: asyncpg.Pool[asyncpg.Record],
    entity: Entity,
    filters: dict[str, Any],
    fmt: Format,
    output: Callable[[], AbstractContextManager[BinaryIO]],
) -> int:
    """Write every row of the filtered list to what `output()` opens; returns how many.

    The filters are checked (an ApiError naming the bad one) before `output` is opened, so
    a bad filter never empties an existing file."""
    fetch = list_of(entity, filters)
    first: Slice[Any] = await fetch(pool, None, 1)  # runs the checks the first page runs
    del first
    rows = reads.every_page(pool, fetch, None, PAGE)
    writers = {"ndjson": write_ndjson, "csv": write_csv, "geojson": write_geojson}
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
