"""Query parameters an operation does not take: a 400 naming them, never ignored."""

from __future__ import annotations

import httpx
import pytest


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/v1/quotes?speeker=act_01m984r1e30qj18cr683eese87", "speeker"),
        ("/v1/articles?limit=5&sort_by=title", "sort_by"),
        ("/v1/quotes/quo_01m984r1erp1k9b0pne1w03mx2?fields=text", "fields"),
        ("/healthz?verbose=1", "verbose"),
    ],
)
async def test_a_parameter_the_operation_does_not_take_is_named(
    client: httpx.AsyncClient, path: str, name: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["errors"] == [
        {"source": "query", "name": name, "message": problem["errors"][0]["message"]}
    ]
    assert "no such parameter" in problem["errors"][0]["message"]


async def test_the_problem_lists_what_the_operation_takes(client: httpx.AsyncClient) -> None:
    problem = (await client.get("/v1/places?contry=UA")).json()
    assert (
        "bbox, count, country, cursor, group_by, limit, q, sort" in problem["errors"][0]["message"]
    )


async def test_a_single_valued_parameter_given_twice_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/quotes?limit=5&limit=500")
    assert response.status_code == 400
    assert response.json()["errors"][0]["name"] == "limit"
    assert "2 times" in response.json()["errors"][0]["message"]


async def test_known_parameters_still_work(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/quotes?limit=5&kind=direct")).status_code == 200
    assert (await client.get("/v1/changes?since=&limit=5")).status_code == 200


@pytest.mark.parametrize("path", ["/v1/quotes?kind=null", "/v1/claims?stance=null"])
async def test_null_is_not_a_value_of_an_enum_filter(client: httpx.AsyncClient, path: str) -> None:
    # msgspec would read it as "no filter": the spec says the filter is one of its values
    response = await client.get(path)
    assert response.status_code == 400
    assert "leave it out" in response.json()["errors"][0]["message"]


async def test_null_is_a_search_word_like_any_other(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/quotes?q=null")).status_code == 200
