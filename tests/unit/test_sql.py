"""Named SQL blocks, loaded from sql/queries/ (no database)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.db import migrate
from api.db.sql import PARAMETER, parse_named_blocks, queries


def test_named_sql_blocks() -> None:
    text = "-- name: one\nSELECT 1;\n\n-- name: two\n-- a comment\nSELECT 2;\n"
    assert parse_named_blocks(text) == {"one": "SELECT 1;", "two": "-- a comment\nSELECT 2;"}
    with pytest.raises(ValueError, match="duplicate"):
        parse_named_blocks("-- name: a\nSELECT 1;\n-- name: a\nSELECT 2;")
    assert "list_articles" in queries() and "insert_claim" in queries()


@pytest.mark.parametrize("name", sorted(queries()))
def test_parameters_are_named_and_only_in_code(name: str) -> None:
    # Every value is bound by name (`:article_id`), so a call passes article_id=… and the
    # statement's order of parameters is nobody's business; a `:name` or `$1` in a comment
    # would be numbered like a parameter and leave Postgres a parameter it cannot type.
    for line in queries()[name].splitlines():
        code, _, comment = line.partition("--")
        assert not re.search(r"\$\d", code), f"{name}: positional parameter in {line!r}"
        assert not PARAMETER.search(comment) and "$" not in comment, f"{name}: {line!r}"


def test_reserved_migration_numbers_are_a_gap_until_they_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A number held for a migration on another branch may be missing; once it is here, the
    reservation must go (api.db.migrate.RESERVED), and any other gap is still an error."""
    monkeypatch.setattr(migrate, "RESERVED", {2: "on another branch"})
    for version in (1, 3):
        (tmp_path / f"{version:03d}_m.sql").write_text("SELECT 1;")
    assert [m.version for m in migrate.discover(tmp_path)] == [1, 3]
    (tmp_path / "002_arrived.sql").write_text("SELECT 1;")
    with pytest.raises(ValueError, match="remove them from RESERVED"):
        migrate.discover(tmp_path)
    (tmp_path / "002_arrived.sql").unlink()
    (tmp_path / "005_m.sql").write_text("SELECT 1;")
    with pytest.raises(ValueError, match="without gaps"):
        migrate.discover(tmp_path)
