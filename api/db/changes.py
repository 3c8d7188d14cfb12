"""Reading the changes log (sql/migrations/008_changes.sql): a page of entries after a
position, and where the next page starts."""

from __future__ import annotations

from datetime import datetime

import asyncpg
import msgspec

from api.db.rows import fetch_all, fetch_record, fetch_value
from api.errors import Gone
from api.schemas import ChangeEntity, ChangeOp

# (xid, seq): the position of an entry in the log; (0, 0) is before every entry.
Position = tuple[int, int]
BEGINNING: Position = (0, 0)


class Entry(msgspec.Struct, frozen=True):
    xid: int
    seq: int
    entity: ChangeEntity
    id: str
    op: ChangeOp
    merged_into: str | None
    at: datetime

    @property
    def position(self) -> Position:
        return self.xid, self.seq


class Feed(msgspec.Struct, frozen=True):
    """Entries after a position, whether more are waiting, and where to resume."""

    entries: list[Entry]
    has_more: bool
    resume_at: Position


async def read_changes(
    pool: asyncpg.Pool[asyncpg.Record], after: Position, entity: str | None, limit: int
) -> Feed:
    """Up to `limit` entries after `after`, of `entity` only when given.

    One snapshot for every query: the horizon must not see an entry the page did not. When
    the page is not full, every visible entry up to the horizon was examined, so the next
    read may start there (with an entity filter, that skips entries of other entities too).
    A position at or past the next transaction id was not handed out by this log (transaction
    ids never go back within a cluster): 410.
    """
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        if after[0] >= await fetch_value(conn, "changes_xmax"):
            raise Gone(
                "this position is not from this server's changes log: sync again from the "
                "beginning (omit `since`)",
            )
        rows = await fetch_all(
            conn, "list_changes", Entry, xid=after[0], seq=after[1], entity=entity, limit=limit + 1
        )
        if len(rows) > limit:
            return Feed(entries=rows[:limit], has_more=True, resume_at=rows[limit - 1].position)
        horizon = await fetch_record(conn, "changes_horizon")
    newest = BEGINNING if horizon is None else (int(horizon["xid"]), int(horizon["seq"]))
    return Feed(entries=rows, has_more=False, resume_at=max(after, newest))
