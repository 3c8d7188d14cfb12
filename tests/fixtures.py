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


# an invented report of about 270 words (a real article's length: the shorter a body, the
# more bits one changed line moves; api/extract/fingerprint.py)
FERRY: dict[str, Any] = {
    "title": "Ferry service resumes after storms",
    "source": "Harbour Daily",
    "url": "https://harbour.example/ferry",
    "published_at": "2025-12-03T23:30:00-05:00",
    "body": (
        "The ferry between the two islands resumed on Wednesday evening after a week of "
        "storms, the operator said in a statement on its website.\n"
        "“Crossings will run every two hours until the weekend,” said operations manager "
        "Lena Varga, adding that extra crossings would be laid on if demand stayed high.\n"
        "Harbour officials said the breakwater had held and that no vessels were damaged, "
        "although two pontoons would need repairs before the summer season began.\n"
        "The storms closed the island's only school for three days and cut power to several "
        "hundred homes, the local council said. Engineers restored most connections by "
        "Tuesday night.\n"
        "Fishermen, who lost a week of work, asked the council for help with the cost of "
        "fuel and repairs. A council spokesman said a fund would be discussed at its next "
        "meeting, which is due to take place in the middle of the month.\n"
        "Ferry passengers on the first crossing described a calm sea and a crowded deck. Many "
        "were islanders returning from the mainland, where they had waited in hotels and with "
        "relatives since the service stopped.\n"
        "The operator said it would review its timetable for the winter months and would "
        "publish a revised schedule on its website by the end of next week. It said tickets "
        "bought for cancelled crossings would be refunded in full or could be used on any "
        "crossing before the end of the year.\n"
        "Weather forecasters expect calmer conditions for the rest of the week, although "
        "another band of strong winds could reach the coast on Sunday. The harbour master said "
        "crossings would be stopped again if waves rose above three metres."
    ),
}
# the same story on another site, with its own line at the end
REPUBLISHED = article(
    FERRY,
    url="https://coast.example/news/ferry-resumes",
    source="Coast News",
    body=FERRY["body"] + "\nThis story was first published by Harbour Daily.",
)
