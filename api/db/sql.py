"""Named SQL blocks loaded from sql/queries/*.sql (aiosql's `-- name:` convention).

Handlers never build SQL: every statement is a constant in a .sql file, reached by name
through the typed functions of the db modules. Parameters are named (`:article_id`) and
given by name (api.db.rows); `shaped()` numbers them `$1, $2, …` once per statement and
refuses a call that leaves one out or gives one the statement does not use.

A list with optional filters is one block with named parameters (`:speaker`) whose filter
lines end in `--? speaker`: `shaped()` keeps the lines whose parameters are given and numbers
the parameters, so each set of filters is its own SQL text. Postgres then plans each shape for
what it does and keeps that plan, instead of planning a catch-all `$n IS NULL OR …` query at
every call with the values (which only such a plan can simplify).

The pool makes one plan per statement (api/db/pool.py), without the values and without the
page size (`LIMIT $n` reads as a tenth of the table). That is right for a few shapes, whose
filters the block names on a `-- planned once:` line after measuring them at scale: a page
after an id, by speaker, by place. Every other shape is planned at each call, with its
values (`Shape.per_call`): a search word, a box or a date range decides the plan.
"""

from __future__ import annotations

import itertools
import re
from functools import cache
from pathlib import Path

import msgspec

# In an installed wheel the top-level sql/ folder is the package api.sql (pyproject.toml);
# run from a checkout (or installed editable), it is the checkout's own sql/.
_PACKAGED = Path(__file__).resolve().parent.parent / "sql"
SQL_DIR = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[2] / "sql"
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


# `--? a, b` at the end of a line: the line is kept only when a and b are given
_OPTIONAL = re.compile(r"\s*--\?\s*(\w+(?:\s*,\s*\w+)*)\s*$")
# `:name`, not a cast (`::text`) and not inside a word; lowercase, so no format string of
# to_char ('HH24:MI') reads as one
PARAMETER = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


class Shape(msgspec.Struct, frozen=True):
    """One shape of a named query: its SQL text, the names of its `$1, $2, …`, and whether
    it is planned at each call, with the values."""

    text: str
    parameters: tuple[str, ...]
    per_call: bool = False


_ONCE = re.compile(r"^--\s*planned once:(.*)$", re.MULTILINE)


def planned_once(name: str) -> frozenset[str] | None:
    """The filters of a named query whose shapes keep one plan; None: every shape is
    planned at each call."""
    found = _ONCE.search(query(name))
    if found is None:
        return None
    return frozenset(n.strip() for n in found[1].split(",") if n.strip())


@cache
def shaped(name: str, given: frozenset[str]) -> Shape:
    """The named query `name` for the parameters `given` (those not null): optional lines
    whose parameters are all given, `:name` turned into `$n`. Raises ValueError when a kept
    line needs a parameter not given, or a given one is used nowhere (a filter that would be
    silently ignored)."""
    kept = []
    for line in query(name).splitlines():
        optional = _OPTIONAL.search(line)
        if optional:
            needs = {n.strip() for n in optional[1].split(",")}
            if not needs <= given:
                continue
            line = line[: optional.start()]
        kept.append(line)
    order: list[str] = []

    def number(found: re.Match[str]) -> str:
        if found[1] not in order:
            order.append(found[1])
        return f"${order.index(found[1]) + 1}"

    text = PARAMETER.sub(number, "\n".join(kept))
    if missing := set(order) - given:
        raise ValueError(f"query {name!r} needs {sorted(missing)} for these filters")
    if unused := given - set(order):
        raise ValueError(f"query {name!r} has no use for {sorted(unused)}")
    once = planned_once(name)
    per_call = once is None or not (given & optional_parameters(name)) <= once
    return Shape(text, tuple(order), per_call=per_call)


def every_shape(name: str) -> list[Shape]:
    """Every shape of a named query: one per combination of its filters (a filter is the
    parameters one `--?` marker names), for the test that prepares each statement."""
    text = query(name)
    filters: list[frozenset[str]] = []
    required: set[str] = set()
    for line in text.splitlines():
        optional = _OPTIONAL.search(line)
        if optional is None:
            required.update(PARAMETER.findall(line))
            continue
        names = frozenset(n.strip() for n in optional[1].split(","))
        if names not in filters:
            filters.append(names)
    return [
        shaped(name, frozenset(required).union(*combination))
        for size in range(len(filters) + 1)
        for combination in itertools.combinations(filters, size)
    ]


def optional_parameters(name: str) -> frozenset[str]:
    """The parameters of a shaped query that its `--?` lines name (its filters)."""
    found: set[str] = set()
    for line in query(name).splitlines():
        if optional := _OPTIONAL.search(line):
            found.update(n.strip() for n in optional[1].split(","))
    return frozenset(found)
