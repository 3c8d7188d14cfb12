"""If-Match on PATCH and merge: a change made on a stale read is refused (412), so two
curators cannot overwrite each other unseen."""

from __future__ import annotations

from typing import Any

import httpx

from tests.fixtures import WIRE_REPORT


async def ingest(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.post("/v1/articles", json=WIRE_REPORT)
    assert response.status_code == 201
    created: dict[str, Any] = response.json()
    return created


async def test_the_second_of_two_curators_with_the_same_read_gets_412(
    client: httpx.AsyncClient,
) -> None:
    quote = (await ingest(client))["quotes"][0]["id"]
    read = await client.get(f"/v1/quotes/{quote}")
    etag = read.headers["etag"]
    first = await client.patch(
        f"/v1/quotes/{quote}", json={"curator": "ana", "kind": "indirect"},
        headers={"If-Match": etag},
    )  # fmt: skip
    assert first.status_code == 200
    assert first.headers["etag"] != etag  # the new version's tag, to chain the next change
    second = await client.patch(
        f"/v1/quotes/{quote}", json={"curator": "ben", "kind": "partial"},
        headers={"If-Match": etag},
    )  # fmt: skip
    assert second.status_code == 412
    assert second.json()["type"] == "/problems/precondition-failed"
    now = (await client.get(f"/v1/quotes/{quote}")).json()
    assert now["kind"] == "indirect" and now["curated_by"] == "ana"  # nothing of ben's
    chained = await client.patch(
        f"/v1/quotes/{quote}", json={"curator": "ben", "kind": "partial"},
        headers={"If-Match": first.headers["etag"]},
    )  # fmt: skip
    assert chained.status_code == 200


async def test_actor_patch_and_merge_check_if_match(client: httpx.AsyncClient) -> None:
    actors = (await ingest(client))["actors"]
    people = [a["id"] for a in actors if a["kind"] == "person"]
    survivor, absorbed = people[0], people[1]
    etag = (await client.get(f"/v1/actors/{survivor}")).headers["etag"]
    stale = '"' + "0" * 32 + '"'
    refused = await client.patch(
        f"/v1/actors/{survivor}", json={"curator": "ana", "name": "Someone Else"},
        headers={"If-Match": stale},
    )  # fmt: skip
    assert refused.status_code == 412
    weak = await client.post(
        f"/v1/actors/{survivor}/merge", json={"curator": "ana", "absorb": absorbed},
        headers={"If-Match": f"W/{etag}"},
    )  # fmt: skip
    assert weak.status_code == 412  # If-Match compares strongly: a weak tag never matches
    merged = await client.post(
        f"/v1/actors/{survivor}/merge", json={"curator": "ana", "absorb": absorbed},
        headers={"If-Match": f'"nope", {etag}'},
    )  # fmt: skip
    assert merged.status_code == 200
    anything = await client.patch(
        f"/v1/actors/{survivor}", json={"curator": "ana"}, headers={"If-Match": "*"}
    )
    assert anything.status_code == 200
