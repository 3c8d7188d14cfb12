"""Idempotency-Key: a repeat gets the first response; another request with the key is 422."""

from __future__ import annotations

import asyncpg
import httpx

from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article


async def test_a_repeat_gets_the_first_response(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    headers = {"Idempotency-Key": "import-2025-11-20-0001"}
    first = await client.post("/v1/articles", json=MARKET_REPORT, headers=headers)
    assert first.status_code == 201
    # the article is deleted meanwhile: a replay still answers what the first call answered
    await client.delete(f"/v1/articles/{first.json()['id']}")
    again = await client.post("/v1/articles", json=MARKET_REPORT, headers=headers)
    assert again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert again.headers["location"] == first.headers["location"]
    assert await pool.fetchval("SELECT count(*) FROM articles") == 0  # nothing ran twice


async def test_the_same_key_with_another_request_is_422(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": "one-key"}
    assert (
        await client.post("/v1/articles", json=MARKET_REPORT, headers=headers)
    ).status_code == 201
    other = await client.post("/v1/articles", json=WIRE_REPORT, headers=headers)
    assert other.status_code == 422
    assert "Idempotency-Key" in other.json()["detail"]


async def test_a_failed_first_request_releases_its_key(client: httpx.AsyncClient) -> None:
    headers = {"Idempotency-Key": "retry-me"}
    body = article(MARKET_REPORT, body="x" * 10)
    merge = await client.post(
        "/v1/actors/act_00000000000000000000000000/merge",
        json={"curator": "c", "absorb": "act_00000000000000000000000001"},
        headers=headers,
    )
    assert merge.status_code == 404
    # the key was not spent on the failure: a request with it now runs (and may differ)
    assert (await client.post("/v1/articles", json=body, headers=headers)).status_code == 201


async def test_keys_of_different_api_keys_do_not_meet(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    from api.db import keys

    _, writer = await keys.create_key(pool, "second client", ["write"])
    headers = {"Idempotency-Key": "shared-name"}
    assert (
        await client.post("/v1/articles", json=MARKET_REPORT, headers=headers)
    ).status_code == 201
    theirs = await client.post(
        "/v1/articles",
        json=WIRE_REPORT,
        headers={**headers, "Authorization": f"Bearer {writer}"},
    )
    assert theirs.status_code == 201


async def test_a_claim_left_by_a_crash_is_taken_over_after_its_lease(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    """Before: a request that died between claiming its key and answering (a killed process,
    a database outage while releasing it) left every retry a 409 for 24 hours."""
    headers = {"Idempotency-Key": "crashed"}
    running = await client.post("/v1/articles", json=MARKET_REPORT, headers=headers)
    assert running.status_code == 201
    # the state a crash leaves: the claim, no response, nothing stored
    await pool.execute(
        "UPDATE idempotency_keys SET status = NULL, response = NULL WHERE key = 'crashed'"
    )
    await client.delete(f"/v1/articles/{running.json()['id']}")
    within_lease = await client.post("/v1/articles", json=MARKET_REPORT, headers=headers)
    assert within_lease.status_code == 409  # it may still be running: wait
    await pool.execute(
        "UPDATE idempotency_keys SET lease_until = now() - interval '1 second' "
        "WHERE key = 'crashed'"
    )
    retried = await client.post("/v1/articles", json=MARKET_REPORT, headers=headers)
    assert retried.status_code == 201, retried.text
    again = await client.post("/v1/articles", json=MARKET_REPORT, headers=headers)
    assert again.headers["idempotent-replayed"] == "true"
    assert await pool.fetchval("SELECT count(*) FROM articles") == 1
