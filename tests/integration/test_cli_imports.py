"""Commands that do not extract do not load spaCy (seconds and hundreds of MB saved)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from api.settings import REPO_ROOT

# run as `python -m api …` after which the interpreter reports whether spaCy was imported
PROBE = (
    "import runpy, sys\n"
    "sys.argv = ['gazette', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('api', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "print('SPACY' if 'spacy' in sys.modules else 'NO SPACY', file=sys.stderr)\n"
)


@pytest.mark.parametrize(
    "command",
    [
        ["keys", "list"],
        ["export", "places", "--q", "nothing"],
        ["migrate"],
        ["jobs"],
        ["openapi"],
        ["ingest", "--api", "http://127.0.0.1:9", os.devnull],
    ],
)
def test_commands_that_do_not_extract_do_not_import_spacy(
    database_url: str, command: list[str]
) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *command],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.stderr.strip().endswith("NO SPACY"), done.stderr[-2000:]
