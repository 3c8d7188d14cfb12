"""Extraction runs in child processes: an article past the time or memory limit fails alone
(422, nothing stored) and the next one is extracted by a fresh process; each key has a
budget of article characters per minute."""

from __future__ import annotations

import asyncio
import time

import asyncpg
import pytest

from api.extract import Extractor
from api.http.problems import ApiError
from api.http.quota import IngestQuota
from api.settings import Settings
from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article
from tests.integration.conftest import client_for
from tests.support import bearer

# spaCy makes a token of each punctuation mark and parses slowly; 60,000 of them take
# about 30 s on the development machine, far past the 2 s limit below
PUNCTUATION = "!?.,;:" * 10_000
# articles of this module's own: its apps share the session's database with other tests
SLOW = article(MARKET_REPORT, title="Punctuation only", url=None)
NORMAL = article(WIRE_REPORT, url=None, body=WIRE_REPORT["body"] + " The sandbox test.")


async def test_an_article_past_the_time_limit_fails_alone(
    database_url: str, admin_key: str, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    settings = Settings(database_url=database_url, rate_limit_per_minute=0, extract_timeout_s=2)
    async with client_for(settings, None, bearer(admin_key), request_timeout=120) as client:
        started = time.monotonic()
        slow = asyncio.create_task(
            client.post("/v1/articles", json=article(SLOW, body=PUNCTUATION))
        )
        await asyncio.sleep(0.2)  # the normal article queues behind the slow one
        normal = await client.post("/v1/articles", json=NORMAL)
        refused = await slow
        assert refused.status_code == 422, refused.text
        assert "longer than 2 s" in refused.json()["detail"]
        assert normal.status_code == 201, normal.text
        assert time.monotonic() - started < 60, "the normal article waited for the slow one"
    assert await pool.fetchval("SELECT count(*) FROM articles WHERE title = $1",
                               SLOW["title"]) == 0  # fmt: skip


async def test_an_article_past_the_memory_limit_fails_alone(
    database_url: str, admin_key: str
) -> None:
    settings = Settings(database_url=database_url, rate_limit_per_minute=0, extract_memory_mb=1)
    async with client_for(settings, None, bearer(admin_key), request_timeout=120) as client:
        body = " ".join([WIRE_REPORT["body"]] * 20)
        body = "Memory test. " + body  # not stored before: it must be extracted
        refused = await client.post("/v1/articles", json=article(WIRE_REPORT, body=body, url=None))
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["name"] == "body"
        # the next article gets a fresh process (which fails the same way at 1 MB)
        again = await client.post(
            "/v1/articles", json=article(WIRE_REPORT, body=body + " Again.", url=None)
        )
        assert again.status_code == 422, again.text


def test_the_ingest_quota_counts_characters_per_key_and_minute() -> None:
    quota = IngestQuota(chars_per_minute=1_000)
    quota.spend("key-a", 600, now=60.0)
    quota.spend("key-b", 900, now=61.0)  # another key has its own budget
    with pytest.raises(ApiError) as refused:
        quota.spend("key-a", 500, now=70.0)
    assert refused.value.status == 429
    assert refused.value.headers["Retry-After"] == "51"
    quota.spend("key-a", 1_000, now=120.0)  # the next minute starts afresh
    IngestQuota(chars_per_minute=0).spend("key-a", 10**9)  # 0: no quota


async def test_posting_past_the_quota_answers_429(
    database_url: str, extractor: Extractor, admin_key: str
) -> None:
    settings = Settings(
        database_url=database_url, rate_limit_per_minute=0, ingest_chars_per_minute=1_000
    )
    async with client_for(settings, extractor, bearer(admin_key)) as client:
        body = "The minister said the harvest was good. " * 20  # 800 characters
        first = await client.post("/v1/articles", json=article(MARKET_REPORT, body=body, url=None))
        assert first.status_code in (200, 201), first.text
        second = await client.post(
            "/v1/articles", json=article(MARKET_REPORT, body=body + "Again.", url=None)
        )
        assert second.status_code == 429, second.text
        assert int(second.headers["retry-after"]) >= 1
