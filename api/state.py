"""What the app holds for its lifetime (built in the lifespan, read by handlers)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import asyncpg
import msgspec

from api.extract import Extractor
from api.settings import Settings


class Resources(msgspec.Struct):
    settings: Settings
    pool: asyncpg.Pool[asyncpg.Record]
    extractor: Extractor
    executor: ThreadPoolExecutor
