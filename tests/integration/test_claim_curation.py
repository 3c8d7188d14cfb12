"""A claim marked wrong (or reviewed) by a curator: what it changes (a place's holder and
contest, what a denial answers, list filters), that it needs If-Match to be current, and that
re-extraction keeps it as the curator left it."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx

from api.extract import Extractor
from api.services.reextract import reextract_article
from tests.fixtures import WIRE_REPORT, article
from tests.integration.conftest import ingest
from tests.integration.test_places_claims import CAPTURE, DENIAL, siversk

EDITOR = "desk@news.example"


def asserted(created: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in created["claims"] if c["stance"] == "asserted")


async def mark(client: httpx.AsyncClient, claim_id: str, **fields: Any) -> dict[str, Any]:
    response = await client.patch(f"/v1/claims/{claim_id}", json={"curator": EDITOR, **fields})
    assert response.status_code == 200, response.text
    marked: dict[str, Any] = response.json()
    return marked


async def test_marking_a_claim_wrong_shows_who_and_reads_back(client: httpx.AsyncClient) -> None:
    claim = asserted(await ingest(client, CAPTURE))
    assert (claim["wrong"], claim["curated"], claim["curated_by"]) == (False, False, None)
    marked = await mark(client, claim["id"], wrong=True)
    assert marked["wrong"] is True and marked["curated"] is True
    assert marked["curated_by"] == EDITOR and marked["curated_at"] is not None
    curation = ("wrong", "curated", "curated_by", "curated_at")
    rest = {k: v for k, v in marked.items() if k not in curation}
    assert rest == {k: v for k, v in claim.items() if k not in curation}  # nothing else moved
    assert (await client.get(f"/v1/claims/{claim['id']}")).json() == marked
    reviewed = await mark(client, claim["id"])  # only a curator: reviewed, `wrong` as it was
    assert reviewed["wrong"] is True
    taken_back = await mark(client, claim["id"], wrong=False)
    assert taken_back["wrong"] is False and taken_back["curated"] is True


async def test_a_wrong_claim_no_longer_decides_who_holds_the_place(
    client: httpx.AsyncClient,
) -> None:
    capture = await ingest(client, CAPTURE)
    await ingest(client, DENIAL)
    place = f"/v1/places/{siversk(capture)}"
    assert (await client.get(place)).json()["latest_controller"]["status"] == "contested"
    await mark(client, asserted(capture)["id"], wrong=True)
    after = (await client.get(place)).json()
    assert after["latest_controller"] is None  # no other claim names a holder
    assert after["claims"] == 2  # still counted, still readable
    await mark(client, asserted(capture)["id"], wrong=False)
    back = (await client.get(place)).json()
    assert back["latest_controller"]["status"] == "contested"


async def test_a_later_denial_does_not_answer_a_wrong_claim(client: httpx.AsyncClient) -> None:
    capture = await ingest(client, CAPTURE)
    await mark(client, asserted(capture)["id"], wrong=True)
    denial = await ingest(client, DENIAL)
    denied = next(c for c in denial["claims"] if c["stance"] == "denied")
    assert denied["responds_to"] is None


async def test_lists_filter_on_wrong(client: httpx.AsyncClient) -> None:
    capture = await ingest(client, CAPTURE)
    await ingest(client, DENIAL)
    wrong_id = asserted(capture)["id"]
    await mark(client, wrong_id, wrong=True)

    async def ids(**params: Any) -> set[str]:
        response = await client.get("/v1/claims", params=params)
        assert response.status_code == 200, response.text
        return {c["id"] for c in response.json()["data"]}

    every = await ids()
    assert wrong_id in every and len(every) >= 2
    assert await ids(wrong="true") == {wrong_id}
    assert await ids(wrong="false") == every - {wrong_id}
    counted = (await client.get("/v1/claims", params={"wrong": "false", "count": "true"})).json()
    assert counted["meta"]["count"] == len(every) - 1
    features = (await client.get("/v1/claims.geojson", params={"wrong": "true"})).json()
    assert [f["id"] for f in features["features"]] == [wrong_id]
    assert (await client.get("/v1/claims", params={"wrong": "maybe"})).status_code == 400


async def test_patch_claim_refuses_what_it_cannot_apply(client: httpx.AsyncClient) -> None:
    claim_id = asserted(await ingest(client, CAPTURE))["id"]
    path = f"/v1/claims/{claim_id}"
    no_curator = await client.patch(path, json={"wrong": True})
    assert no_curator.status_code == 400
    not_a_flag = await client.patch(path, json={"curator": EDITOR, "wrong": "yes"})
    assert not_a_flag.status_code == 400
    missing = await client.patch(
        "/v1/claims/clm_00000000000000000000000000", json={"curator": EDITOR, "wrong": True}
    )
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert (await client.get(path)).json()["curated"] is False


async def test_a_stale_if_match_is_412_and_changes_nothing(client: httpx.AsyncClient) -> None:
    claim_id = asserted(await ingest(client, CAPTURE))["id"]
    path = f"/v1/claims/{claim_id}"
    etag = (await client.get(path)).headers["etag"]
    first = await client.patch(
        path, json={"curator": "ana", "wrong": True}, headers={"If-Match": etag}
    )
    assert first.status_code == 200 and first.headers["etag"] != etag
    second = await client.patch(
        path, json={"curator": "ben", "wrong": False}, headers={"If-Match": etag}
    )
    assert second.status_code == 412
    now = (await client.get(path)).json()
    assert now["wrong"] is True and now["curated_by"] == "ana"


async def test_the_key_that_marked_it_is_recorded(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    key_id = await pool.fetchval("SELECT id FROM api_keys WHERE name = 'tests (admin)'")
    claim_id = asserted(await ingest(client, CAPTURE))["id"]
    await mark(client, claim_id, wrong=True)
    assert await pool.fetchval("SELECT curated_key FROM claims WHERE id = $1", claim_id) == key_id


async def test_reextraction_keeps_a_wrong_claim_and_adds_no_twin(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor
) -> None:
    wire = await ingest(client, WIRE_REPORT)
    claim = asserted(wire)
    answers = [c for c in wire["claims"] if c["responds_to"] == claim["id"]]
    assert answers  # the article's denial answers this claim
    marked = await mark(client, claim["id"], wrong=True)

    change = await reextract_article(pool, extractor, wire["id"])
    assert change is not None and change.kept_curated_claims == 1 and not change.changed

    after = (await client.get(f"/v1/articles/{wire['id']}")).json()
    kept = next(c for c in after["claims"] if c["id"] == claim["id"])
    assert kept == marked
    same = ("evidence", "stance", "place_text")
    twins = [c for c in after["claims"] if all(c[k] == claim[k] for k in same)]
    assert twins == [kept]  # the extractor's claim was not added beside the curated one
    assert len(after["claims"]) == len(wire["claims"])
    # the denial found again still answers the curated claim
    assert [c["responds_to"] for c in after["claims"] if c["id"] == answers[0]["id"]] == [
        claim["id"]
    ]
    involved = {a["id"] for a in after["actors"]}
    assert kept["controller"] is None or kept["controller"]["id"] in involved
    assert kept["place"]["id"] in {p["id"] for p in after["places"]}


async def test_a_curated_denial_keeps_the_claim_it_answers(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor
) -> None:
    """Re-extraction deletes and adds again the claim a curated denial answers (with the same
    id): the answer is restored, not left null by the delete."""
    wire = await ingest(client, article(WIRE_REPORT, url="https://news.example/curated-denial"))
    denial = next(c for c in wire["claims"] if c["stance"] == "denied" and c["responds_to"])
    await mark(client, denial["id"])
    await reextract_article(pool, extractor, wire["id"])
    again = (await client.get(f"/v1/claims/{denial['id']}")).json()
    assert again["responds_to"] == denial["responds_to"] and again["curated"] is True
