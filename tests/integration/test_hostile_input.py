"""Hostile input never produces a 500 or a stack trace: injection strings and odd Unicode in
every string parameter and in article bodies."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import msgspec
import pytest

from api.openapi import SPEC_PATH
from tests.fixtures import MARKET_REPORT, article

NASTY = [
    "' OR 1=1 --",
    "'; DROP TABLE articles; --",
    '") UNION SELECT * FROM api_keys --',
    "\\x00",
    "%00",
    "\u202eevil\u202c",  # right-to-left override
    "\u200b\ufeff",  # zero-width space, byte order mark
    "\U0001f600" * 40,
    "\u201c" * 400,
    "[" * 400,
    "a:b & c | !d <-> e",  # tsquery operators
    "*",
    "%",
    "_",
]


def string_parameters() -> list[tuple[str, str, str]]:
    """(path, where, name) of every string parameter of every GET in the committed spec, so a
    new parameter is covered the day it is added."""
    spec = msgspec.json.decode(SPEC_PATH.read_bytes())
    found = []
    for path, operations in spec["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            schemas = [parameter["schema"], *parameter["schema"].get("oneOf", [])]
            if parameter["in"] in ("query", "path") and any(
                s.get("type") == "string" for s in schemas
            ):
                found.append((path, parameter["in"], parameter["name"]))
    return found


@pytest.mark.parametrize(("path", "where", "name"), string_parameters())
async def test_nasty_strings_in_every_parameter(
    client: httpx.AsyncClient, path: str, where: str, name: str
) -> None:
    for value in NASTY:
        if where == "path":
            response = await client.get(path.replace("{" + name + "}", quote(value, safe="")))
        else:
            response = await client.get(path, params={name: value})
        assert response.status_code in (200, 400, 404), (name, value, response.text)
        if response.status_code != 200:
            assert response.headers["content-type"] == "application/problem+json"
        assert "Traceback" not in response.text


def test_every_list_filter_is_covered() -> None:
    names = {(path, name) for path, _, name in string_parameters()}
    assert {("/v1/quotes", "speaker"), ("/v1/changes", "since"), ("/v1/claims", "bbox")} <= names
    assert len(names) > 25


async def test_a_megabyte_of_quotation_marks_is_refused_at_the_door(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/v1/articles", json=article(MARKET_REPORT, body="\u201c" * 1_000_000)
    )
    assert response.status_code == 413  # 3 MB of UTF-8: over the request size limit
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "text",
    [
        # spaCy's parse grows faster than a sentence's length, so text is parsed in chunks
        # of at most 1,000 characters; punctuation is still its slowest input (a token per
        # character): the sizes here keep the suite fast, the brackets are 10,000 deep.
        "\u201c" * 3_000,  # opening quotation marks, no closing one
        "\u201c\u201d" * 1_500,
        '"' * 3_001,
        "(" * 10_000 + ")" * 10_000,  # 10,000 nested brackets
        "\u202eReversed text said the official.\u202c \u201cOdd,\u201d he said.",
        "Emoji \U0001f600 said: \u201c\U0001f4a5\u201d " * 200,
        "' OR 1=1 -- said Bobby Tables. \u201cDROP TABLE articles;\u201d",
        "\n" * 5_000 + "Text at the end.",
    ],
)
async def test_nasty_article_bodies_are_stored_or_refused_never_500(
    client: httpx.AsyncClient, text: str
) -> None:
    response = await client.post("/v1/articles", json=article(MARKET_REPORT, body=text))
    assert response.status_code in (201, 400, 422), response.text
    if response.status_code == 201:
        stored = response.json()
        assert stored["body"] == text
        for quote in stored["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
