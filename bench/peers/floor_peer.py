"""The floor under Gazette's read path: Gazette's own reads in a bare ASGI app.

    GET /healthz                  {"status":"ok"}
    GET /v1/quotes                ?cursor=<keyset> &speaker=act_...  (a page of 50)
    GET /v1/articles/{id}         the annotated article

The same statements, the same row readers (api.db.records), the same pool (api.db.pool) and
the same encoder and ETag as Gazette, without Litestar, middleware, validation of the query,
errors, content negotiation or the Link header: what serving these responses costs in
Python when nothing else is done. A server that does more on these reads spends more, so
bench/floor.py measures it beside Gazette and the FastAPI twin of ../shared/peers (which
runs the same statements): the gap Gazette - floor is what the web stack costs, and the
floor's own ratio to the twin is about as far as a Python server on these reads gets.
Not a product: it answers 500 on a malformed request.

    DATABASE_URL=... granian --interface asgi --workers 2 --port 18820 bench.peers.floor_peer:app
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import parse_qsl

import msgspec

from api.cursor import Keyset, decode_cursor, encode_cursor
from api.db import reads
from api.db.pool import create_pool
from api.filters import QuoteFilters
from api.http.responses import etag_for
from api.pages import Page

ENCODER = msgspec.json.Encoder()
HEALTH = b'{"status":"ok"}'


class State:
    pool: Any = None


async def respond(send: Any, body: bytes) -> None:
    headers = [
        (b"content-type", b"application/json"),
        (b"etag", etag_for(body).encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def lifespan(receive: Any, send: Any) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            State.pool = await create_pool(
                os.environ["DATABASE_URL"], min_size=1, max_size=8, statement_timeout_ms=15_000
            )
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await State.pool.close()
            await send({"type": "lifespan.shutdown.complete"})
            return


async def quotes(scope: Any, send: Any) -> None:
    given = dict(parse_qsl(scope["query_string"].decode("latin-1")))
    after: Keyset | None = None
    if "cursor" in given:
        after = decode_cursor("quote", given["cursor"])
    page = await reads.read_list(
        State.pool, reads.QUOTES, QuoteFilters(speaker=given.get("speaker")), "-created", after, 50
    )
    cursor = None if page.next is None else encode_cursor(page.next)
    await respond(send, ENCODER.encode(Page(data=page.rows, next_cursor=cursor)))


async def app(scope: Any, receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        await lifespan(receive, send)
        return
    path = scope["path"]
    if path == "/healthz":
        await respond(send, HEALTH)
    elif path == "/v1/quotes":
        await quotes(scope, send)
    elif path.startswith("/v1/articles/"):
        article = await reads.get_article(State.pool, path.removeprefix("/v1/articles/"))
        await respond(send, ENCODER.encode(article))
