"""What the app holds for its lifetime (built in the lifespan, read by handlers)."""

from __future__ import annotations

import asyncpg
import msgspec

from api.ingest import ExtractionQueue
from api.settings import Settings


class Resources(msgspec.Struct):
    settings: Settings
    pool: asyncpg.Pool[asyncpg.Record]
    extraction: ExtractionQueue
