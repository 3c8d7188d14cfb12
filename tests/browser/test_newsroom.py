"""The explorer as a newsroom tool, in a real browser (issue 18): search with facets and the
state in the URL, an editor correcting a quote's speaker, merging two actors and marking a claim
wrong with a key typed into the page, and the page at 375 px. Same server, database and Chromium as
test_explorer.py (its fixtures are imported, not copied); screenshots land in test-output/.
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
from typing import Any

import asyncpg
import httpx
import pytest

from api.db import keys
from tests.browser.test_explorer import (
    CHROMIUM,
    SCREENSHOTS,
    _admin_key,
    browser_page,
    explorer_database,
    post_article,
    quote_by,
    served,
    stored,
    sync_api,
)
from tests.fixtures import FERRY, MARKET_REPORT

# a refused request is logged by Chromium as a failed load: expected where tested
REFUSED = r"status of 4(01|03|12)"

__all__ = ["explorer_database", "served", "stored"]  # fixtures used by name below

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does where it can)",
)
expect = sync_api.expect
EDITOR = "Ana Editor"


@pytest.fixture(scope="module")
def key(explorer_database: str) -> str:
    """A key with the admin scope (merging actors needs it; admin can write)."""
    return asyncio.run(_admin_key(explorer_database))


@pytest.fixture(scope="module")
def newsroom(served: str, stored: dict[str, Any], key: str) -> dict[str, dict[str, Any]]:
    """Three articles from two sources on three days: the story, a market report, a ferry."""
    return {
        "story": stored,
        "market": post_article(served, key, MARKET_REPORT),
        "ferry": post_article(served, key, FERRY),
    }


def groups(served: str, path: str, by: str, **params: Any) -> dict[str, int]:
    """The API's own facet counts, to compare with what the page shows."""
    body = httpx.get(f"{served}/v1/{path}", params={**params, "group_by": by, "limit": 1}).json()
    return {g["key"]: g["count"] for g in body["groups"]}


def start_editing(page: Any, served: str, key: str) -> None:
    page.goto(f"{served}/#/editor")
    page.get_by_label("Write key").fill(key)
    page.get_by_label("Your name").fill(EDITOR)
    page.get_by_role("button", name="Start editing").click()
    expect(page.locator(".notice")).to_contain_text(f"Editing as {EDITOR}")
    assert key not in page.url


def test_search_with_facets_and_the_state_in_the_url(
    served: str, newsroom: dict[str, dict[str, Any]]
) -> None:
    sources = groups(served, "articles", "source")
    assert sources == {"harbour daily": 2, "test wire": 1}  # keys in lower case, labels as written
    with browser_page(served, refused=REFUSED) as page:
        page.goto(f"{served}/")
        expect(page.get_by_role("heading", name="Latest articles")).to_be_visible()
        results = page.locator(".results .result")
        expect(results).to_have_count(3)
        expect(page.locator(".total")).to_have_text("3 matches")
        # newest first (by when stored): the ferry came last
        expect(results.first).to_contain_text(FERRY["title"])

        # a source, with its count beside it, filters the list; the choice is in the URL
        # (click, not check(): the list is drawn anew, check() would look at the old input)
        page.get_by_role("radio", name="Harbour Daily (2)").click()
        expect(page).to_have_url(f"{served}/#/articles?source=harbour%20daily")
        expect(results).to_have_count(2)
        expect(page.locator(".total")).to_have_text("2 matches")
        expect(page.get_by_role("radio", name="Harbour Daily (2)")).to_be_checked()
        expect(page.get_by_role("radio", name="Harbour Daily (2)")).to_be_focused()

        # a date range narrows it further: published from 1 December on
        page.get_by_label("From").fill("2025-12-01")
        page.get_by_role("button", name="Apply dates").click()
        expect(page).to_have_url(f"{served}/#/articles?from=2025-12-01&source=harbour%20daily")
        expect(results).to_have_count(1)
        expect(results.first).to_contain_text(FERRY["title"])

        # the back button undoes the last choice
        page.go_back()
        expect(page).to_have_url(f"{served}/#/articles?source=harbour%20daily")
        expect(results).to_have_count(2)

        # claims: choosing a stance changes the results and the other facet's counts
        page.get_by_role("link", name="Claims", exact=True).click()
        expect(page.get_by_role("heading", name="Latest claims")).to_be_visible()
        stances = groups(served, "claims", "stance")
        assert set(stances) == {"asserted", "denied"}
        types_all = groups(served, "claims", "type")
        types_denied = groups(served, "claims", "type", stance="denied")
        assert types_all != types_denied
        claims = page.locator(".claims .claim")
        expect(claims).to_have_count(sum(stances.values()))
        for kind, count in types_all.items():
            expect(page.get_by_role("checkbox", name=f"{kind} ({count})")).to_be_visible()
        page.get_by_role("checkbox", name=f"denied ({stances['denied']})").click()
        expect(page).to_have_url(f"{served}/#/claims?stance=denied")
        expect(claims).to_have_count(stances["denied"])
        for kind, count in types_denied.items():
            expect(page.get_by_role("checkbox", name=f"{kind} ({count})")).to_be_visible()
        expect(page.locator(".claims .claim-asserted")).to_have_count(0)
        # by keyboard: Space on a focused facet, and the focus stays on it after the reload
        page.get_by_role("checkbox", name=re.compile(r"^denied ")).press("Space")
        expect(page).to_have_url(f"{served}/#/claims")
        expect(page.get_by_role("checkbox", name=re.compile(r"^denied "))).to_be_focused()
        expect(claims).to_have_count(sum(stances.values()))

        # a search ranks by relevance, and another order can be chosen
        page.get_by_role("link", name="Quotes", exact=True).click()
        page.get_by_role("searchbox", name="Search quotes").fill("corridor")
        page.get_by_role("button", name="Search").click()
        expect(page).to_have_url(f"{served}/#/quotes?q=corridor")
        expect(page.get_by_label("Order")).to_have_value("")  # the first choice: Best match
        expect(page.locator(".quote-item")).to_have_count(1)
        page.get_by_label("Order").select_option(label="Earliest published")
        expect(page).to_have_url(f"{served}/#/quotes?q=corridor&sort=published_at")
        page.screenshot(path=str(SCREENSHOTS / "newsroom-search.png"), full_page=True)

        # the CSV of a list is made in the page from the NDJSON stream
        page.get_by_role("link", name="Claims", exact=True).click()
        # (wait for it: the quotes page has a "Download CSV" button too)
        expect(page.get_by_role("heading", name="Latest claims")).to_be_visible()
        with page.expect_download() as download:
            page.get_by_role("button", name="Download CSV").click()
        rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
        assert len(rows) == sum(stances.values())
        assert {"id", "stance", "place.name", "evidence.text"} <= set(rows[0])
        with page.expect_download() as geo:
            page.get_by_role("button", name="Download GeoJSON").click()
        assert '"FeatureCollection"' in geo.value.path().read_text(encoding="utf-8")


def test_an_editor_corrects_a_quotes_speaker(
    served: str, newsroom: dict[str, dict[str, Any]], key: str
) -> None:
    market_quote = newsroom["market"]["quotes"][0]
    kovalenko = quote_by(newsroom["story"], "Oleh Kovalenko")["speaker"]
    with browser_page(served, refused=REFUSED) as page:
        start_editing(page, served, key)
        page.goto(f"{served}/#/quotes?q=corridor")
        item = page.locator(f'.quote-item[data-quote="{market_quote["id"]}"]')
        item.get_by_role("button", name="Correct this quote").click()
        item.get_by_label("Find the right speaker").fill("Kovalenko")
        item.get_by_role("button", name="Find").click()
        item.get_by_role("button", name="Choose Oleh Kovalenko").click()
        item.get_by_role("button", name="Save correction").click()

        expect(page.locator(".notice")).to_have_text(f"Quote corrected by {EDITOR}.")
        item = page.locator(f'.quote-item[data-quote="{market_quote["id"]}"]')
        expect(item.locator(".curated")).to_contain_text(f"Corrected by {EDITOR}")
        expect(item.get_by_role("link", name="Oleh Kovalenko")).to_be_visible()
        saved = httpx.get(f"{served}/v1/quotes/{market_quote['id']}").json()
        assert saved["speaker"]["id"] == kovalenko["id"]
        assert saved["curated_by"] == EDITOR
        page.screenshot(path=str(SCREENSHOTS / "newsroom-quote-corrected.png"), full_page=True)

        # someone else changes the quote while the form is open: 412, said, and reloaded
        item.get_by_role("button", name="Correct this quote").click()
        expect(item.get_by_label("Kind")).to_be_visible()
        current = httpx.get(f"{served}/v1/quotes/{market_quote['id']}")
        other = httpx.patch(
            f"{served}/v1/quotes/{market_quote['id']}",
            json={"curator": "Someone Else", "kind": "indirect"},
            headers={"Authorization": f"Bearer {key}", "If-Match": current.headers["ETag"]},
        )
        assert other.status_code == 200, other.text
        item.get_by_label("Kind").select_option("partial")
        item.get_by_role("button", name="Save correction").click()
        expect(page.locator(".notice")).to_contain_text("Someone else changed this quote")
        again = page.locator(f'.quote-item[data-quote="{market_quote["id"]}"] .curated')
        expect(again).to_contain_text("Corrected by Someone Else")

        # the article shows who corrected its quote too, with the same correction button
        page.goto(f"{served}/#/articles/{newsroom['market']['id']}")
        in_article = page.locator(f'.quotes .quote-item[data-quote="{market_quote["id"]}"]')
        expect(in_article.locator(".curated")).to_contain_text("Corrected by Someone Else")
        expect(in_article.get_by_role("button", name="Correct this quote")).to_be_visible()
        assert httpx.get(f"{served}/v1/quotes/{market_quote['id']}").json()["kind"] == "indirect"


def test_an_editor_merges_two_actors(
    served: str, newsroom: dict[str, dict[str, Any]], key: str
) -> None:
    varga = quote_by(newsroom["ferry"], "Lena Varga")
    sorokin = quote_by(newsroom["story"], "Ivan Sorokin")["speaker"]
    with browser_page(served, refused=REFUSED) as page:
        start_editing(page, served, key)
        page.goto(f"{served}/#/actors")
        expect(page.get_by_role("heading", name="Actors", exact=True)).to_be_visible()
        page.get_by_role("searchbox", name="Search actors").fill("Sorokin")
        page.get_by_role("button", name="Search").click()
        page.locator(".results").get_by_role("link", name="Ivan Sorokin").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Ivan Sorokin")

        page.get_by_label("Find the duplicate").fill("Varga")
        page.get_by_role("button", name="Find").click()
        page.get_by_role("button", name="Choose Lena Varga").click()
        page.get_by_role("button", name="Merge into this actor").click()

        expect(page.locator(".notice")).to_have_text(
            f"“Lena Varga” merged into “Ivan Sorokin” by {EDITOR}."
        )
        expect(page.locator(f'.quote-item[data-quote="{varga["id"]}"]')).to_have_count(1)
        expect(page.locator(".view-actor > .curated")).to_contain_text(f"Corrected by {EDITOR}")
        # the merged actor's address now leads to the one that absorbed it
        moved = httpx.get(f"{served}/v1/actors/{varga['speaker']['id']}", follow_redirects=False)
        assert moved.status_code == 301
        page.screenshot(path=str(SCREENSHOTS / "newsroom-actors-merged.png"), full_page=True)

        # a rename, signed like every correction
        page.get_by_label("Name", exact=True).fill("Ivan A. Sorokin")
        page.get_by_role("button", name="Rename").click()
        expect(page.locator(".notice")).to_have_text(f"Renamed by {EDITOR}.")
        expect(page.get_by_role("heading", level=1)).to_contain_text("Ivan A. Sorokin")

        # the actor's quotes filtered by kind: the choice lives in the actor page's URL
        page.get_by_role("checkbox", name=re.compile(r"^direct ")).click()
        expect(page).to_have_url(f"{served}/#/actors/{sorokin['id']}?kind=direct")
        expect(page.locator(".quote-item .badge", has_text="indirect")).to_have_count(0)


def test_an_editor_marks_a_claim_wrong(
    served: str, newsroom: dict[str, dict[str, Any]], key: str
) -> None:
    """Marked wrong, a claim stays on its place's timeline, struck through and signed, and no
    longer counts for who holds the place: the story's capture by Russia is what made Ukraine's
    hold contested. The editor can take it back."""
    story = newsroom["story"]
    capture = next(c for c in story["claims"] if c["stance"] == "asserted")
    place = capture["place"]
    contested = ".facts .badge-contested"
    with browser_page(served, refused=REFUSED) as page:
        page.goto(f"{served}/#/places/{place['id']}")
        expect(page.locator(contested)).to_have_count(1)
        expect(page.get_by_role("button", name="Mark this claim wrong")).to_have_count(0)

        start_editing(page, served, key)
        page.goto(f"{served}/#/places/{place['id']}")
        item = page.locator(f'.claim[data-claim="{capture["id"]}"]')
        item.get_by_role("button", name="Mark this claim wrong").click()
        expect(item.get_by_role("form", name="Mark this claim")).to_contain_text(
            "no longer decides who holds the place"
        )
        item.get_by_role("button", name="Mark wrong", exact=True).click()

        expect(page.locator(".notice")).to_have_text(f"Claim marked wrong by {EDITOR}.")
        item = page.locator(f'.claim[data-claim="{capture["id"]}"]')
        expect(item.locator(".badge-wrong")).to_have_text("marked wrong")  # words, not colour
        expect(item.locator(".curated")).to_contain_text(f"Marked wrong by {EDITOR}")
        expect(page.locator(".facts")).to_contain_text("Ukraine")
        expect(page.locator(contested)).to_have_count(0)
        saved = httpx.get(f"{served}/v1/claims/{capture['id']}").json()
        assert saved["wrong"] is True and saved["curated_by"] == EDITOR
        page.screenshot(path=str(SCREENSHOTS / "newsroom-claim-wrong.png"), full_page=True)

        # the article marks it too; the map leaves it out
        page.goto(f"{served}/#/articles/{story['id']}")
        in_article = page.locator(f'.claims .claim[data-claim="{capture["id"]}"]')
        expect(in_article.locator(".badge-wrong")).to_be_visible()
        mapped = httpx.get(f"{served}/v1/claims.geojson", params={"all": "true", "wrong": "false"})
        assert capture["id"] not in {f["id"] for f in mapped.json()["features"]}

        # taken back: the place is contested again
        in_article.get_by_role("button", name="Review this claim").click()
        in_article.get_by_role("button", name="Not wrong after all").click()
        expect(page.locator(".notice")).to_have_text(f"Claim restored by {EDITOR}.")
        page.goto(f"{served}/#/places/{place['id']}")
        expect(page.locator(contested)).to_have_count(1)
        assert httpx.get(f"{served}/v1/claims/{capture['id']}").json()["wrong"] is False


async def _read_key(url: str) -> str:
    conn = await asyncpg.connect(url)
    try:
        return (await keys.create_key(conn, "browser reader", ["read"]))[1]
    finally:
        await conn.close()


def test_refusals_are_readable(
    served: str, explorer_database: str, newsroom: dict[str, dict[str, Any]]
) -> None:
    quote = newsroom["market"]["quotes"][0]
    reader = asyncio.run(_read_key(explorer_database))  # before Playwright runs its own loop
    with browser_page(served, refused=REFUSED) as page:
        # a key the API does not know is refused at once, and not kept
        page.goto(f"{served}/#/editor")
        page.get_by_label("Write key").fill("gz_not_a_key")
        page.get_by_label("Your name").fill(EDITOR)
        page.get_by_role("button", name="Start editing").click()
        expect(page.get_by_role("alert")).to_contain_text("The key was refused:")
        assert page.evaluate("sessionStorage.getItem('gazette.apiKey')") is None

        # a key that may only read: the correction is refused with the API's own words
        start_editing(page, served, reader)
        page.goto(f"{served}/#/quotes?q=corridor")
        item = page.locator(f'.quote-item[data-quote="{quote["id"]}"]')
        item.get_by_role("button", name="Correct this quote").click()
        item.get_by_label("Kind").select_option("partial")
        item.get_by_role("button", name="Save correction").click()
        refusal = item.get_by_role("alert")
        expect(refusal).to_contain_text("Not saved:")
        expect(refusal).to_contain_text("do not include 'write'")  # the problem detail
        page.screenshot(path=str(SCREENSHOTS / "newsroom-refused.png"), full_page=True)


@pytest.mark.parametrize("where", ["#/", "#/actors", "#/places", "#/claims", "actor", "article"])
def test_the_pages_fit_a_phone(
    served: str, newsroom: dict[str, dict[str, Any]], key: str, where: str
) -> None:
    story = newsroom["story"]
    address = {
        "actor": f"#/actors/{quote_by(story, 'Oleh Kovalenko')['speaker']['id']}",
        "article": f"#/articles/{story['id']}",
    }.get(where, where)
    with browser_page(served, width=375, refused=REFUSED) as page:
        if where == "actor":  # with its editing forms open
            start_editing(page, served, key)
        page.goto(f"{served}/{address}")
        expect(page.locator(".view")).to_be_visible()
        expect(page.locator("main")).not_to_have_attribute("aria-busy", "true")
        if where == "actor":
            page.get_by_role("button", name="Correct this quote").first.click()
            expect(page.get_by_role("button", name="Save correction")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{address} scrolls sideways: {width} px"
        if where in ("#/", "actor"):
            name = "newsroom-375.png" if where == "#/" else "newsroom-375-actor.png"
            page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
