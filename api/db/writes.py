"""Typed writes outside ingest."""

from __future__ import annotations

import asyncpg

from api.db.rows import execute, fetch_record
from api.db.sql import query


async def delete_article(pool: asyncpg.Pool[asyncpg.Record], article_id: str) -> bool:
    """Delete the article, what was extracted from it, and actors no other article involves."""
    async with pool.acquire() as conn, conn.transaction():
        involved = [r["actor_id"] for r in await conn.fetch(query("article_actor_ids"), article_id)]
        if await fetch_record(conn, "delete_article", article_id) is None:
            return False
        await execute(conn, "delete_orphan_actors", involved)
    return True
