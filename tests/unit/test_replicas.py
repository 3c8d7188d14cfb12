"""Choosing a replica (api/db/replicas.py): round robin, a failed one left out for a while,
WAL positions as Postgres writes them."""

from __future__ import annotations

import time
from typing import Any, cast

import asyncpg
import pytest

from api.db.replicas import Replica, Replicas, format_position, parse_position


def replicas(*names: str, retry_s: float = 60.0) -> tuple[Replicas, list[Replica]]:
    made = [Replica(name, cast("asyncpg.Pool[Any]", object())) for name in names]
    return Replicas(made, wait_s=0.0, retry_s=retry_s), made


async def test_reads_go_round_robin_and_skip_a_failed_replica() -> None:
    chosen, (a, b, c) = replicas("a", "b", "c")
    assert [await chosen.pick(None) for _ in range(4)] == [a, b, c, a]
    chosen.failed(b, OSError("gone"))
    assert b not in [await chosen.pick(None) for _ in range(6)]
    b.down_until = time.monotonic() - 1  # its time out is over: tried again
    assert b in [await chosen.pick(None) for _ in range(3)]


async def test_no_replica_up_means_the_primary() -> None:
    chosen, (a,) = replicas("a")
    chosen.failed(a, OSError("gone"))
    assert await chosen.pick(None) is None
    assert await replicas()[0].pick(None) is None  # none configured


async def test_a_replica_known_to_have_replayed_a_position_serves_it() -> None:
    chosen, (a, b) = replicas("a", "b")
    a.replayed, b.replayed = 100, 300
    assert await chosen.pick(200) is b  # without asking either (a would fail: no pool)


@pytest.mark.parametrize(
    ("text", "value"),
    [("0/0", 0), ("16/B374D848", (0x16 << 32) | 0xB374D848), ("0", 0), ("1A", 26)],
)
def test_positions_read_as_postgres_writes_them(text: str, value: int) -> None:
    assert parse_position(text) == value
    assert parse_position(format_position(value)) == value


def test_what_is_not_a_position() -> None:
    assert all(parse_position(t) is None for t in ("", "x/1", "1/", "/1", "123456789/0", "-1"))
