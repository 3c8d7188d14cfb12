"""The committed contract: openapi/openapi.json is generated from the app, never by hand."""

from __future__ import annotations

import msgspec
from litestar.serialization import encode_json

from api.app import create_app
from api.settings import REPO_ROOT, Settings

SPEC_PATH = REPO_ROOT / "openapi" / "openapi.json"


def generate_spec() -> str:
    """The app's OpenAPI document as stable, indented JSON with a trailing newline."""
    app = create_app(Settings())
    raw = encode_json(app.openapi_schema.to_schema())
    return msgspec.json.format(raw, indent=2).decode("utf-8") + "\n"
