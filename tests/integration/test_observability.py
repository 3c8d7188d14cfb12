"""Every response carries a request id and the security headers; every request is logged as
one JSON line with its id, method, path, status and duration."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import httpx
import pytest

from api.http.observability import JsonFormatter


async def test_request_id_is_echoed_or_made(client: httpx.AsyncClient) -> None:
    echoed = await client.get("/healthz", headers={"X-Request-ID": "trace-42.a:b"})
    assert echoed.headers["x-request-id"] == "trace-42.a:b"
    made = await client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32
    for hostile in ("a b", "x" * 129, "<script>"):
        response = await client.get("/healthz", headers={"X-Request-ID": hostile})
        assert response.headers["x-request-id"] != hostile


async def test_security_headers_on_success_and_on_problems(client: httpx.AsyncClient) -> None:
    for path in ("/v1/articles", "/v1/articles/nope", "/nowhere"):
        response = await client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["referrer-policy"] == "no-referrer", path
        assert response.headers["x-request-id"], path


async def test_each_request_is_one_json_log_line(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="gazette.access"):
        await client.get("/v1/quotes?q=secret+words", headers={"X-Request-ID": "req-7"})
    records = [r for r in caplog.records if r.name == "gazette.access"]
    assert len(records) == 1
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["msg"] == "request"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/v1/quotes", 200)
    assert line["duration_ms"] >= 0
    assert "secret" not in json.dumps(line)  # the query string is not logged


async def test_html_carries_a_content_security_policy(client: httpx.AsyncClient) -> None:
    docs = await client.get("/schema")
    assert docs.headers["content-type"].startswith("text/html")
    policy = docs.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "content-security-policy" not in (await client.get("/healthz")).headers


def test_building_the_app_keeps_the_json_log_configuration() -> None:
    """Litestar's default logging config replaces the root logger's handlers with plain text
    ones when the app is built; the JSON lines the README promises must survive it."""
    from api.http.app import create_app
    from api.http.observability import configure_logging
    from api.settings import Settings

    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        configure_logging("INFO")
        create_app(Settings(database_url="postgresql://unused"))
        assert [type(h.formatter) for h in root.handlers] == [JsonFormatter]
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])


def test_a_trusted_proxy_names_the_client_and_no_one_else_does() -> None:
    from api.http.observability import _client_behind_proxy

    trusted = frozenset({"127.0.0.1"})
    proxied: Any = {"client": ("127.0.0.1", 5000),
                    "headers": [(b"x-forwarded-for", b"198.51.100.7, 203.0.113.9")]}  # fmt: skip
    assert _client_behind_proxy(proxied, trusted)["client"] == ("203.0.113.9", 0)
    spoofed: Any = {**proxied, "client": ("192.0.2.1", 5000)}
    assert _client_behind_proxy(spoofed, trusted)["client"] == ("192.0.2.1", 5000)
    direct: Any = {"client": ("127.0.0.1", 5000), "headers": []}
    assert _client_behind_proxy(direct, trusted)["client"] == ("127.0.0.1", 5000)


def test_a_log_line_with_text_that_is_not_unicode_is_still_one_json_line() -> None:
    """A path of undecodable bytes reaches the access log as lone surrogates, which a UTF-8
    encoder refuses: the line is written with them escaped, not dropped."""
    record = logging.LogRecord("gazette.access", logging.INFO, "", 0, "request", None, None)
    record.path = "/v1/\udcff"
    line = json.loads(JsonFormatter().format(record))
    assert line["path"] == "/v1/\udcff" and line["msg"] == "request"
    plain = logging.LogRecord("gazette.access", logging.INFO, "", 0, "naïve", None, None)
    assert "naïve" in JsonFormatter().format(plain)  # UTF-8 as it is, not escaped


async def test_the_docs_page_works_offline(client: httpx.AsyncClient) -> None:
    """/schema loads its viewer from Gazette (api/static/docs), never from a CDN."""
    page = await client.get("/schema")
    assert page.status_code == 200
    external = re.findall(r"(?:src|href)=[\"']((?:https?:)?//[^\"']+)", page.text)
    assert external == []
    for asset in re.findall(r'(?:src|href)="(/docs-assets/[^"]+)"', page.text):
        served = await client.get(asset)
        assert served.status_code == 200, asset
        assert served.headers["content-type"].startswith(("text/javascript", "text/css"))
    assert "/docs-assets/swagger-ui-bundle.js" in page.text
