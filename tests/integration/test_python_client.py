"""A Python client generated from the committed spec (openapi-python-client, pinned in the
dev dependencies) works against the app: what a team that generates its client gets."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import asyncpg
import httpx
import pytest
from litestar import Litestar

from api.http.openapi import SPEC_PATH
from tests.fixtures import TRUNCATE, WIRE_REPORT
from tests.support import transport

PACKAGE = "gazette_client"
CONFIG = (
    f"project_name_override: gazette-client\npackage_name_override: {PACKAGE}\npost_hooks: []\n"
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The client package, generated into a temporary folder and importable from there."""
    folder = tmp_path_factory.mktemp("client")
    (folder / "config.yaml").write_text(CONFIG)
    generator = Path(sys.executable).with_name("openapi-python-client")
    subprocess.run(
        [str(generator), "generate", "--path", str(SPEC_PATH), "--config", "config.yaml",
         "--meta", "none", "--output-path", str(folder / PACKAGE)],
        cwd=folder, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def part(name: str) -> Any:
    """A module of the generated package, e.g. part("api.quotes.list_quotes")."""
    return importlib.import_module(f"{PACKAGE}.{name}")


async def test_the_generated_client_ingests_lists_and_reads_problems(
    generated: ModuleType, app: Litestar, pool: asyncpg.Pool[asyncpg.Record], admin_key: str
) -> None:
    await pool.execute(TRUNCATE)
    client = generated.AuthenticatedClient(base_url="http://gazette.test", token=admin_key)
    client.set_async_httpx_client(
        httpx.AsyncClient(
            transport=transport(app),
            base_url="http://gazette.test",
            headers={"Authorization": f"Bearer {admin_key}"},
        )
    )
    models = part("models")
    async with client:
        body = models.ArticleIn.from_dict(dict(WIRE_REPORT))
        created = await part("api.articles.create_article").asyncio_detailed(
            client=client, body=body
        )
        assert created.status_code == 201
        article = created.parsed
        # the 201 is the annotated article and what is worth a look about its ingest
        assert isinstance(article, models.IngestedArticle) and article.quotes
        assert (article.warnings, article.near_duplicates) == ([], [])

        quotes = await part("api.quotes.list_quotes").asyncio(
            client=client, kind=[models.ListQuotesKindItem("direct")], limit=5
        )
        assert isinstance(quotes, models.QuotePage)
        assert quotes.data and all(q.kind.value == "direct" for q in quotes.data)
        assert quotes.data[0].confidence == round(quotes.data[0].confidence, 3)

        missing = await part("api.quotes.get_quote").asyncio(
            client=client, quote_id="quo_" + "0" * 26
        )
        assert isinstance(missing, models.Problem)
        assert missing.type_ == "/problems/not-found"
        kinds = await part("api.problems.list_problem_types").asyncio(client=client)
        assert kinds is not None and missing.type_ in {k.type_ for k in kinds}
