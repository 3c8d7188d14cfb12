"""HEAD on every GET: the GET's status and headers, no body."""

from __future__ import annotations

import httpx
import pytest

from tests.fixtures import WIRE_REPORT


@pytest.mark.parametrize(
    "path", ["/v1/quotes?limit=1", "/v1/articles", "/healthz", "/problems", "/"]
)
async def test_head_answers_what_get_would_without_the_body(
    client: httpx.AsyncClient, path: str
) -> None:
    await client.post("/v1/articles", json=WIRE_REPORT)
    got = await client.get(path)
    head = await client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    for name in ("etag", "content-type", "content-length", "link"):
        assert head.headers.get(name) == got.headers.get(name), name


async def test_head_of_a_missing_entity_is_404_and_honours_if_none_match(
    client: httpx.AsyncClient,
) -> None:
    missing = await client.head("/v1/quotes/quo_" + "0" * 26)
    assert missing.status_code == 404 and missing.content == b""
    created = (await client.post("/v1/articles", json=WIRE_REPORT)).json()
    path = f"/v1/articles/{created['id']}"
    etag = (await client.head(path)).headers["etag"]
    assert (await client.head(path, headers={"If-None-Match": etag})).status_code == 304


async def test_a_path_without_get_does_not_take_head(client: httpx.AsyncClient) -> None:
    created = (await client.post("/v1/articles", json=WIRE_REPORT)).json()
    quote = created["quotes"][0]["id"]
    assert (await client.head(f"/v1/quotes/{quote}")).status_code == 200
    refused = await client.request("PUT", f"/v1/quotes/{quote}")
    assert refused.status_code == 405
    assert "HEAD" in refused.headers["allow"] and "GET" in refused.headers["allow"]
