"""Forward-only migrations from sql/migrations/NNN_name.sql, then the read views of
sql/views.sql, applied under an advisory lock.

Several processes may start at once: the first takes the lock and migrates, the others wait
on the lock and then find nothing left to do. The views file holds the current definition of
every read view (one place to read them); it runs after the migrations whenever its text
differs from the text that last ran.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from pathlib import Path

from api.db.rows import Conn, execute, fetch_records, fetch_value
from api.db.sql import SQL_DIR

log = logging.getLogger("gazette.migrate")

# Any constant works; it only has to be the same in every Gazette process.
MIGRATION_LOCK_ID = 0x6A2E77E


# Versions held for a migration that is on a branch not merged yet, so that a later one can be
# written meanwhile: a gap there is expected. Once the reserved migration is here, discover()
# refuses to run until its entry is removed (and a database that ran the later one first
# simply applies it when it comes: migrations run in version order, skipping those done).
RESERVED: dict[int, str] = {16: "016_sort_orders.sql, on the read-path branch"}


class Migration:
    __slots__ = ("name", "path", "version")

    def __init__(self, version: int, name: str, path: Path) -> None:
        self.version = version
        self.name = name
        self.path = path


def discover(directory: Path = SQL_DIR / "migrations") -> list[Migration]:
    """Migrations in version order; a gap or a duplicate version is an error."""
    found: list[Migration] = []
    for path in sorted(directory.glob("*.sql")):
        match = re.fullmatch(r"(\d+)_(\w+)\.sql", path.name)
        if match is None:
            raise ValueError(f"migration file name must be NNN_name.sql: {path.name}")
        found.append(Migration(int(match[1]), match[2], path))
    if not found:
        raise ValueError(f"no migrations in {directory} (is sql/ next to the api package?)")
    versions = [m.version for m in found]
    if arrived := sorted(set(versions) & set(RESERVED)):
        raise ValueError(f"migrations {arrived} are here: remove them from RESERVED ({__name__})")
    expected = [v for v in range(1, versions[-1] + 1) if v not in RESERVED]
    if versions != expected:
        raise ValueError(f"migration versions must be 1..n without gaps: {versions}")
    return found


async def migrate(
    conn: Conn, directory: Path = SQL_DIR / "migrations", views: Path = SQL_DIR / "views.sql"
) -> list[int]:
    """Apply every pending migration, each in its own transaction, then the views if their
    file changed or a migration ran; return the migration versions applied."""
    applied: list[int] = []
    migrations = discover(directory)
    await execute(conn, "migration_lock", lock_id=MIGRATION_LOCK_ID)
    try:
        await execute(conn, "create_migrations_table")
        done = {r["version"] for r in await fetch_records(conn, "applied_migrations")}
        for migration in migrations:
            if migration.version in done:
                continue
            async with conn.transaction():
                await conn.execute(migration.path.read_text(encoding="utf-8"))
                await execute(
                    conn, "record_migration", version=migration.version, name=migration.name
                )
            log.info("applied migration %03d_%s", migration.version, migration.name)
            applied.append(migration.version)
        # a migration may have dropped a view to alter what it reads: put them all back
        await apply_views(conn, views, again=bool(applied))
    finally:
        await execute(conn, "migration_unlock", lock_id=MIGRATION_LOCK_ID)
    return applied


async def apply_views(conn: Conn, path: Path, *, again: bool = False) -> bool:
    """Run the views file (it drops and creates every read view) in one transaction, unless
    this very text ran last and not `again`; True when it ran. Call it holding the migration
    lock."""
    text = await asyncio.to_thread(path.read_text, encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    await execute(conn, "create_views_table")
    if not again and await fetch_value(conn, "applied_views") == digest:
        return False
    async with conn.transaction():
        await conn.execute(text)
        await execute(conn, "record_views", sha256=digest)
    log.info("applied %s", path.name)
    return True
