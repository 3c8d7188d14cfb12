"""The committed contract: openapi/openapi.json is generated from the app, never by hand."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar.serialization import encode_json

from api.http.app import create_app
from api.settings import REPO_ROOT, Settings

SPEC_PATH = REPO_ROOT / "openapi" / "openapi.json"


def generate_openapi() -> dict[str, Any]:
    """The app's OpenAPI document, as the served /schema/openapi.json has it (each
    operation's response headers sorted by api.http.operations, so it is stable)."""
    document: dict[str, Any] = create_app(Settings()).openapi_schema.to_schema()
    return document


def generate_spec() -> str:
    """The app's OpenAPI document as stable, indented JSON with a trailing newline."""
    raw = encode_json(generate_openapi())
    return msgspec.json.format(raw, indent=2).decode("utf-8") + "\n"
