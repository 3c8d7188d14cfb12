"""Who may hold an NDJSON stream: a few at a time per process and per client address.

A stream holds a database connection, in one read-only transaction, for as long as its client
takes to read it. Left unbounded, eight slow readers would hold every pooled connection and
every other endpoint would wait for one. So streams run on a small pool of their own
(GAZETTE_MAX_STREAMS connections, see api.http.app), at most GAZETTE_MAX_STREAMS at once and
GAZETTE_MAX_STREAMS_PER_CLIENT per address; past either, the list answers 503 or 429 before
the stream starts. A client that stops reading is cut off by the send timeout
(api.http.observability), and its transaction by Postgres's idle_in_transaction_session_timeout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncGenerator, Callable

from litestar.types import Scope

from api.http.observability import on_request_end
from api.http.problems import ApiError

RETRY_AFTER = "5"


class StreamSlots:
    """Counts the streams running, in total and by client address."""

    def __init__(self, total: int, per_client: int) -> None:
        self.total = total
        self.per_client = per_client
        self.running: Counter[str] = Counter()

    def take(self, client: str) -> Callable[[], None]:
        """A slot for `client`, or the 503/429 that says why not; returns its release, which
        may be called more than once."""
        if self.running.total() >= self.total:
            raise ApiError(
                503,
                "Service unavailable",
                f"all {self.total} NDJSON stream slots are busy; retry shortly or read pages",
                headers={"Retry-After": RETRY_AFTER},
            )
        if self.running[client] >= self.per_client:
            raise ApiError(
                429,
                "Too many requests",
                f"this address already reads {self.per_client} NDJSON streams; wait for one "
                "to finish",
                headers={"Retry-After": RETRY_AFTER},
            )
        self.running[client] += 1
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self.running[client] -= 1
                if self.running[client] <= 0:
                    del self.running[client]

        return release


def close_at_end(
    scope: Scope, lines: AsyncGenerator[bytes, None], release: Callable[[], None]
) -> None:
    """Release the slot, and the connection `lines` holds, when the request ends however it
    ends: the stream sent, the client gone, or cut off by the send timeout. Waiting for the
    generator to be collected is not enough (an aborted response sits in a reference cycle
    with its exception until the cycle collector runs), so api.http.observability calls this."""

    async def close() -> None:
        try:
            await lines.aclose()  # runs every_page's `finally`: the connection goes back
        finally:
            release()

    on_request_end(scope, close)
