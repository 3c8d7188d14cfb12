"""The liveness probe answered in front of the router (api.http.probes) says what the route says."""

from __future__ import annotations

import httpx
from litestar import Litestar

from api.http.state import Resources


def answer(response: httpx.Response) -> tuple[int, bytes, dict[str, str]]:
    headers = {k: v for k, v in response.headers.items() if k != "x-request-id"}
    return response.status_code, response.content, headers


async def test_the_front_answers_the_bytes_and_headers_of_the_route(
    client: httpx.AsyncClient,
) -> None:
    front = await client.get("/healthz")
    # an Origin sends the request through the full stack (CORS), to the route itself
    route = await client.get("/healthz", headers={"Origin": "https://elsewhere.example"})
    assert answer(front) == answer(route)
    assert front.json() == {"status": "ok"} and front.headers["cache-control"] == "no-store"
    assert front.headers["x-request-id"] and front.headers["x-content-type-options"] == "nosniff"
    etag = front.headers["etag"]
    for origin in ({}, {"Origin": "https://elsewhere.example"}):
        again = await client.get("/healthz", headers={"If-None-Match": f'W/"x", {etag}', **origin})
        assert again.status_code == 304 and again.content == b"", origin
    assert answer(await client.get("/healthz", headers={"If-None-Match": etag})) == answer(
        await client.get(
            "/healthz", headers={"If-None-Match": etag, "Origin": "https://elsewhere.example"}
        )
    )


async def test_a_database_gone_for_good_is_the_routes_503(
    app: Litestar, client: httpx.AsyncClient
) -> None:
    resources: Resources = app.state.resources
    dead_after = resources.settings.database_dead_after_s
    saved = resources.liveness.down_since
    resources.liveness.down_since = -(dead_after + 1.0)  # long before the monotonic clock's 0
    try:
        dead = await client.get("/healthz")
    finally:
        resources.liveness.down_since = saved
    assert dead.status_code == 503
    assert dead.headers["content-type"] == "application/problem+json"
    assert (await client.get("/healthz")).status_code == 200


async def test_other_methods_reach_the_router(client: httpx.AsyncClient) -> None:
    assert (await client.post("/healthz")).status_code == 405
