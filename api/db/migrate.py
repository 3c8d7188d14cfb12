"""Forward-only migrations from sql/migrations/NNN_name.sql, applied under an advisory lock.

Several processes may start at once: the first takes the lock and migrates, the others wait
on the lock and then find nothing left to do.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from api.db.rows import Conn, execute, fetch_records
from api.db.sql import SQL_DIR

log = logging.getLogger("gazette.migrate")

# Any constant works; it only has to be the same in every Gazette process.
MIGRATION_LOCK_ID = 0x6A2E77E


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
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migration versions must be 1..n without gaps: {versions}")
    return found


async def migrate(conn: Conn, directory: Path = SQL_DIR / "migrations") -> list[int]:
    """Apply every pending migration, each in its own transaction; return the versions applied."""
    applied: list[int] = []
    migrations = discover(directory)
    await execute(conn, "migration_lock", MIGRATION_LOCK_ID)
    try:
        await execute(conn, "create_migrations_table")
        done = {r["version"] for r in await fetch_records(conn, "applied_migrations")}
        for migration in migrations:
            if migration.version in done:
                continue
            async with conn.transaction():
                await conn.execute(migration.path.read_text(encoding="utf-8"))
                await execute(conn, "record_migration", migration.version, migration.name)
            log.info("applied migration %03d_%s", migration.version, migration.name)
            applied.append(migration.version)
    finally:
        await execute(conn, "migration_unlock", MIGRATION_LOCK_ID)
    return applied
