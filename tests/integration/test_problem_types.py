"""Problems say what kind they are in `type`, a path that describes the kind; their
messages name formats in words, never as regular expressions."""

from __future__ import annotations

import httpx
import pytest

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "slug"),
    [
        ("GET", "/v1/quotes/quo_nope", None, 400, "invalid-request"),
        ("GET", "/v1/quotes?speeker=x", None, 400, "invalid-request"),
        ("GET", "/v1/quotes/quo_01m984r1erp1k9b0pne1w03mx2", None, 404, "not-found"),
        ("GET", "/v1/nothing-here", None, 404, "not-found"),
        ("DELETE", "/v1/quotes", None, 405, "method-not-allowed"),
        ("POST", "/v1/articles", b"title=x", 415, "unsupported-media-type"),
    ],
)
async def test_each_problem_has_the_type_of_its_kind(
    client: httpx.AsyncClient, method: str, path: str, body: bytes | None, status: int, slug: str
) -> None:
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    response = await client.request(method, path, content=body, headers=headers)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["type"] == f"/problems/{slug}"
    described = await client.get(problem["type"])
    assert described.status_code == 200
    assert described.json()["title"] == problem["title"]
    assert described.json()["status"] == status


async def test_the_kinds_are_listed_and_an_unknown_one_is_not_found(
    client: httpx.AsyncClient,
) -> None:
    kinds = (await client.get("/problems")).json()
    assert {"not-found", "invalid-request", "too-many-requests"} <= {
        k["type"].removeprefix("/problems/") for k in kinds
    }
    missing = await client.get("/problems/no-such-kind")
    assert missing.status_code == 404 and missing.json()["type"] == "/problems/not-found"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/v1/quotes/quo_nope", "a quote id: `quo_` and 26 letters or digits"),
        ("/v1/quotes?cursor=!!", "the `next_cursor` of a previous page"),
        ("/v1/claims?bbox=1,2,3", "a box `min_lon,min_lat,max_lon,max_lat`"),
        ("/v1/places?country=ukraine", "ISO 3166-1 alpha-2"),
        ("/v1/changes?since=zz", "the `next_cursor` of a previous response"),
    ],
)
async def test_messages_name_formats_in_words(
    client: httpx.AsyncClient, path: str, words: str
) -> None:
    problem = (await client.get(path)).json()
    assert problem["status"] == 400
    message = problem["errors"][0]["message"]
    assert words in message and "regex" not in problem["detail"] and "^" not in message


async def test_a_body_field_in_the_wrong_format_is_named_in_words(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/v1/articles", json={"title": "t", "body": "A body.", "url": "ftp://example.org/x"}
    )
    assert response.status_code == 400
    assert "an http:// or https:// URL" in response.json()["detail"]
    assert "regex" not in response.text
