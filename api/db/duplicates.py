"""Near-duplicates of an article among those stored: the same story published again with a
line or two changed (exact copies never get this far: api.services.ingest finds them by url
and body hash)."""

from __future__ import annotations

from api.db.rows import Conn, fetch_records
from api.extract.fingerprint import MAX_BITS

# more than this many near-duplicates say nothing more than this many do
MAX_LISTED = 20


async def near_duplicates(conn: Conn, article_id: str, simhash: int) -> list[str]:
    """Ids of stored articles whose fingerprint is within MAX_BITS bits of `simhash`, oldest
    first, `article_id` itself left out; at most MAX_LISTED."""
    rows = await fetch_records(
        conn, "near_duplicate_articles", simhash=simhash, max_bits=MAX_BITS,
        article_id=article_id, limit=MAX_LISTED,
    )  # fmt: skip
    return [str(row["id"]) for row in rows]
