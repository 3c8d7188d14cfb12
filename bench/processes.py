"""Resident memory of running processes, read from /proc (Linux), for the benchmarks."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

# (parent pid, command-line arguments) -> whether to measure the process
Wanted = Callable[[int, list[bytes]], bool]


def rss_kb(wanted: Wanted) -> dict[int, int]:
    """VmRSS in kB of every process `wanted` accepts, by pid."""
    found: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # it ended meanwhile
            continue
        ppid = re.search(r"^PPid:\s+(\d+)", status, re.M)
        rss = re.search(r"^VmRSS:\s+(\d+)", status, re.M)
        if ppid and rss and wanted(int(ppid[1]), command):
            found[int(entry.name)] = int(rss[1])
    return found
