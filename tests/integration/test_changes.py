"""GET /v1/changes: what each write path logs, paging, and entries of concurrent transactions.

The concurrency tests hold transactions open on connections of their own and write to the
entity tables directly (the triggers log whatever writes them); nothing waits on a timer.
"""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx

from api.cursor import encode_position
from api.db.rows import Conn
from api.extract import Extractor
from api.services.reextract import reextract_article
from tests.fixtures import MARKET_REPORT, WIRE_REPORT, article
from tests.integration.conftest import ingest

EDITOR = "desk@news.example"

# (entity, id, op) of an entry; merges add merged_into, compared separately
Key = tuple[str, str, str]


def keys(entries: list[dict[str, Any]]) -> list[Key]:
    return [(e["entity"], e["id"], e["op"]) for e in entries]


async def changes_since(
    client: httpx.AsyncClient, since: str | None = None, **params: Any
) -> tuple[list[dict[str, Any]], str]:
    """Every entry after `since`, following `Link: rel=next`; and where to resume."""
    query = {**params, **({} if since is None else {"since": since})}
    response = await client.get("/v1/changes", params=query)
    entries: list[dict[str, Any]] = []
    while True:
        assert response.status_code == 200, response.text
        page = response.json()
        entries += page["data"]
        if not page["has_more"]:
            assert "link" not in response.headers
            return entries, page["next_cursor"]
        link = response.headers["link"]
        assert link.endswith('>; rel="next"') and "since=" in link
        response = await client.get(link[1 : link.index(">")])


def extracted(created: dict[str, Any]) -> set[tuple[str, str]]:
    """(entity, id) of the article and everything extracted from it."""
    found = {("article", created["id"])}
    for entity in ("actor", "quote", "claim", "place"):
        found |= {(entity, item["id"]) for item in created[f"{entity}s"]}
    return found


def actor_named(created: dict[str, Any], name: str) -> dict[str, Any]:
    return next(a for a in created["actors"] if a["name"] == name)


async def test_ingest_lists_the_article_and_its_entities_as_created(
    client: httpx.AsyncClient,
) -> None:
    wire = await ingest(client, WIRE_REPORT)
    entries, _ = await changes_since(client)
    assert keys(entries)[0] == ("article", wire["id"], "created")
    assert {e["op"] for e in entries} == {"created"}
    assert sorted((e["entity"], e["id"]) for e in entries) == sorted(extracted(wire))
    assert all(e["merged_into"] is None for e in entries)
    assert len({e["at"] for e in entries}) == 1  # one transaction


async def test_an_actor_named_again_is_not_updated_by_its_counts(
    client: httpx.AsyncClient,
) -> None:
    """Counts and first/last seen are derived: another article naming an actor adds no entry
    for it (documented on the endpoint)."""
    wire = await ingest(client, WIRE_REPORT)
    _, cursor = await changes_since(client)
    again = article(
        WIRE_REPORT,
        url="https://news.example/sorokin-again",
        body="Foreign ministry spokesman Ivan Sorokin said on Friday that nothing had changed.",
    )
    second = await ingest(client, again)
    sorokin = actor_named(wire, "Ivan Sorokin")["id"]
    assert sorokin in {a["id"] for a in second["actors"]}
    entries, _ = await changes_since(client, cursor)
    assert ("article", second["id"], "created") in keys(entries)
    assert sorokin not in {e["id"] for e in entries}


async def test_patch_quote_actor_and_claim_list_them_updated_once(
    client: httpx.AsyncClient,
) -> None:
    wire = await ingest(client, WIRE_REPORT)
    _, cursor = await changes_since(client)
    quote = wire["quotes"][0]
    kind = "partial" if quote["kind"] != "partial" else "direct"
    patched = await client.patch(
        f"/v1/quotes/{quote['id']}", json={"curator": EDITOR, "kind": kind}
    )
    assert patched.status_code == 200, patched.text
    entries, cursor = await changes_since(client, cursor)
    assert keys(entries) == [("quote", quote["id"], "updated")]

    # a rename changes the row and the aliases in three statements: still one entry
    sorokin = actor_named(wire, "Ivan Sorokin")
    renamed = await client.patch(
        f"/v1/actors/{sorokin['id']}",
        json={"curator": EDITOR, "name": "Ivan P. Sorokin", "aliases": ["I. Sorokin"]},
    )
    assert renamed.status_code == 200, renamed.text
    entries, cursor = await changes_since(client, cursor)
    assert keys(entries) == [("actor", sorokin["id"], "updated")]

    claim = wire["claims"][0]
    marked = await client.patch(
        f"/v1/claims/{claim['id']}", json={"curator": EDITOR, "wrong": True}
    )
    assert marked.status_code == 200, marked.text
    entries, _ = await changes_since(client, cursor)
    assert keys(entries) == [("claim", claim["id"], "updated")]


async def test_merge_lists_the_absorbed_actor_deleted_with_its_survivor(
    client: httpx.AsyncClient,
) -> None:
    wire = await ingest(client, WIRE_REPORT)
    _, cursor = await changes_since(client)
    survivor = actor_named(wire, "Ivan Sorokin")["id"]
    absorbed = actor_named(wire, "Oleh Kovalenko")["id"]
    merged = await client.post(
        f"/v1/actors/{survivor}/merge", json={"curator": EDITOR, "absorb": absorbed}
    )
    assert merged.status_code == 200, merged.text
    entries, _ = await changes_since(client, cursor)

    moved_quotes = {q["id"] for q in wire["quotes"] if (q["speaker"] or {}).get("id") == absorbed}
    assert moved_quotes, "the fixture should have a quote by the absorbed actor"
    roles = ("claimant", "controller", "previous_controller", "relayed_by")
    moved_claims = {
        c["id"] for c in wire["claims"] if any((c[r] or {}).get("id") == absorbed for r in roles)
    }
    expected = {
        ("actor", absorbed, "deleted"),
        ("actor", survivor, "updated"),
        *(("quote", q, "updated") for q in moved_quotes),
        *(("claim", c, "updated") for c in moved_claims),
    }
    assert sorted(keys(entries)) == sorted(expected)
    tombstone = next(e for e in entries if e["op"] == "deleted")
    assert tombstone["merged_into"] == survivor
    assert all(e["merged_into"] is None for e in entries if e is not tombstone)


async def test_deleting_an_article_lists_tombstones_for_what_went_with_it(
    client: httpx.AsyncClient,
) -> None:
    wire = await ingest(client, WIRE_REPORT)
    market = await ingest(client, MARKET_REPORT)
    _, cursor = await changes_since(client)
    assert (await client.delete(f"/v1/articles/{wire['id']}")).status_code == 204
    entries, _ = await changes_since(client, cursor)

    kept_actors = {a["id"] for a in market["actors"]}
    expected = {
        ("article", wire["id"], "deleted"),
        *(("quote", q["id"], "deleted") for q in wire["quotes"]),
        *(("claim", c["id"], "deleted") for c in wire["claims"]),
        *(("actor", a["id"], "deleted") for a in wire["actors"] if a["id"] not in kept_actors),
    }
    assert wire["quotes"] and wire["claims"]
    assert sorted(keys(entries)) == sorted(expected)
    # the places stay: the gazetteer's entries outlive the articles that named them
    assert not any(e["entity"] == "place" for e in entries)


async def test_reextraction_lists_replaced_quotes_and_claims(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record], extractor: Extractor
) -> None:
    wire = await ingest(client, WIRE_REPORT)
    _, cursor = await changes_since(client)
    assert await reextract_article(pool, extractor, wire["id"]) is not None
    entries, _ = await changes_since(client, cursor)
    fresh = (await client.get(f"/v1/articles/{wire['id']}")).json()
    expected = {
        *(("quote", q["id"], "deleted") for q in wire["quotes"]),
        *(("claim", c["id"], "deleted") for c in wire["claims"]),
        *(("quote", q["id"], "created") for q in fresh["quotes"]),
        *(("claim", c["id"], "created") for c in fresh["claims"]),
    }
    # same extractor version and the same actors: neither the article nor an actor changed
    assert sorted(keys(entries)) == sorted(expected)


async def test_paging_returns_every_entry_once_in_order(client: httpx.AsyncClient) -> None:
    wire = await ingest(client, WIRE_REPORT)
    await ingest(client, MARKET_REPORT)
    await client.delete(f"/v1/articles/{wire['id']}")
    whole = (await client.get("/v1/changes", params={"limit": 1000})).json()
    assert whole["has_more"] is False and len(whole["data"]) > 10

    paged, resume = await changes_since(client, limit=3)
    assert paged == whole["data"]
    assert resume == whole["next_cursor"] == whole["data"][-1]["cursor"]
    # resuming from any entry's own cursor gives exactly the entries after it
    middle = whole["data"][5]["cursor"]
    after, _ = await changes_since(client, middle, limit=4)
    assert after == whole["data"][6:]
    # the entity filter keeps the order and skips the rest
    quotes, _ = await changes_since(client, entity="quote", limit=2)
    assert quotes == [e for e in whole["data"] if e["entity"] == "quote"]


async def test_caught_up_answers_the_same_cursor_and_304(client: httpx.AsyncClient) -> None:
    empty = await client.get("/v1/changes", params={"since": ""})
    assert empty.status_code == 200
    assert empty.json()["data"] == [] and empty.json()["has_more"] is False
    assert (await client.get("/v1/changes")).json() == empty.json()

    await ingest(client, MARKET_REPORT)
    _, cursor = await changes_since(client)
    caught_up = await client.get("/v1/changes", params={"since": cursor})
    assert caught_up.json() == {"data": [], "next_cursor": cursor, "has_more": False}
    again = await client.get(
        "/v1/changes",
        params={"since": cursor},
        headers={"If-None-Match": caught_up.headers["etag"]},
    )
    assert again.status_code == 304


async def test_a_filtered_read_resumes_after_what_it_skipped(client: httpx.AsyncClient) -> None:
    await ingest(client, MARKET_REPORT)
    articles, cursor = await changes_since(client, entity="article")
    assert len(articles) == 1
    whole, end = await changes_since(client)
    assert cursor == end  # past the quotes and actors that followed the article
    assert whole[-1]["cursor"] == end


async def test_bad_parameters_are_400_naming_them(client: httpx.AsyncClient) -> None:
    for params, name in (
        ({"since": "not-a-cursor"}, "since"),
        ({"since": "0000000000000.1"}, "since"),  # 13 digits: beyond the documented range
        ({"entity": "mention"}, "entity"),
        ({"limit": "0"}, "limit"),
        ({"limit": "1001"}, "limit"),
    ):
        response = await client.get("/v1/changes", params=params)
        assert response.status_code == 400, (params, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert [e["name"] for e in response.json()["errors"]] == [name]


async def test_a_position_this_log_never_handed_out_is_410(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    """Transaction ids only grow: a position at or past the next one comes from another
    database (or one restored into a new cluster), and resuming there would skip entries."""
    await ingest(client, MARKET_REPORT)
    _, cursor = await changes_since(client)
    next_xid = int(await pool.fetchval("SELECT pg_snapshot_xmax(pg_current_snapshot())"))
    response = await client.get(
        "/v1/changes", params={"since": encode_position(next_xid + 1000, 1)}
    )
    assert response.status_code == 410, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert (await client.get("/v1/changes", params={"since": cursor})).status_code == 200


# --- concurrent transactions ----------------------------------------------------------------


async def touch_quote(conn: Conn, quote_id: str) -> None:
    """A change the triggers log as `updated` (written as any write path would)."""
    await conn.execute("UPDATE quotes SET cue = coalesce(cue, '') || '!' WHERE id = $1", quote_id)


async def test_a_running_write_holds_back_entries_committed_after_it(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    """T1 logs an entry and keeps running; T2 logs one after it and commits. Serving T2's
    entry now would move the client's cursor past T1's, which it would then never see."""
    wire = await ingest(client, WIRE_REPORT)
    first, second = wire["quotes"][0]["id"], wire["quotes"][1]["id"]
    _, cursor = await changes_since(client)
    async with pool.acquire() as t1_conn, pool.acquire() as t2_conn:
        t1 = t1_conn.transaction()
        await t1.start()
        await touch_quote(t1_conn, first)
        async with t2_conn.transaction():
            await touch_quote(t2_conn, second)

        held = (await client.get("/v1/changes", params={"since": cursor})).json()
        assert held == {"data": [], "next_cursor": cursor, "has_more": False}

        await t1.commit()
    entries, _ = await changes_since(client, cursor)
    assert keys(entries) == [("quote", first, "updated"), ("quote", second, "updated")]


async def test_an_entry_logged_first_but_committed_last_is_not_skipped(
    client: httpx.AsyncClient, pool: asyncpg.Pool[asyncpg.Record]
) -> None:
    """The trap of ordering by seq: T1 takes its transaction id, T2 logs an entry (the lower
    seq) and keeps running, T1 logs one (a higher seq) and commits. A reader in seq order
    that served T1's entry would have moved past T2's; in (xid, seq) order T2's comes after."""
    wire = await ingest(client, WIRE_REPORT)
    first, second = wire["quotes"][0]["id"], wire["quotes"][1]["id"]
    _, cursor = await changes_since(client)
    async with pool.acquire() as t1_conn, pool.acquire() as t2_conn:
        t1 = t1_conn.transaction()
        t2 = t2_conn.transaction()
        await t1.start()
        await t2.start()
        t1_xid = await t1_conn.fetchval("SELECT pg_current_xact_id()")
        await touch_quote(t2_conn, second)
        await touch_quote(t1_conn, first)
        await t1.commit()
        t1_seq = await pool.fetchval("SELECT seq FROM changes WHERE xid = $1", t1_xid)
        t2_seq = await t2_conn.fetchval("SELECT seq FROM changes WHERE xid = pg_current_xact_id()")
        assert t2_seq < t1_seq  # logged first, committed last

        seen, cursor = await changes_since(client, cursor)
        assert keys(seen) == [("quote", first, "updated")]

        await t2.commit()
    later, _ = await changes_since(client, cursor)
    assert keys(later) == [("quote", second, "updated")]
