"""Building responses: JSON bodies with a strong ETag, 304 on a matching If-None-Match,
and an RFC 8288 `Link: rel="next"` header on pages."""

from __future__ import annotations

import hashlib
from typing import Any, TypeVar
from urllib.parse import parse_qsl, quote, urlencode

import msgspec
from litestar import MediaType, Request, Response
from litestar.datastructures import ResponseHeader
from msgspec import UNSET, UnsetType

from api.cursor import encode_cursor
from api.db.reads import Slice
from api.pages import Group, ListMeta, Page

T = TypeVar("T")

GEOJSON = "application/geo+json"
NDJSON = "application/x-ndjson"

# Headers the responses carry, for the spec (documentation only: json_response sets them).
ETAG_HEADER = ResponseHeader(
    name="ETag",
    description="Strong validator of the body; send it back as If-None-Match for a 304.",
    documentation_only=True,
    value="",  # its type (str) is all Litestar reads for the documented schema
)
LINK_HEADER = ResponseHeader(
    name="Link",
    description='RFC 8288 `<…>; rel="next"`: the next page, when there is one, as a path '
    "on this server (like `Location`), never built from the request's Host header.",
    documentation_only=True,
    value="",  # its type (str) is all Litestar reads for the documented schema
)

_encoder = msgspec.json.Encoder()


LIST_HEADERS = [ETAG_HEADER, LINK_HEADER]
DETAIL_HEADERS = [ETAG_HEADER]


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def if_none_match_matches(if_none_match: str | None, etag: str) -> bool:
    """True when an If-None-Match header names `etag` (or is `*`)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates


def matches_if_match(if_match: str, payload: Any) -> bool:
    """True when an If-Match header names the ETag GET gives `payload` (or is `*`): strong
    comparison, so a weak tag (W/…) never matches (RFC 9110 §13.1.1)."""
    if if_match.strip() == "*":
        return True
    candidates = {tag.strip() for tag in if_match.split(",")}
    return etag_for(_encoder.encode(payload)) in candidates


def json_response(
    request: Request[Any, Any, Any],
    payload: Any,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    media_type: str = MediaType.JSON,
) -> Response[Any]:
    """Encode `payload`; a GET whose If-None-Match matches the ETag gets an empty 304."""
    body = _encoder.encode(payload)
    etag = etag_for(body)
    all_headers = {"ETag": etag, **(headers or {})}
    if_none_match = request.headers.get("if-none-match")
    if request.method == "GET" and if_none_match_matches(if_none_match, etag):
        return Response(content=b"", status_code=304, headers=all_headers)
    return Response(
        content=body, status_code=status_code, media_type=media_type, headers=all_headers
    )


def page_of(
    rows: Slice[Any], meta: ListMeta | UnsetType = UNSET, groups: list[Group] | UnsetType = UNSET
) -> Page[Any]:
    """The rows as a Page whose `next_cursor` points after the last row, if more follow,
    with the list's total and facet when they were asked for."""
    cursor = None if rows.next is None else encode_cursor(rows.next)
    return Page(data=rows.rows, next_cursor=cursor, meta=meta, groups=groups)


def next_link(
    request: Request[Any, Any, Any], next_cursor: str | None, param: str = "cursor"
) -> dict[str, str]:
    """An RFC 8288 `Link: <…>; rel="next"` header: this request's URL with the new cursor in
    `param` (`since` on the changes feed).

    A path, not an absolute URL: the Host header is the client's to choose, and a link built
    from it could point a cache or a crawler at another site.
    """
    if next_cursor is None:
        return {}
    query = parse_qsl(request.scope["query_string"].decode("latin-1"), keep_blank_values=True)
    pairs = [(k, v) for k, v in query if k != param] + [(param, next_cursor)]
    next_url = f"{quote(request.scope['path'])}?{urlencode(pairs)}"
    return {"Link": f'<{next_url}>; rel="next"'}


def page_response(
    request: Request[Any, Any, Any],
    rows: Slice[Any],
    meta: ListMeta | UnsetType = UNSET,
    groups: list[Group] | UnsetType = UNSET,
) -> Response[Any]:
    """A JSON Page of `rows`, with a `Link` header when more rows follow."""
    page = page_of(rows, meta, groups)
    return json_response(request, page, headers=next_link(request, page.next_cursor))
