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

A line may also depend on a choice, not a value: `--? after, @sort=published_at` keeps the
line only when the caller chose that sort (`@sort=published_at` among the names given). A
statement with choices takes exactly one alternative of each (`ORDER BY` lines, and the
keyset condition that goes with each order).

A statement may stand for another's rows: `@matches` in its text is replaced by a shape of
the list statement it is given (api.db.rows.fetch_over), so a count or a facet filters
exactly as the list does, from the same lines.
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


# `--? a, b` at the end of a line: the line is kept only when a and b are given; a name
# `@group=value` is a choice (a sort), not a parameter
_NAME_OR_CHOICE = r"@?\w+(?:=[\w-]+)?"
_OPTIONAL = re.compile(rf"\s*--\?\s*({_NAME_OR_CHOICE}(?:\s*,\s*{_NAME_OR_CHOICE})*)\s*$")
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
    text = "\n".join(_kept(name, given))
    once = planned_once(name)
    per_call = once is None or not (given & optional_parameters(name)) <= once
    return _numbered(name, text, given, per_call)


@cache
def shaped_over(name: str, rows_of: str, given: frozenset[str]) -> Shape:
    """The named query `name`, its `@matches` standing for the rows of the list `rows_of`
    shaped for `given` (a count or the groups of a facet, over the list's own filters).
    Planned at each call: how many rows it reads depends on the values."""
    inner = "\n".join(_kept(rows_of, given)).rstrip().removesuffix(";")
    text = query(name).replace("@matches", inner)
    return _numbered(f"{name} over {rows_of}", text, given, per_call=True)


def _kept(name: str, given: frozenset[str]) -> list[str]:
    """The lines of `name` for what is given: optional lines only when all they name is."""
    for group, alternatives in choices(name).items():
        if len(alternatives & given) != 1:
            raise ValueError(f"query {name!r} takes one of {sorted(alternatives)} ({group})")
    kept = []
    for line in query(name).splitlines():
        optional = _OPTIONAL.search(line)
        if optional:
            needs = {n.strip() for n in optional[1].split(",")}
            if not needs <= given:
                continue
            line = line[: optional.start()]
        kept.append(line)
    return kept


def _numbered(name: str, text: str, given: frozenset[str], per_call: bool) -> Shape:
    """`text` with its `:name` parameters numbered `$1, $2, …` in order of appearance."""
    order: list[str] = []

    def number(found: re.Match[str]) -> str:
        if found[1] not in order:
            order.append(found[1])
        return f"${order.index(found[1]) + 1}"

    numbered = PARAMETER.sub(number, text)
    if missing := set(order) - given:
        raise ValueError(f"query {name!r} needs {sorted(missing)} for these filters")
    if unused := {n for n in given if not is_choice(n)} - set(order):
        raise ValueError(f"query {name!r} has no use for {sorted(unused)}")
    return Shape(numbered, tuple(order), per_call=per_call)


def is_choice(name: str) -> bool:
    return name.startswith("@")


def choice(group: str, value: str) -> str:
    """The name that chooses `value` of a statement's `group` (`@sort=published_at`)."""
    return f"@{group}={value}"


def choices(name: str) -> dict[str, frozenset[str]]:
    """A statement's choice groups and their alternatives: {"sort": {"@sort=created", …}}."""
    groups: dict[str, set[str]] = {}
    for names in _markers(name):
        for n in names:
            if is_choice(n):
                groups.setdefault(n[1:].partition("=")[0], set()).add(n)
    return {group: frozenset(alternatives) for group, alternatives in groups.items()}


def _markers(name: str) -> list[frozenset[str]]:
    """The names each `--?` marker of a statement names, in order, each set once."""
    found: list[frozenset[str]] = []
    for line in query(name).splitlines():
        if optional := _OPTIONAL.search(line):
            names = frozenset(n.strip() for n in optional[1].split(","))
            if names not in found:
                found.append(names)
    return found


def every_shape(name: str) -> list[Shape]:
    """Every shape of a named query: one per alternative of each choice and combination of
    its filters (a filter is the parameters one `--?` marker names), for the test that
    prepares each statement."""
    required: set[str] = set()
    for line in query(name).splitlines():
        if _OPTIONAL.search(line) is None:
            required.update(PARAMETER.findall(line))
    shapes: dict[str, Shape] = {}
    for chosen in itertools.product(*choices(name).values()):
        filters = [
            frozenset(n for n in names if not is_choice(n)) | (names & set(chosen))
            for names in _markers(name)
            if {n for n in names if is_choice(n)} <= set(chosen) and not names <= set(chosen)
        ]
        for size in range(len(filters) + 1):
            for combination in itertools.combinations(dict.fromkeys(filters), size):
                given = frozenset(required).union(chosen, *combination)
                shape = shaped(name, given)
                shapes.setdefault(shape.text, shape)
    return list(shapes.values())


def optional_parameters(name: str) -> frozenset[str]:
    """The parameters of a shaped query that its `--?` lines name (its filters)."""
    found: set[str] = set()
    for line in query(name).splitlines():
        if optional := _OPTIONAL.search(line):
            found.update(n.strip() for n in optional[1].split(","))
    return frozenset(found)
