"""API keys, scopes, reads that need a key, rate limits and CORS."""

from __future__ import annotations

import asyncio
import contextlib

import asyncpg
import httpx
import pytest
from litestar import Litestar
from litestar.stores.memory import MemoryStore

from api.db import keys
from api.extract import Extractor
from api.http.app import create_app
from api.http.auth import KeyCache
from api.http.limits import STORE, sweep_expired
from api.http.openapi import generate_openapi
from api.settings import Settings
from tests.fixtures import MARKET_REPORT
from tests.integration.conftest import client_for, running
from tests.support import bearer, transport


async def test_writes_need_a_key_with_the_scope(client: httpx.AsyncClient, read_key: str) -> None:
    anonymous = await client.post("/v1/articles", json=MARKET_REPORT, headers={"Authorization": ""})
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == "Bearer"
    assert anonymous.headers["content-type"] == "application/problem+json"
    reader = await client.post("/v1/articles", json=MARKET_REPORT, headers=bearer(read_key))
    assert reader.status_code == 403
    assert (await client.post("/v1/articles", json=MARKET_REPORT)).status_code == 201  # admin


async def test_deletes_and_merges_need_admin(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    created = (await client.post("/v1/articles", json=MARKET_REPORT)).json()
    _, writer = await keys.create_key(pool, "writer", ["write"])
    denied = await client.delete(f"/v1/articles/{created['id']}", headers=bearer(writer))
    assert denied.status_code == 403
    actor = created["actors"][0]["id"]
    merge = await client.post(
        f"/v1/actors/{actor}/merge",
        json={"curator": "x", "absorb": actor},
        headers=bearer(writer),
    )
    assert merge.status_code == 403
    assert (await client.delete(f"/v1/articles/{created['id']}")).status_code == 204


async def test_reads_are_open_but_a_sent_key_must_be_valid(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    assert (await client.get("/v1/quotes", headers={"Authorization": ""})).status_code == 200
    unknown = await client.get("/v1/quotes", headers=bearer("gz_not-a-key"))
    assert unknown.status_code == 401
    malformed = await client.get("/v1/quotes", headers={"Authorization": "Basic abc"})
    assert malformed.status_code == 401


async def test_a_revoked_key_stops_working_when_its_cache_entry_expires(
    app: Litestar,
    client: httpx.AsyncClient,
    pool: asyncpg.Pool[asyncpg.Record],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Valid keys are remembered for GAZETTE_KEY_CACHE_S (no lookup per request): a revoked
    key answers until its entry is that old, then 401. The cache's clock is the test's."""
    cache: KeyCache = app.state.key_cache
    now = [1_000.0]
    monkeypatch.setattr(cache, "clock", lambda: now[0])
    key_id, secret = await keys.create_key(pool, "soon revoked", ["read"])
    assert (await client.get("/v1/quotes", headers=bearer(secret))).status_code == 200
    assert await keys.revoke_key(pool, key_id)
    now[0] += cache.ttl_s / 2
    assert (await client.get("/v1/quotes", headers=bearer(secret))).status_code == 200
    now[0] += cache.ttl_s / 2
    refused = await client.get("/v1/quotes", headers=bearer(secret))
    assert refused.status_code == 401, refused.text
    now[0] += cache.ttl_s  # a refused key is not remembered: still refused, from the database
    assert (await client.get("/v1/quotes", headers=bearer(secret))).status_code == 401


async def test_a_key_cache_of_zero_looks_every_key_up(
    database_url: str, extractor: Extractor, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    settings = Settings(database_url=database_url, rate_limit_per_minute=0, key_cache_s=0)
    key_id, secret = await keys.create_key(pool, "revoked at once", ["read"])
    async with client_for(settings, extractor) as client:
        assert (await client.get("/v1/quotes", headers=bearer(secret))).status_code == 200
        assert await keys.revoke_key(pool, key_id)
        assert (await client.get("/v1/quotes", headers=bearer(secret))).status_code == 401


async def test_reads_can_require_a_key(
    database_url: str, extractor: Extractor, read_key: str
) -> None:
    settings = Settings(
        database_url=database_url, require_key_for_reads=True, rate_limit_per_minute=0
    )
    async with client_for(settings, extractor) as client:
        assert (await client.get("/v1/quotes")).status_code == 401
        assert (await client.get("/v1/quotes", headers=bearer(read_key))).status_code == 200
        assert (await client.get("/healthz")).status_code == 200  # probes stay open


async def test_rate_limit_answers_429_with_retry_after(
    database_url: str, extractor: Extractor, read_key: str
) -> None:
    settings = Settings(database_url=database_url, rate_limit_per_minute=3)
    async with client_for(settings, extractor) as client:
        statuses = [(await client.get("/v1/places")).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        limited = await client.get("/v1/places")
        assert limited.headers["content-type"] == "application/problem+json"
        assert int(limited.headers["retry-after"]) > 0
        assert limited.headers["ratelimit-limit"]
        # a key has a budget of its own, apart from the address's
        assert (await client.get("/v1/places", headers=bearer(read_key))).status_code == 200
        assert (await client.get("/healthz")).status_code == 200  # probes are not metered


@pytest.mark.parametrize("origin", ["https://newsroom.example", "https://evil.example"])
async def test_cors_only_for_configured_origins(
    database_url: str, extractor: Extractor, origin: str
) -> None:
    settings = Settings(
        database_url=database_url,
        rate_limit_per_minute=0,
        cors_origins=("https://newsroom.example",),
    )
    async with client_for(settings, extractor) as client:
        preflight = await client.options(
            "/v1/articles",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization,content-type",
            },
        )
        allowed = preflight.headers.get("access-control-allow-origin")
        if origin == "https://newsroom.example":
            assert allowed == origin
        else:
            assert allowed is None


async def test_a_query_string_over_the_limit_is_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles", params={"q": "x" * 5000})
    assert response.status_code == 400
    assert response.json()["errors"][0]["name"] == "query string"
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"]


async def test_no_free_connection_answers_503_instead_of_queueing(
    database_url: str, extractor: Extractor
) -> None:
    settings = Settings(
        database_url=database_url,
        rate_limit_per_minute=0,
        pool_min_size=1,
        pool_max_size=1,
        pool_acquire_timeout_s=0.2,
    )
    application = create_app(settings, extractor=extractor)
    async with running(application):
        pool = application.state.resources.pool
        asgi = transport(application)
        async with httpx.AsyncClient(transport=asgi, base_url="http://t") as client:
            async with pool.acquire():  # the only connection is busy
                busy = await client.get("/v1/quotes")
            assert busy.status_code == 503
            assert busy.headers["retry-after"]
            assert (await client.get("/v1/quotes")).status_code == 200


async def test_rotating_made_up_keys_are_limited_by_address_and_leave_no_trace(
    database_url: str, extractor: Extractor, read_key: str
) -> None:
    """Before: each made-up key had a budget of its own (never limited) and left an entry in
    the limit store that was never evicted."""
    settings = Settings(database_url=database_url, rate_limit_per_minute=50)
    async with client_for(settings, extractor) as client:
        assert (await client.get("/v1/places", headers=bearer(read_key))).status_code == 200
        statuses = [
            (await client.get("/v1/places", headers=bearer(f"gz_made_up_{n}"))).status_code
            for n in range(1_000)
        ]
        assert statuses.count(401) == 49 and statuses.count(429) == 951, set(statuses)
        store = client._transport.app.stores.get(STORE)  # type: ignore[attr-defined]
        assert isinstance(store, MemoryStore)
        assert len(store._store) <= 2, len(store._store)
        # a key verified before keeps its own budget; made-up keys spent the address's
        # unverified one (a valid key's very first request from there would wait for it too)
        assert (await client.get("/v1/places", headers=bearer(read_key))).status_code == 200
        assert (await client.get("/v1/places")).status_code == 200  # nor are anonymous reads


async def test_expired_limit_windows_are_swept() -> None:
    store = MemoryStore()
    await store.set("addr:gone", b"{}", expires_in=1)
    await store.set("addr:kept", b"{}", expires_in=600)
    sweeping = asyncio.create_task(sweep_expired(store, every_s=0.05))
    try:

        async def swept() -> bool:
            return "addr:gone" not in store._store

        for _ in range(60):
            if await swept():
                break
            await asyncio.sleep(0.05)
        assert await swept() and "addr:kept" in store._store
    finally:
        sweeping.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sweeping


async def test_the_headers_the_spec_documents_are_sent(
    database_url: str, extractor: Extractor
) -> None:
    """X-Request-ID on every answer, RateLimit-* on the metered ones, Retry-After on a 429:
    as openapi/openapi.json says of each response (api/http/operations.py)."""
    spec = generate_openapi()
    settings = Settings(database_url=database_url, rate_limit_per_minute=2)
    async with client_for(settings, extractor) as client:
        answers = [
            ("/v1/places", "get", await client.get("/v1/places")),
            ("/v1/places", "get", await client.get("/v1/places?limit=0")),
            ("/v1/places", "get", await client.get("/v1/places")),
            ("/healthz", "get", await client.get("/healthz")),
            ("/problems", "get", await client.get("/problems")),
        ]
    assert [r.status_code for _, _, r in answers] == [200, 400, 429, 200, 200]
    for path, method, response in answers:
        documented = spec["paths"][path][method]["responses"][str(response.status_code)]
        # Link: not on a last page; the lag: only from a replica
        names = set(documented["headers"]) - {"ETag", "Link", "Gazette-Replica-Lag"}
        assert "X-Request-ID" in names
        missing = {n for n in names if n.lower() not in response.headers}
        assert not missing, (path, response.status_code, missing)
