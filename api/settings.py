"""Typed settings read from the environment; a bad value fails loudly at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

import msgspec

REPO_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """An environment variable holds a value Gazette cannot use."""


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    # Postgres URL; None means "start the embedded Postgres under data_dir".
    database_url: str | None = None
    # Postgres hot standbys of that database: GETs of lists and entities read there
    # (api/db/replicas.py)
    database_replica_urls: tuple[str, ...] = ()
    # a read that names a write's position waits this long for a replica to replay it, then
    # reads the primary
    replica_wait_ms: Annotated[int, msgspec.Meta(ge=0, le=10_000)] = 200
    # a replica that failed is left out this long before it is tried again
    replica_retry_s: Annotated[float, msgspec.Meta(gt=0, le=3600)] = 5.0
    host: str = "127.0.0.1"
    port: Annotated[int, msgspec.Meta(ge=1, le=65535)] = 8000
    # where `gazette` runs: a checkout's .gazette/ for `make run`, and never inside an
    # installed package
    data_dir: Path = msgspec.field(default_factory=lambda: Path.cwd() / ".gazette")
    workers: Annotated[int, msgspec.Meta(ge=1, le=64)] = 1
    pool_min_size: Annotated[int, msgspec.Meta(ge=0, le=100)] = 1
    pool_max_size: Annotated[int, msgspec.Meta(ge=1, le=100)] = 8
    # Processes that run the extractor (api.services.sandbox), one article each at a time; an
    # article past the time or memory limit fails alone (422) and its process is replaced.
    extract_processes: Annotated[int, msgspec.Meta(ge=1, le=16)] = 1
    extract_timeout_s: Annotated[float, msgspec.Meta(gt=0, le=3600)] = 60.0
    # above what the loaded model takes; 0: no limit
    extract_memory_mb: Annotated[int, msgspec.Meta(ge=0)] = 1024
    # article characters each API key may send for extraction per minute (429 past it); 0: off
    ingest_chars_per_minute: Annotated[int, msgspec.Meta(ge=0)] = 2_000_000
    max_request_bytes: Annotated[int, msgspec.Meta(ge=1024)] = 2_000_000
    # at most api.schemas.MAX_BODY_CHARS, the cap the contract states
    max_body_chars: Annotated[int, msgspec.Meta(ge=100, le=200_000)] = 200_000
    statement_timeout_ms: Annotated[int, msgspec.Meta(ge=100)] = 15_000
    # waiting longer than this for a free connection answers 503 instead of queueing
    pool_acquire_timeout_s: Annotated[float, msgspec.Meta(gt=0, le=300)] = 5.0
    # longer query strings answer 414
    max_query_chars: Annotated[int, msgspec.Meta(ge=256)] = 4096
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # NDJSON streams at once per process (each holds a connection of the streams' own pool)
    # and per client address; more answer 503 / 429 before the stream starts
    max_streams: Annotated[int, msgspec.Meta(ge=1, le=100)] = 4
    max_streams_per_client: Annotated[int, msgspec.Meta(ge=1, le=100)] = 2
    # a response body chunk the client has not taken within this time ends the response: a
    # client that stops reading frees its stream slot and connection
    send_timeout_s: Annotated[float, msgspec.Meta(gt=0, le=3600)] = 30.0
    # `gazette serve`: open connections per worker, idle ones included (bounded by the
    # process's open-file limit, which serve raises to its hard limit)
    max_connections: Annotated[int, msgspec.Meta(ge=16, le=1_000_000)] = 10_000
    # a connection must send its request headers within this time of its first byte
    header_timeout_ms: Annotated[int, msgspec.Meta(ge=100, le=600_000)] = 10_000
    # a worker whose memory stays above this is replaced once its requests are done
    worker_max_rss_mb: Annotated[int, msgspec.Meta(ge=128)] = 2048
    # on stop, a worker still busy after this long is killed
    stop_timeout_s: Annotated[int, msgspec.Meta(ge=1, le=3600)] = 30
    # /healthz answers 503 once the database has been out of reach this long (a restart of
    # the process, or of its database, is then what helps)
    database_dead_after_s: Annotated[float, msgspec.Meta(gt=0)] = 60.0
    # Articles waiting for or in extraction; more answer 503 with Retry-After.
    max_pending_extractions: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 16
    require_key_for_reads: bool = False
    # a valid API key is remembered this long per process (no database round trip); a
    # revoked key stops working within it; 0: every request checks the database
    key_cache_s: Annotated[float, msgspec.Meta(ge=0, le=300)] = 2.0
    # requests per minute per API key (or per client address without one); 0 turns it off
    rate_limit_per_minute: Annotated[int, msgspec.Meta(ge=0)] = 1200
    # a shared limit store for several API processes (Redis or Valkey); unset: per process
    redis_url: str | None = None
    cors_origins: tuple[str, ...] = ()
    # addresses of reverse proxies (deploy/nginx.conf) whose X-Forwarded-For names the client
    trusted_proxies: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.pool_min_size > self.pool_max_size:
            raise ValueError("GAZETTE_POOL_MIN_SIZE must not exceed GAZETTE_POOL_MAX_SIZE")


# Environment variable → settings field. Documented in the README.
ENVIRONMENT: dict[str, str] = {
    "DATABASE_URL": "database_url",
    "DATABASE_REPLICA_URLS": "database_replica_urls",
    "GAZETTE_REPLICA_WAIT_MS": "replica_wait_ms",
    "GAZETTE_REPLICA_RETRY_S": "replica_retry_s",
    "GAZETTE_HOST": "host",
    "PORT": "port",
    "GAZETTE_DATA_DIR": "data_dir",
    "GAZETTE_WORKERS": "workers",
    "GAZETTE_POOL_MIN_SIZE": "pool_min_size",
    "GAZETTE_POOL_MAX_SIZE": "pool_max_size",
    "GAZETTE_EXTRACT_THREADS": "extract_processes",  # its name before extraction had processes
    "GAZETTE_EXTRACT_PROCESSES": "extract_processes",
    "GAZETTE_EXTRACT_TIMEOUT_S": "extract_timeout_s",
    "GAZETTE_EXTRACT_MEMORY_MB": "extract_memory_mb",
    "GAZETTE_INGEST_CHARS_PER_MINUTE": "ingest_chars_per_minute",
    "GAZETTE_MAX_REQUEST_BYTES": "max_request_bytes",
    "GAZETTE_MAX_BODY_CHARS": "max_body_chars",
    "GAZETTE_STATEMENT_TIMEOUT_MS": "statement_timeout_ms",
    "GAZETTE_POOL_ACQUIRE_TIMEOUT_S": "pool_acquire_timeout_s",
    "GAZETTE_MAX_QUERY_CHARS": "max_query_chars",
    "GAZETTE_LOG_LEVEL": "log_level",
    "GAZETTE_MAX_STREAMS": "max_streams",
    "GAZETTE_MAX_STREAMS_PER_CLIENT": "max_streams_per_client",
    "GAZETTE_SEND_TIMEOUT_S": "send_timeout_s",
    "GAZETTE_MAX_CONNECTIONS": "max_connections",
    "GAZETTE_HEADER_TIMEOUT_MS": "header_timeout_ms",
    "GAZETTE_WORKER_MAX_RSS_MB": "worker_max_rss_mb",
    "GAZETTE_STOP_TIMEOUT_S": "stop_timeout_s",
    "GAZETTE_DATABASE_DEAD_AFTER_S": "database_dead_after_s",
    "GAZETTE_MAX_PENDING_EXTRACTIONS": "max_pending_extractions",
    "GAZETTE_REQUIRE_KEY_FOR_READS": "require_key_for_reads",
    "GAZETTE_KEY_CACHE_S": "key_cache_s",
    "GAZETTE_RATE_LIMIT_PER_MINUTE": "rate_limit_per_minute",
    "GAZETTE_REDIS_URL": "redis_url",
    "GAZETTE_CORS_ORIGINS": "cors_origins",
    "GAZETTE_TRUSTED_PROXIES": "trusted_proxies",
}


def _decode_path(type_: type, value: object) -> object:
    # msgspec has no str → Path conversion of its own
    if type_ is Path and isinstance(value, str):
        return Path(value).expanduser().resolve()
    raise NotImplementedError(f"cannot convert {value!r} to {type_}")


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build Settings from environment variables (empty values count as unset)."""
    env = os.environ if environ is None else environ
    raw: dict[str, object] = {field: env[var] for var, field in ENVIRONMENT.items() if env.get(var)}
    if "log_level" in raw:
        raw["log_level"] = str(raw["log_level"]).upper()
    for listed in ("cors_origins", "trusted_proxies", "database_replica_urls"):  # comma-separated
        if listed in raw:
            raw[listed] = [o.strip() for o in str(raw[listed]).split(",") if o.strip()]
    try:
        return msgspec.convert(raw, Settings, strict=False, dec_hook=_decode_path)
    except msgspec.ValidationError as exc:
        message = str(exc)
        if "$." not in message:  # a check of __post_init__, which names its variables
            raise SettingsError(message) from exc
        field = message.rsplit("$.", 1)[-1].rstrip("`")
        variable = next((v for v, f in ENVIRONMENT.items() if f == field), field)
        raise SettingsError(f"bad value for {variable}: {message}") from exc
