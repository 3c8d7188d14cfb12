"""Articles written for the tests: invented people and sentences, never the evaluation's gold
articles (which tests do not read and fixtures must not copy)."""

from __future__ import annotations

from typing import Any

# Every extracted table hangs off the first three (ON DELETE CASCADE); API keys stay. TRUNCATE
# fires no triggers, so the changes log is emptied with them.
TRUNCATE = (
    "TRUNCATE articles, actors, places, idempotency_keys, ingest_jobs, changes"
    " RESTART IDENTITY CASCADE"
)

WIRE_REPORT: dict[str, Any] = {
    "title": "Moscow says talks with the envoy were useful",
    "source": "Test Wire",
    "url": "https://news.example/moscow-talks",
    "published_at": "2025-12-03T10:00:00Z",
    "body": (
        "Foreign ministry spokesman Ivan Sorokin said on Tuesday that the talks with the "
        "visiting envoy had been useful.\n"
        "“We had a long and frank exchange with our foreign colleagues,” Sorokin told "
        "reporters in Moscow.\n"
        "Russian troops have captured the town of Siversk in the Donetsk region, the Russian "
        "defence ministry said on Monday. Ukraine denied that the town was under Russian control.\n"
        "“Our brigades are still holding their lines around the town,” said Ukrainian army "
        "spokesman Oleh Kovalenko."
    ),
}

MARKET_REPORT: dict[str, Any] = {
    "title": "Grain exports rise through Odesa",
    "source": "Harbour Daily",
    "published_at": "2025-11-20T08:30:00Z",
    "body": (
        "Grain exports through the port of Odesa rose in November, officials said.\n"
        "“The corridor is working better than anyone expected,” said Marta Hnatiuk, a "
        "shipping analyst, in Kyiv on Thursday."
    ),
}


def article(template: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of a fixture article with some fields changed (e.g. another url or body)."""
    return {**template, **changes}
