"""Named SQL blocks loaded from sql/queries/*.sql (aiosql's `-- name:` convention).

Handlers never build SQL: every statement is a constant in a .sql file, reached by name
through the typed functions of the db modules.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent.parent.parent / "sql"
_NAME = re.compile(r"^--\s*name:\s*(\w+)\s*$", re.MULTILINE)


def parse_named_blocks(text: str) -> dict[str, str]:
    """Split a .sql file into {name: statement} at each `-- name: x` line."""
    parts = _NAME.split(text)
    blocks: dict[str, str] = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        if name in blocks:
            raise ValueError(f"duplicate query name {name!r}")
        blocks[name] = body.strip()
    return blocks


@cache
def queries() -> dict[str, str]:
    """Every named query of sql/queries/, by name (names are unique across files)."""
    found: dict[str, str] = {}
    for path in sorted((SQL_DIR / "queries").glob("*.sql")):
        for name, statement in parse_named_blocks(path.read_text(encoding="utf-8")).items():
            if name in found:
                raise ValueError(f"query {name!r} defined twice (again in {path.name})")
            found[name] = statement
    if not found:
        raise ValueError(f"no named queries in {SQL_DIR / 'queries'}")
    return found


def query(name: str) -> str:
    return queries()[name]
