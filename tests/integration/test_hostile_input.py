"""Hostile input never produces a 500 or a stack trace: injection strings and odd Unicode in
every string parameter and in article bodies."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import jsonschema_rs
import msgspec
import pytest

from api.http.openapi import SPEC_PATH
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
            schema = parameter["schema"]
            # a string, or a repeated filter of strings (kind=direct&kind=partial)
            schemas = [schema, *schema.get("oneOf", []), schema.get("items", {})]
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


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/articles"),
        ("PATCH", "/v1/quotes/quote_0000000000000000"),
        ("PATCH", "/v1/actors/actor_0000000000000000"),
        ("POST", "/v1/actors/actor_0000000000000000/merge"),
    ],
)
async def test_a_json_body_that_is_not_utf8_is_a_400(
    client: httpx.AsyncClient, method: str, path: str
) -> None:
    response = await client.request(
        method, path, content=b'{"title": "\xff\xfe"}', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "UTF-8" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/explorer/%00x", "/explorer/a%00%0aforged", "/v1/quotes%0d%0a"])
async def test_control_characters_in_a_path_are_a_404_without_a_traceback(
    client: httpx.AsyncClient, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    response = await client.get(path)
    assert response.status_code == 404, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "\n" not in response.json()["instance"]
    assert not [r for r in caplog.records if r.exc_info], "a client error logged a traceback"


def test_the_access_log_escapes_a_forged_line() -> None:
    import logging

    from api.http.observability import JsonFormatter

    record = logging.LogRecord("gazette.access", logging.INFO, __file__, 1, "request", (), None)
    forged = '/a\x00\n{"level": "error", "msg": "forged"}'
    record.__dict__["path"] = forged  # an extra field, as logging sets the access log's
    line = JsonFormatter().format(record)
    assert "\n" not in line and msgspec.json.decode(line)["path"] == forged


@pytest.mark.parametrize(
    "when", ["0001-01-01T00:00:00Z", "0001-01-01T12:00:00-05:00", "9999-12-31T23:59:59.999999Z"]
)
async def test_instants_the_driver_turns_into_infinity_are_refused(
    client: httpx.AsyncClient, when: str
) -> None:
    response = await client.post(
        "/v1/articles", json=article(MARKET_REPORT, published_at=when, url=None)
    )
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["name"] == "published_at"


async def test_the_earliest_storable_instant_comes_back_as_sent(client: httpx.AsyncClient) -> None:
    sent = "0001-01-02T00:00:00Z"
    response = await client.post("/v1/articles", json=article(MARKET_REPORT, published_at=sent))
    assert response.status_code == 201, response.text
    stored = await client.get(f"/v1/articles/{response.json()['id']}")
    assert stored.json()["published_at"] == sent


async def test_links_never_carry_the_clients_host_header(client: httpx.AsyncClient) -> None:
    for n in range(2):
        body = article(MARKET_REPORT, body=f"Report number {n}: exports rose.", url=None)
        assert (await client.post("/v1/articles", json=body)).status_code == 201
    response = await client.get("/v1/articles?limit=1", headers={"Host": "evil.example"})
    link = response.headers["link"]
    assert link.startswith("</v1/articles?") and "evil" not in link, link


@pytest.mark.parametrize(("path", "where", "name"), string_parameters())
async def test_a_parameter_refused_for_nul_says_so_in_the_spec(
    client: httpx.AsyncClient, path: str, where: str, name: str
) -> None:
    """A value the server refuses with 400 must be one the spec's schema refuses too, or
    generated clients and contract tests are told it is fine."""
    if where == "path":
        response = await client.get(path.replace("{" + name + "}", "%00"))
    else:
        response = await client.get(path, params={name: "\x00"})
    if response.status_code != 400:
        return
    spec = msgspec.json.decode(SPEC_PATH.read_bytes())
    parameter = next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name)
    assert not jsonschema_rs.Draft202012Validator(
        parameter["schema"], validate_formats=True
    ).is_valid("\x00"), name


async def test_an_article_keeps_at_most_500_entities_of_each_kind(
    client: httpx.AsyncClient,
) -> None:
    """Before: text built of quotes and claims gave one article thousands of each, and its
    multi-megabyte detail response starved every other read."""
    body = " ".join(
        f"\u201cPoint {n} stands,\u201d the minister said. Troops captured Bakhmut."
        for n in range(700)
    )
    response = await client.post("/v1/articles", json=article(MARKET_REPORT, body=body))
    assert response.status_code == 201, response.text[:300]
    stored = (await client.get(f"/v1/articles/{response.json()['id']}")).json()
    assert len(stored["quotes"]) == 500
    assert 0 < len(stored["claims"]) <= 500
    starts = [quote["start"] for quote in stored["quotes"]]
    assert max(starts) < len(body) * 0.8  # the first found, not any 500
