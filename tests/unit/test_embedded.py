"""The embedded Postgres's list of the processes using it forgets those that died."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from api.db.embedded import HANDLES, prune_dead_handles


def test_handles_of_dead_processes_are_forgotten(tmp_path: Path) -> None:
    """Before: a run killed with kill -9 stayed in the list, so every later run joined the
    server and, never the last handle, left it running when it exited."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = int(gone.stdout)
    (tmp_path / HANDLES).write_text(json.dumps([dead, os.getpid()]))
    assert prune_dead_handles(tmp_path) == [dead]
    assert json.loads((tmp_path / HANDLES).read_text()) == [os.getpid()]
    assert prune_dead_handles(tmp_path) == []  # nothing more to forget
    assert prune_dead_handles(tmp_path / "nowhere") == []
