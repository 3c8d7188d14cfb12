"""schemathesis holds the app to the committed openapi/openapi.json, in-process.

Stateless: every operation with generated valid and invalid input, all default checks.
Stateful: sequences linked through response ids (create an article, then read, list, delete).
The app runs its own lifespan on schemathesis's event loop, against the session's database.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from litestar import Litestar
from litestar.types import Receive, Scope, Send
from requests.structures import CaseInsensitiveDict
from schemathesis.generation.case import Case as GeneratedCase

from api.db import keys
from api.db.migrate import migrate
from api.extract import Extractor
from api.http.app import create_app
from api.http.openapi import SPEC_PATH
from api.settings import Settings
from tests.fixtures import TRUNCATE

Case = GeneratedCase[Any]  # a generated call of any operation of the spec


class DeferredApp:
    """An ASGI app whose real app is built by a fixture, once the test database exists.

    schemathesis needs the app when the module is collected; the database and the model are
    session fixtures that exist only later.
    """

    def __init__(self) -> None:
        self.app: Litestar | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert self.app is not None, "the contract_app fixture did not run"
        await self.app(scope, receive, send)


APP = DeferredApp()
schema = schemathesis.openapi.from_path(str(SPEC_PATH))
schema.app = APP


DATABASE: dict[str, str | None] = {"url": None}
# Known before the database exists: schemathesis asks for it while collecting the tests.
ADMIN_SECRET = keys.new_secret()


@schema.auth()
class AdminKey:
    """Every generated call carries a real admin key: the positive_data_acceptance check then
    proves that valid calls succeed (a wrong key would make them all documented 401s)."""

    def get(self, case: Case, context: object) -> str:
        return ADMIN_SECRET

    def set(self, case: Case, data: str, context: object) -> None:
        headers = CaseInsensitiveDict(case.headers or {})
        headers["Authorization"] = f"Bearer {data}"
        case.headers = headers


async def store_admin_key(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await migrate(conn)
        await keys.create_key(conn, "contract tests (admin)", ["admin"], secret=ADMIN_SECRET)
    finally:
        await conn.close()


async def empty_database(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(TRUNCATE)
    finally:
        await conn.close()


@pytest.fixture(scope="module", autouse=True)
def contract_app(database_url: str, extractor: Extractor) -> None:
    DATABASE["url"] = database_url
    asyncio.run(store_admin_key(database_url))
    settings = Settings(database_url=database_url, rate_limit_per_minute=0)
    APP.app = create_app(settings, extractor=extractor)


@schema.parametrize()
@settings(max_examples=40, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_contract(case: Case) -> None:
    case.call_and_validate()


class ContractStateMachine(schema.as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        # Every scenario starts from an empty database, so Hypothesis can replay one exactly
        # (a re-run POST would otherwise find its article stored and answer 200, not 201).
        assert DATABASE["url"] is not None
        asyncio.run(empty_database(DATABASE["url"]))


ContractStateMachine.TestCase.settings = settings(
    max_examples=25, stateful_step_count=8, suppress_health_check=list(HealthCheck)
)


def test_stateful_sequences(contract_app: None) -> None:
    ContractStateMachine.run()
