"""Many clients at once: one article posted 50 times is stored once; 200 different articles
posted at once are all stored, each with everything extracted from it."""

from __future__ import annotations

import asyncio

import asyncpg
import httpx

from api.extract import Extractor
from api.http.app import create_app
from api.settings import Settings
from tests.fixtures import TRUNCATE, WIRE_REPORT, article
from tests.integration.conftest import running
from tests.support import transport


async def test_fifty_identical_posts_store_one_article(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    responses = await asyncio.gather(
        *(client.post("/v1/articles", json=WIRE_REPORT) for _ in range(50))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 49 + [201]
    assert len({r.json()["id"] for r in responses}) == 1
    assert await pool.fetchval("SELECT count(*) FROM articles") == 1
    assert await pool.fetchval("SELECT count(*) FROM quotes") == len(responses[0].json()["quotes"])


async def test_two_hundred_distinct_posts_store_two_hundred_complete_articles(
    database_url: str, extractor: Extractor, admin_key: str
) -> None:
    settings = Settings(
        database_url=database_url, rate_limit_per_minute=0, max_pending_extractions=256
    )
    application = create_app(settings, extractor=extractor)
    async with running(application):
        pool = application.state.resources.pool
        await pool.execute(TRUNCATE)
        asgi = transport(application)
        headers = {"Authorization": f"Bearer {admin_key}"}
        async with httpx.AsyncClient(
            transport=asgi, base_url="http://t", headers=headers, timeout=120
        ) as client:
            bodies = [
                article(
                    WIRE_REPORT,
                    url=f"https://news.example/wire/{n}",
                    body=WIRE_REPORT["body"] + f"\nUpdate number {n}.",
                )
                for n in range(200)
            ]
            responses = await asyncio.gather(*(client.post("/v1/articles", json=b) for b in bodies))
        assert [r.status_code for r in responses] == [201] * 200
        assert await pool.fetchval("SELECT count(*) FROM articles") == 200
        per_article = await pool.fetch(
            "SELECT a.id, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,"
            " (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims,"
            " (SELECT count(*) FROM article_actors x WHERE x.article_id = a.id) AS actors"
            " FROM articles a"
        )
        first = responses[0].json()
        expected = (len(first["quotes"]), len(first["claims"]), len(first["actors"]))
        assert {(r["quotes"], r["claims"], r["actors"]) for r in per_article} == {expected}
        await pool.execute(TRUNCATE)
