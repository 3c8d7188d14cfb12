"""Rate limits per API key (or per client address without one) and CORS, from settings."""

from __future__ import annotations

import hashlib
from typing import Any

from litestar import Request
from litestar.config.cors import CORSConfig
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore

from api.settings import Settings

STORE = "rate_limit"

try:  # the shared store's errors, when the [redis] extra is installed
    from redis.exceptions import RedisError

    STORE_ERRORS: tuple[type[Exception], ...] = (RedisError,)
except ImportError:
    STORE_ERRORS = ()


def client_identity(request: Request[Any, Any, Any]) -> str:
    """Whose budget a request spends: its API key's (by digest, never the key itself), else
    its address. An unknown key gets its own budget but is refused (401) before any work."""
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return "key:" + hashlib.sha256(header[7:].strip().encode()).hexdigest()[:24]
    return "addr:" + (request.client.host if request.client else "unknown")


def rate_limit(settings: Settings) -> RateLimitConfig | None:
    if settings.rate_limit_per_minute == 0:
        return None
    return RateLimitConfig(
        rate_limit=("minute", settings.rate_limit_per_minute),
        identifier_for_request=client_identity,
        # probes, the docs and the explorer's page and files are not metered (the explorer's
        # API calls are); patterns are searched anywhere in the path, hence the anchors
        exclude=["/healthz", "/readyz", "/schema", "^/$", "^/explorer/"],
        store=STORE,
    )


def stores(settings: Settings) -> dict[str, Store]:
    """Per process by default; shared through Redis/Valkey so N processes keep one limit."""
    if settings.redis_url is None:
        return {STORE: MemoryStore()}
    try:
        from litestar.stores.redis import RedisStore
        from redis.asyncio import Redis
    except ImportError as exc:  # the `redis` package comes with the [redis] extra
        raise RuntimeError(
            "GAZETTE_REDIS_URL is set but the redis package is missing: pip install -e '.[redis]'"
        ) from exc
    # Our own client: RedisStore.with_client passes a port, which breaks unix:// URLs.
    # A short timeout: an unreachable Redis must answer 503 quickly, not hold the request.
    client = Redis.from_url(settings.redis_url, socket_timeout=2.0, socket_connect_timeout=2.0)
    return {STORE: RedisStore(client, namespace="gazette", handle_client_shutdown=True)}


def cors(settings: Settings) -> CORSConfig | None:
    """Browsers on these origins may call the API; none by default."""
    if not settings.cors_origins:
        return None
    return CORSConfig(
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"],
        expose_headers=["ETag", "Link", "Location", "X-Request-ID", "Retry-After",
                        "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
        max_age=600,
    )  # fmt: skip
