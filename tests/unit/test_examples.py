"""The examples in the committed spec never lie: each one validates against its schema.

OpenAPI 3.1 schemas are JSON Schema draft 2020-12. Each example is validated against its
media type's schema inside a document that also holds the spec's `components`, so the
`#/components/schemas/…` references resolve as they do in the spec. Formats (date-time) are
checked too.
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema_rs
import msgspec
import pytest

from api.http.example_article import ARTICLE
from api.http.examples import EXAMPLES
from api.http.openapi import SPEC_PATH
from api.http.routes.common import strict_body
from api.schemas import Span

METHODS = ("get", "post", "put", "patch", "delete")
SPEC: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
OPERATIONS = [
    (path, method, op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in METHODS
]


def media_types(op: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(where, media type, media type object) of the request body and every response."""
    found = [
        ("request", name, media)
        for name, media in op.get("requestBody", {}).get("content", {}).items()
    ]
    for status, response in op["responses"].items():
        found += [(status, name, media) for name, media in response.get("content", {}).items()]
    return found


CASES = [
    pytest.param(media["schema"], name, example["value"], id=f"{op['operationId']}-{where}-{name}")
    for _, _, op in OPERATIONS
    for where, name, media in media_types(op)
    for example in media.get("examples", {}).values()
]


def validator(schema: dict[str, Any]) -> jsonschema_rs.Draft202012Validator:
    document = {**schema, "components": SPEC["components"]}
    return jsonschema_rs.Draft202012Validator(document, validate_formats=True)


@pytest.mark.parametrize(("schema", "media_type", "value"), CASES)
def test_example_matches_its_schema(schema: dict[str, Any], media_type: str, value: Any) -> None:
    errors = [
        f"{'/'.join(map(str, error.instance_path))}: {error.message}"
        for error in validator(schema).iter_errors(value)
    ]
    assert not errors, f"{media_type} example does not match its schema: {errors}"


def test_there_are_examples_to_check() -> None:
    assert len(CASES) > 100  # a body, each 2xx response and each error of 19 operations


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=lambda v: str(v)[:40])
def test_every_body_has_an_example(path: str, method: str, op: dict[str, Any]) -> None:
    for where, media_type, media in media_types(op):
        assert media.get("examples"), f"{method} {path}: {where} {media_type} has no example"


def test_every_example_belongs_to_an_operation() -> None:
    assert set(EXAMPLES) == {op["operationId"] for _, _, op in OPERATIONS}


@pytest.mark.parametrize(("path", "method", "op"), OPERATIONS, ids=lambda v: str(v)[:40])
def test_example_path_fits_the_operation(path: str, method: str, op: dict[str, Any]) -> None:
    """The example request's path fills the path template with ids of the right pattern."""
    example_path = EXAMPLES[op["operationId"]].path
    template, concrete = path.split("/"), example_path.split("/")
    assert len(template) == len(concrete), (path, example_path)
    parameters = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "path"}
    for part, value in zip(template, concrete, strict=True):
        if part.startswith("{"):
            schema = parameters[part.strip("{}")]["schema"]
            assert validator(schema).is_valid(value), (part, value)
        else:
            assert part == value, (path, example_path)


def test_request_examples_pass_the_apps_strict_decoding() -> None:
    for exchange in EXAMPLES.values():
        if exchange.request is not None:
            raw = msgspec.json.encode(exchange.request)
            assert strict_body(raw, type(exchange.request)) == exchange.request


def test_article_offsets_point_at_their_text() -> None:
    spans: list[Span] = [
        *(mention for actor in ARTICLE.actors for mention in actor.mentions),
        *(mention for place in ARTICLE.places for mention in place.mentions),
        *(Span(quote.start, quote.end, quote.text) for quote in ARTICLE.quotes),
        *(claim.evidence for claim in ARTICLE.claims),
    ]
    assert len(spans) > 10
    for span in spans:
        assert ARTICLE.body[span.start : span.end] == span.text
