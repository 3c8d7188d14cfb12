"""The explorer in a real browser: Chromium (Debian's, at /usr/bin/chromium) driven by Playwright
against the API served for real (`python -m api serve`, granian on a free port) on a database
of its own.

Skipped, with the reason, where Playwright or /usr/bin/chromium is missing (.ci/run installs
Chromium where apt-get exists). The screenshots land in test-output/ (ignored by git).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from api.db import keys
from api.db.migrate import migrate
from api.settings import REPO_ROOT
from tests.fixtures import WIRE_REPORT, article
from tests.support import free_port, scratch_database

CHROMIUM = Path("/usr/bin/chromium")
# Debian's build in a container: no sandbox (we run as root), no GPU, and nothing that calls
# home (the page must work with this origin alone).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = REPO_ROOT / "test-output"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does where it can)",
)

# The fixture article with a character outside the Basic Multilingual Plane up front: the
# API's offsets count code points, JavaScript strings UTF-16 units, and the page must not
# shift the highlights by one.
STORY = article(
    WIRE_REPORT,
    url="https://news.example/explorer",
    body="Filed by the \U0001d50aazette desk.\n" + WIRE_REPORT["body"],  # Fraktur G
)


async def _admin_key(url: str) -> str:
    conn = await asyncpg.connect(url)
    try:
        await migrate(conn)
        return (await keys.create_key(conn, "browser test", ["admin"]))[1]
    finally:
        await conn.close()


@pytest.fixture(scope="module")
def explorer_database(server_url: str) -> Iterator[str]:
    """A database of its own on the session's server, so the served API sees only our data."""
    with scratch_database(server_url, "gazette_browser") as url:
        yield url


@pytest.fixture(scope="module")
def served(explorer_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API served by `python -m api serve` on a free port; yields its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("served") / "serve.log"
    env = os.environ | {
        "DATABASE_URL": explorer_database,
        "PORT": str(port),
        "GAZETTE_WORKERS": "1",
        "GAZETTE_LOG_LEVEL": "WARNING",
    }
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "api", "serve"],
            cwd=REPO_ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        # readiness by polling (bounded): the worker loads the spaCy model first
        for _ in range(600):
            if proc.poll() is not None:
                pytest.fail(f"the API exited with {proc.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=0.2)  # the pause between polls; returns early if it exits
        else:
            pytest.fail(f"the API did not get ready:\n{log.read_text()}")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def stored(served: str, explorer_database: str) -> dict[str, Any]:
    """The fixture article, ingested through the API: its annotated JSON."""
    return post_article(served, asyncio.run(_admin_key(explorer_database)), STORY)


def post_article(served: str, key: str, body: dict[str, Any]) -> dict[str, Any]:
    """POST an article to the served API as `key`: its annotated JSON."""
    response = httpx.post(
        f"{served}/v1/articles", json=body, headers={"Authorization": f"Bearer {key}"}, timeout=60
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def quote_by(annotated: dict[str, Any], speaker: str) -> dict[str, Any]:
    quote: dict[str, Any] = next(
        q
        for q in annotated["quotes"]
        if q["speaker"] and q["speaker"]["name"] == speaker and q["kind"] == "direct"
    )
    return quote


def test_explorer_search_article_actor_place_and_map(served: str, stored: dict[str, Any]) -> None:
    quote = quote_by(stored, "Ivan Sorokin")
    speaker_id = quote["speaker"]["id"]
    siversk = next(p for p in stored["places"] if p["name"] == "Siversk")
    SCREENSHOTS.mkdir(exist_ok=True)

    expect = sync_api.expect
    # script errors, CSP violations and requests to another origin fail the test (browser_page)
    with browser_page(served) as page:
        # the start page lists the article; a search finds it
        response = page.goto(f"{served}/")
        assert response is not None and response.ok
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        expect(page.get_by_role("heading", name="Latest articles")).to_be_visible()
        page.get_by_role("searchbox", name="Search articles").fill("Sorokin envoy")
        page.get_by_role("button", name="Search").click()
        expect(page).to_have_url(f"{served}/#/articles?q=Sorokin%20envoy")
        results = page.locator(".results .result")
        expect(results).to_have_count(1)
        results.get_by_role("link", name=STORY["title"]).click()

        # the article: the quote highlighted in its speaker's colour, the legend names him
        expect(page).to_have_url(f"{served}/#/articles/{stored['id']}")
        expect(page.get_by_role("heading", level=1)).to_have_text(STORY["title"])
        marks = page.locator(f'.body mark.quote[data-quote="{quote["id"]}"]')
        expect(marks.first).to_be_visible()
        assert "".join(marks.all_text_contents()) == quote["text"]
        tone = next(c for c in marks.first.get_attribute("class").split() if "speaker-" in c)
        assert tone != "speaker-none"
        assert "Ivan Sorokin" in (marks.first.get_attribute("title") or "")
        legend = page.locator(".legend-item", has_text="Ivan Sorokin")
        expect(legend.locator(f".swatch.{tone}")).to_have_count(1)
        mention = page.locator(".body a.mention-actor", has_text="Ivan Sorokin")
        expect(mention).to_have_attribute("href", f"#/actors/{speaker_id}")
        place_link = page.locator(".body a.mention-place", has_text="Siversk")
        expect(place_link).to_have_attribute("href", f"#/places/{siversk['id']}")
        expect(page.locator(".claims .claim")).to_have_count(len(stored["claims"]))
        page.screenshot(path=str(SCREENSHOTS / "explorer.png"), full_page=True)

        # the speaker's page lists the quote
        legend.get_by_role("link", name="Ivan Sorokin").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Ivan Sorokin")
        expect(page.locator(".quote-item q", has_text=quote["text"])).to_have_count(1)

        # the place's page shows its claims as a timeline
        page.go_back()
        page.locator(".body a.mention-place", has_text="Siversk").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Siversk")
        siversk_claims = [c for c in stored["claims"] if c["place"]["id"] == siversk["id"]]
        expect(page.locator(".timeline .claim")).to_have_count(len(siversk_claims))

        # the map: country outlines from the bundled file, a marker that opens its claims
        page.get_by_role("link", name="Map", exact=True).click()
        expect(page.get_by_role("heading", name="Claims map")).to_be_visible()
        expect(page.locator(".view-map .countries path").first).to_be_attached()
        assert page.locator(".view-map .countries path").count() > 150
        marker = page.locator(".view-map .marker", has_text="Siversk")
        expect(marker).to_have_count(1)
        marker.locator("circle").click()
        expect(page.locator(".map-side .claim")).to_have_count(len(siversk_claims))
        page.screenshot(path=str(SCREENSHOTS / "explorer-map.png"))


@contextmanager
def browser_page(served: str, width: int = 1280, refused: str | None = None) -> Iterator[Any]:
    """A Chromium page on the served API that fails the test on script errors, CSP violations
    or requests to another origin; console errors matching `refused` (requests a test expects
    the API to refuse) excepted."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900}, accept_downloads=True)
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            elsewhere: list[str] = []

            def only_this_origin(route: Any) -> None:
                if route.request.url.startswith(served + "/"):
                    route.continue_()
                else:
                    elsewhere.append(route.request.url)
                    route.abort()

            page.route("**/*", only_this_origin)
            yield page
            assert [p for p in problems if not (refused and re.search(refused, p))] == []
            assert elsewhere == []
        finally:
            browser.close()
