"""What the app holds for its lifetime (built in the lifespan, read by handlers)."""

from __future__ import annotations

import asyncpg
import msgspec

from api.db.liveness import DatabaseLiveness
from api.db.replicas import Replicas
from api.http.quota import IngestQuota
from api.http.streams import StreamSlots
from api.services.ingest import ExtractionQueue
from api.settings import Settings


class Resources(msgspec.Struct):
    settings: Settings
    pool: asyncpg.Pool[asyncpg.Record]
    extraction: ExtractionQueue
    # NDJSON streams: their own small pool, so slow readers never hold `pool`'s connections
    stream_pool: asyncpg.Pool[asyncpg.Record]
    streams: StreamSlots
    quota: IngestQuota
    liveness: DatabaseLiveness
    # the hot standbys GETs read from (none: the primary serves every read)
    replicas: Replicas
