"""The README documents every setting and every command: a new one fails here until it is."""

from __future__ import annotations

import argparse
import re

import pytest

from api.cli.main import parser
from api.settings import ENVIRONMENT, REPO_ROOT, Settings

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
# older names kept working for those who set them (api/settings.py), not advertised
FORMER_NAMES = {"GAZETTE_EXTRACT_THREADS"}


def test_every_setting_has_a_row_in_the_settings_table() -> None:
    first_cells = re.findall(r"^\| (`[A-Z_]+`[^|]*)\|", README, re.MULTILINE)
    rows = {name for cell in first_cells for name in re.findall(r"`([A-Z_]+)`", cell)}
    assert set(ENVIRONMENT) - FORMER_NAMES - rows == set()
    assert set(ENVIRONMENT.values()) == set(Settings.__struct_fields__)  # none unreachable


def test_every_command_is_shown() -> None:
    commands = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert commands, "no commands found"
    missing = [name for name in commands if f"gazette {name}" not in README]
    assert missing == []


def _command(*path: str) -> argparse.ArgumentParser:
    """The parser of `gazette PATH…` (choices of a subparsers action: its parsers by name)."""
    found = parser()
    for name in path:
        subparsers = next(a for a in found._actions if isinstance(a, argparse._SubParsersAction))
        found = subparsers.choices[name]
    return found


@pytest.mark.parametrize(
    ("path", "known"),
    [
        (("ingest",), "--follow-links"),
        (("worker",), "--concurrency"),
        (("jobs", "retry"), "--reason"),
    ],
)
def test_every_option_is_named(path: tuple[str, ...], known: str) -> None:
    options = [o for action in _command(*path)._actions for o in action.option_strings]
    assert known in options
    missing = [o for o in options if o not in ("-h", "--help") and f"`{o}`" not in README]
    assert missing == []


def test_the_subcommands_of_jobs_are_shown() -> None:
    assert "`gazette jobs`" in README and "`gazette jobs retry`" in README
