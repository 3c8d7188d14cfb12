"""Resident memory and CPU time of running processes, read from /proc (Linux), for the
benchmarks."""

from __future__ import annotations

import os
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


TICK_US = 1e6 / os.sysconf("SC_CLK_TCK")


def cpu_ticks(wanted: str | int) -> int:
    """CPU time (ticks of TICK_US) of the processes in group `wanted` (an int), or whose
    command line starts with `wanted` (a str: Postgres's processes rename themselves
    `postgres: …`). A process that ended is no longer counted."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if isinstance(wanted, int):
                if int(fields[2]) != wanted:  # the process group (field 5 of stat)
                    continue
            elif not (entry / "cmdline").read_bytes().startswith(wanted.encode()):
                continue
            total += int(fields[11]) + int(fields[12])  # utime + stime
        except (OSError, IndexError, ValueError):
            continue  # it ended meanwhile
    return total
