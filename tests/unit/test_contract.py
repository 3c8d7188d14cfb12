"""The committed OpenAPI document is the app's, and it documents every operation fully."""

from __future__ import annotations

import json
from typing import Any

import pytest

from api.http.openapi import SPEC_PATH, generate_spec
from api.http.operations import LAG, POSITION, REPLICA_READS, WRITES

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(generate_spec())
    return loaded


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def test_committed_spec_matches_the_app() -> None:
    committed = SPEC_PATH.read_text(encoding="utf-8")
    assert committed == generate_spec(), "openapi/openapi.json is stale: run `make openapi`"


def test_spec_is_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")


def test_every_operation_has_id_summary_and_tags(spec: dict[str, Any]) -> None:
    seen: set[str] = set()
    for path, method, op in operations(spec):
        assert op.get("operationId"), f"{method} {path} has no operationId"
        assert op["operationId"] not in seen
        seen.add(op["operationId"])
        assert op.get("summary"), f"{method} {path} has no summary"
        assert op.get("tags"), f"{method} {path} has no tags"


def test_errors_are_documented_as_problem_json(spec: dict[str, Any]) -> None:
    for path, method, op in operations(spec):
        responses = op["responses"]
        assert "400" in responses, f"{method} {path} does not document 400"
        if not path.startswith("/problems"):  # constants of the release: no database
            assert "503" in responses, f"{method} {path} does not document 503"
        if "{" in path:
            assert "404" in responses, f"{method} {path} does not document 404"
        if method == "get" and not path.startswith("/v1/actors/{actor_id}/"):
            assert "304" in responses, f"{method} {path} does not document 304"
        if path.startswith("/v1/"):
            assert {"401", "429"} <= set(responses), f"{method} {path}: access errors"
            if method != "get":
                assert "403" in responses, f"{method} {path} does not document 403"
                assert op["security"] == [{"bearerAuth": []}], f"{method} {path}: needs a key"
            else:
                assert {} in op["security"], f"{method} {path}: reads may go without a key"
        for status, response in responses.items():
            if status.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"], (path, status)


def test_replica_reads_and_writes_are_every_v1_operation(spec: dict[str, Any]) -> None:
    """Every GET of /v1 but the changes feed may read a replica and says so (the
    Gazette-Position parameter, the lag header); every other /v1 operation is a write that
    answers with its Gazette-Position (api/http/operations.py)."""
    v1 = [(path, method, op) for path, method, op in operations(spec) if path.startswith("/v1/")]
    gets = {op["operationId"] for _, method, op in v1 if method == "get"}
    assert gets - {"listChanges"} == REPLICA_READS
    assert {op["operationId"] for _, method, op in v1 if method != "get"} == WRITES
    for _, _, op in v1:
        names = {p["name"] for p in op.get("parameters", [])}
        assert (POSITION in names) == (op["operationId"] in REPLICA_READS)
        ok = [r for status, r in op["responses"].items() if status.startswith("2")]
        if op["operationId"] in WRITES:
            assert all(POSITION in r["headers"] for r in ok)
        if op["operationId"] in REPLICA_READS:
            assert all(LAG in r["headers"] for r in ok)
