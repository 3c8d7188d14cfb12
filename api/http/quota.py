"""How much article text each API key may send for extraction per minute.

The rate limit counts requests; extraction's cost is in characters (a 200,000-character
article costs a hundred short ones). So ingest has a budget of its own per key and minute,
kept in this process (with several workers, each keeps one).
"""

from __future__ import annotations

import time

from api.http.problems import ApiError


class IngestQuota:
    """A fixed one-minute window of characters per API key; `chars_per_minute` 0 is off."""

    def __init__(self, chars_per_minute: int) -> None:
        self.chars_per_minute = chars_per_minute
        self.minute = -1
        self.spent: dict[str, int] = {}

    def spend(self, owner: str, chars: int, now: float | None = None) -> None:
        """Count `chars` against `owner`'s minute, or raise a 429 saying when to retry."""
        if self.chars_per_minute == 0:
            return
        moment = time.time() if now is None else now
        minute = int(moment // 60)
        if minute != self.minute:  # a new window: the old one's counts are dropped
            self.minute, self.spent = minute, {}
        used = self.spent.get(owner, 0)
        if used + chars > self.chars_per_minute:
            wait = max(1, int(60 - moment % 60) + 1)
            raise ApiError(
                429,
                "Too many requests",
                f"this key sent {used} characters for extraction this minute; with this "
                f"article's {chars} it would pass its {self.chars_per_minute} "
                "(GAZETTE_INGEST_CHARS_PER_MINUTE)",
                headers={"Retry-After": str(wait)},
            )
        self.spent[owner] = used + chars
