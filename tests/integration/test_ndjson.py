"""`Accept: application/x-ndjson` on a list streams every matching row, one JSON line each."""

from __future__ import annotations

from typing import Any

import httpx
import msgspec
import pytest

from api.http.routes import listing
from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article
from tests.integration.conftest import ingest

NDJSON = {"Accept": "application/x-ndjson"}


def lines(response: httpx.Response) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert response.headers["vary"] == "Accept"
    assert response.text == "" or response.text.endswith("\n")
    return [msgspec.json.decode(line) for line in response.text.splitlines()]


async def every_page(client: httpx.AsyncClient, path: str, **params: str) -> list[dict[str, Any]]:
    """The whole list the JSON way: page after page through next_cursor."""
    rows: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        page = (await client.get(path, params={**params, "limit": "2", **(
            {"cursor": cursor} if cursor else {})})).json()  # fmt: skip
        rows += page["data"]
        cursor = page["next_cursor"]
        if cursor is None:
            return rows


@pytest.fixture
async def three_articles(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    return [
        await ingest(client, WIRE_REPORT),
        await ingest(client, MARKET_REPORT),
        await ingest(
            client,
            article(
                WIRE_REPORT,
                url="https://news.example/again",
                title="Again",
                body=(WIRE_REPORT["body"] + "\n“Nothing has changed,” Sorokin added."),
            ),
        ),
    ]


@pytest.mark.parametrize(
    "path", ["/v1/quotes", "/v1/actors", "/v1/articles", "/v1/claims", "/v1/places"]
)
async def test_the_stream_is_every_page_in_order(
    client: httpx.AsyncClient,
    three_articles: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    path: str,
) -> None:
    monkeypatch.setattr(listing, "STREAM_PAGE", 2)  # several database pages in one stream
    streamed = lines(await client.get(path, headers=NDJSON))
    assert len(streamed) > 2
    assert streamed == await every_page(client, path)


async def test_filters_and_the_cursor_apply_and_limit_does_not(
    client: httpx.AsyncClient, three_articles: list[dict[str, Any]]
) -> None:
    sorokin = next(a for a in three_articles[0]["actors"] if a["name"] == "Ivan Sorokin")
    by_him = lines(
        await client.get(
            "/v1/quotes", params={"speaker": sorokin["id"], "limit": 1}, headers=NDJSON
        )
    )
    assert len(by_him) >= 3
    assert {q["speaker"]["id"] for q in by_him} == {sorokin["id"]}
    first = (await client.get("/v1/quotes", params={"limit": 1})).json()
    rest = lines(
        await client.get("/v1/quotes", params={"cursor": first["next_cursor"]}, headers=NDJSON)
    )
    everything = lines(await client.get("/v1/quotes", headers=NDJSON))
    assert [first["data"][0], *rest] == everything


async def test_nothing_matching_streams_an_empty_body(
    client: httpx.AsyncClient, three_articles: list[dict[str, Any]]
) -> None:
    assert lines(await client.get("/v1/quotes", params={"q": "zeppelin"}, headers=NDJSON)) == []


async def test_a_bad_filter_is_still_a_400_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/quotes", params={"cursor": "!"}, headers=NDJSON)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


async def test_json_stays_the_default(
    client: httpx.AsyncClient, three_articles: list[dict[str, Any]]
) -> None:
    response = await client.get("/v1/quotes", headers={"Accept": "*/*"})
    assert response.headers["content-type"] == "application/json"
    assert "data" in response.json()
