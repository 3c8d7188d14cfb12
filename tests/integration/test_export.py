"""`gazette export`: the API's lists, with its filters, as NDJSON, CSV and GeoJSON."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import os
import subprocess
import sys
from typing import Any

import asyncpg
import httpx
import msgspec
import pytest

from api.errors import Invalid
from api.services.export import export
from api.settings import REPO_ROOT
from tests.fixtures import MARKET_REPORT, WIRE_REPORT
from tests.integration.conftest import ingest


@pytest.fixture
async def stored(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    return [await ingest(client, WIRE_REPORT), await ingest(client, MARKET_REPORT)]


async def exported(
    pool: asyncpg.Pool[asyncpg.Record], entity: Any, fmt: Any, **filters: str
) -> bytes:
    out = io.BytesIO()
    count = await export(pool, entity, filters, fmt, lambda: contextlib.nullcontext(out))
    assert count >= 0
    return out.getvalue()


@pytest.mark.parametrize("entity", ["quotes", "actors", "claims", "articles", "places"])
async def test_ndjson_is_the_api_list(
    client: httpx.AsyncClient,
    pool: asyncpg.Pool[asyncpg.Record],
    stored: list[dict[str, Any]],
    entity: str,
) -> None:
    lines = (await exported(pool, entity, "ndjson")).decode().splitlines()
    api = (await client.get(f"/v1/{entity}", params={"limit": 200})).json()["data"]
    assert [msgspec.json.decode(line) for line in lines] == api


async def test_filters_are_the_api_filters(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], stored: list[dict[str, Any]]
) -> None:
    sorokin = next(a for a in stored[0]["actors"] if a["name"] == "Ivan Sorokin")
    lines = (await exported(pool, "quotes", "ndjson", speaker=sorokin["id"])).splitlines()
    api = (await client.get("/v1/quotes", params={"speaker": sorokin["id"]})).json()["data"]
    assert len(lines) == len(api) > 0
    denied = await exported(pool, "claims", "ndjson", stance="denied")
    assert {msgspec.json.decode(line)["stance"] for line in denied.splitlines()} == {"denied"}
    with pytest.raises(Invalid) as bad:
        await exported(pool, "quotes", "ndjson", speaker="nobody")
    assert bad.value.name == "speaker"


async def test_csv_has_a_column_per_field_and_nested_ref(
    pool: asyncpg.Pool[asyncpg.Record], stored: list[dict[str, Any]]
) -> None:
    rows = list(csv.DictReader(io.StringIO((await exported(pool, "quotes", "csv")).decode())))
    quotes = [q for article in stored for q in article["quotes"]]
    assert len(rows) == len(quotes)
    assert {"id", "text", "speaker.id", "speaker.name", "start", "end"} <= set(rows[0])
    by_id = {q["id"]: q for q in quotes}
    for row in rows:
        quote = by_id[row["id"]]
        assert row["text"] == quote["text"]
        assert row["speaker.name"] == ((quote["speaker"] or {}).get("name") or "")


async def test_geojson_is_one_feature_collection(
    pool: asyncpg.Pool[asyncpg.Record], stored: list[dict[str, Any]]
) -> None:
    collection = msgspec.json.decode(await exported(pool, "claims", "geojson"))
    claims = stored[0]["claims"]
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} == {c["id"] for c in claims}
    located = [f for f in collection["features"] if f["geometry"]]
    assert located and all(len(f["geometry"]["coordinates"]) == 2 for f in located)


def test_the_command_names_a_wrong_option_and_exits_2(database_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    for args, message in [
        (["quotes", "--bbox", "1,2,3,4"], "--bbox does not filter quotes"),
        (["quotes", "--format", "geojson"], "geojson is for claims, places"),
        (["claims", "--stance", "maybe"], "--stance: must be one of asserted, denied"),
    ]:
        done = subprocess.run(
            [sys.executable, "-m", "api", "export", *args],
            cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert message in done.stderr
        assert "Traceback" not in done.stderr


async def test_a_reader_that_goes_away_ends_the_export_at_once(
    pool: asyncpg.Pool[asyncpg.Record], stored: list[dict[str, Any]], database_url: str
) -> None:
    """`gazette export … | head`: the export stops at its first write to the closed pipe,
    exits 141 without a traceback, and leaves no transaction open behind it."""
    env = {**os.environ, "DATABASE_URL": database_url}
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first row is written
    export_command = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "api", "export", "quotes",
        cwd=REPO_ROOT, env=env, stdout=writer, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    os.close(writer)
    _, errors = await asyncio.wait_for(export_command.communicate(), timeout=120)
    assert export_command.returncode == 141
    assert b"Traceback" not in errors
    left_open = await pool.fetchval(
        "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' "
        "AND pid <> pg_backend_pid()"
    )
    assert left_open == 0


async def test_ingest_through_the_api_counts_new_repeated_and_refused(
    app: Any, admin_key: str, read_key: str, client: httpx.AsyncClient
) -> None:
    from api.services.bulk import ingest_remote
    from api.services.sources import Item, article_from

    items: list[Item] = [
        article_from("a", WIRE_REPORT),
        article_from("b", MARKET_REPORT),
        article_from("c", WIRE_REPORT),  # the same url again
        article_from("d", {**MARKET_REPORT, "url": "https://x.example/1", "body": " "}),
        Item("e", error="not JSON"),
    ]
    transport = httpx.ASGITransport(app=app)
    advanced: list[int] = []
    tally = await ingest_remote(
        "http://gazette.test", admin_key, items, concurrency=1, advance=advanced.append,
        transport=transport,
    )  # fmt: skip
    assert (tally.ingested, tally.duplicates) == (2, 1)
    # the server's warnings (the market report is short), item by item
    assert [(origin, code) for origin, code, _ in tally.warnings] == [("b", "tiny_body")]
    assert sorted(origin for origin, _ in tally.failures) == ["d", "e"]
    assert sum(advanced) == len(items)
    with pytest.raises(PermissionError):  # a read key cannot write: the run stops, exit 3
        await ingest_remote(
            "http://gazette.test", read_key, items[1:2], concurrency=1, advance=advanced.append,
            transport=transport,
        )  # fmt: skip
