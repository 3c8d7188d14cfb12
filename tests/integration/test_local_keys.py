"""The key `make run` prints: one per running instance; starting another never revokes the
key of one still running, only those of runs that have ended (and its own as it stops)."""

from __future__ import annotations

import os
import subprocess
import sys

import asyncpg

from api.cli.serve import (
    LOCAL_KEY_NAME,
    _forget_local_key,
    _local_key,
    key_of_a_gone_run,
    local_key_name,
)
from api.db import keys


def ended_pid() -> int:
    """The id of a process that has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_which_local_keys_belong_to_runs_that_ended() -> None:
    assert key_of_a_gone_run(local_key_name(ended_pid()))
    assert key_of_a_gone_run(LOCAL_KEY_NAME)  # from before keys named their run
    assert not key_of_a_gone_run(local_key_name(os.getppid()))  # running
    assert not key_of_a_gone_run(local_key_name(os.getpid()))  # this very run
    assert not key_of_a_gone_run("newsroom importer")


async def test_a_new_run_leaves_a_running_instances_key_alone(
    pool: asyncpg.Pool[asyncpg.Record], database_url: str
) -> None:
    running = local_key_name(os.getppid())
    ended = local_key_name(ended_pid())
    for name in (running, ended):
        await keys.create_key(pool, name, ["write", "admin"])
    secret = await _local_key(database_url)
    live = {k.name for k in await keys.list_keys(pool) if k.revoked_at is None}
    assert running in live and ended not in live
    assert local_key_name(os.getpid()) in live
    assert await keys.key_for_digest(pool, keys.digest(secret)) is not None
    await _forget_local_key(database_url)  # as this run stops
    assert await keys.key_for_digest(pool, keys.digest(secret)) is None
    await keys.revoke_keys_named(pool, running)
