"""Articles written for the tests (not the evaluation's gold articles, which tests never read)."""

from __future__ import annotations

from typing import Any

# Every table hangs off these three (ON DELETE CASCADE), so this empties the database.
TRUNCATE = "TRUNCATE articles, actors, places RESTART IDENTITY CASCADE"

WIRE_REPORT: dict[str, Any] = {
    "title": "Kremlin says talks with US envoy were useful",
    "source": "Test Wire",
    "url": "https://news.example/kremlin-talks",
    "published_at": "2025-12-03T10:00:00Z",
    "body": (
        "Kremlin spokesman Dmitry Peskov said on Tuesday that the talks with the American envoy "
        "had been useful.\n"
        "“We had a very constructive conversation with our American colleagues,” Peskov told "
        "reporters in Moscow.\n"
        "Russian troops have captured the town of Pokrovsk in the Donetsk region, the Russian "
        "defence ministry said on Monday. Ukraine denied that the town was under Russian control.\n"
        "“Our soldiers are still holding their positions in the city,” said Ukrainian President "
        "Volodymyr Zelenskyy."
    ),
}

MARKET_REPORT: dict[str, Any] = {
    "title": "Grain exports rise through Odesa",
    "source": "Harbour Daily",
    "published_at": "2025-11-20T08:30:00Z",
    "body": (
        "Grain exports through the port of Odesa rose in November, officials said.\n"
        "“The corridor is working better than anyone expected,” said Oleksandr Kubrakov, a "
        "former minister, in Kyiv on Thursday."
    ),
}


def article(template: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of a fixture article with some fields changed (e.g. another url or body)."""
    return {**template, **changes}
