"""Typed settings read from the environment; a bad value fails loudly at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import msgspec

REPO_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """An environment variable holds a value Gazette cannot use."""


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    # Postgres URL; None means "start the embedded Postgres under data_dir".
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: Annotated[int, msgspec.Meta(ge=1, le=65535)] = 8000
    data_dir: Path = REPO_ROOT / ".gazette"
    workers: Annotated[int, msgspec.Meta(ge=1, le=64)] = 1
    pool_min_size: Annotated[int, msgspec.Meta(ge=0, le=100)] = 1
    pool_max_size: Annotated[int, msgspec.Meta(ge=1, le=100)] = 8
    # Threads that run the extractor; spaCy work never runs on the event loop.
    extract_threads: Annotated[int, msgspec.Meta(ge=1, le=16)] = 1
    max_request_bytes: Annotated[int, msgspec.Meta(ge=1024)] = 2_000_000
    # at most api.schemas.MAX_BODY_CHARS, the cap the contract states
    max_body_chars: Annotated[int, msgspec.Meta(ge=100, le=200_000)] = 200_000
    statement_timeout_ms: Annotated[int, msgspec.Meta(ge=100)] = 15_000
    log_level: str = "INFO"


# Environment variable → settings field. Documented in the README.
ENVIRONMENT: dict[str, str] = {
    "DATABASE_URL": "database_url",
    "GAZETTE_HOST": "host",
    "PORT": "port",
    "GAZETTE_DATA_DIR": "data_dir",
    "GAZETTE_WORKERS": "workers",
    "GAZETTE_POOL_MIN_SIZE": "pool_min_size",
    "GAZETTE_POOL_MAX_SIZE": "pool_max_size",
    "GAZETTE_EXTRACT_THREADS": "extract_threads",
    "GAZETTE_MAX_REQUEST_BYTES": "max_request_bytes",
    "GAZETTE_MAX_BODY_CHARS": "max_body_chars",
    "GAZETTE_STATEMENT_TIMEOUT_MS": "statement_timeout_ms",
    "GAZETTE_LOG_LEVEL": "log_level",
}


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from environment variables (empty values count as unset)."""
    env = os.environ if environ is None else environ
    raw = {field: env[var] for var, field in ENVIRONMENT.items() if env.get(var)}
    try:
        return msgspec.convert(raw, Settings, strict=False)
    except msgspec.ValidationError as exc:
        field = str(exc).rsplit("$.", 1)[-1].rstrip("`")
        variable = next((v for v, f in ENVIRONMENT.items() if f == field), field)
        raise SettingsError(f"bad value for {variable}: {exc}") from exc
