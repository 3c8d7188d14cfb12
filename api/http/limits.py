"""Rate limits per API key (or per client address without one) and CORS, from settings."""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
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


class KnownKeys:
    """Digests of the API keys the guard has found valid, the most recently seen last; at most
    `size` (the oldest are forgotten, and spend the unverified budget again until seen)."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self.digests: OrderedDict[str, None] = OrderedDict()

    def add(self, digest: str) -> None:
        self.digests[digest] = None
        self.digests.move_to_end(digest)
        if len(self.digests) > self.size:
            self.digests.popitem(last=False)

    def __contains__(self, digest: str) -> bool:
        return digest in self.digests


def key_digest(secret: str) -> str:
    """How a key is named in limits: never the key itself."""
    return hashlib.sha256(secret.encode()).hexdigest()[:24]


def client_identity(request: Request[Any, Any, Any]) -> str:
    """Whose budget a request spends: a verified API key's own; else its address's, where
    requests with keys not (yet) verified share a budget apart from those without one. So a
    client rotating made-up keys is limited like any client at that address (each key of its
    own budget would never be limited, and each would leave an entry in the store), and a
    valid key's first request is not refused because its address spent its anonymous budget."""
    address = request.client.host if request.client else "unknown"
    header = request.headers.get("authorization", "")
    if header[:7].lower() != "bearer ":
        return "addr:" + address
    digest = key_digest(header[7:].strip())
    known: KnownKeys = request.app.state.known_keys
    if digest in known:
        return "key:" + digest
    return "unverified:" + address


async def sweep_expired(store: Store, every_s: float = 60.0) -> None:
    """Forget expired limit windows now and then: the memory store keeps an entry for every
    identity it ever saw until it is read again."""
    if not isinstance(store, MemoryStore):
        return  # Redis expires keys itself
    while True:
        await asyncio.sleep(every_s)
        await store.delete_expired()


def rate_limit(settings: Settings) -> RateLimitConfig | None:
    if settings.rate_limit_per_minute == 0:
        return None
    return RateLimitConfig(
        rate_limit=("minute", settings.rate_limit_per_minute),
        identifier_for_request=client_identity,
        # probes, the docs (problem types too) and the explorer's page and files are not
        # metered (the explorer's API calls are); patterns are searched anywhere in the path,
        # hence the anchors
        exclude=[
            "/healthz",
            "/readyz",
            "/schema",
            "^/problems",
            "^/$",
            "^/explorer/",
            "^/docs-assets/",
        ],
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
