"""/v1/changes: what was created, updated and deleted, in order, to keep a copy in sync."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import QueryParameter

from api.cursor import encode_position
from api.db import changes
from api.http.auth import access
from api.http.examples import WithExamples
from api.http.params import Since, since_position
from api.http.problems import GONE, LIST_RESPONSES
from api.http.responses import LIST_HEADERS, json_response, next_link
from api.http.routes.common import resources
from api.schemas import Change, ChangeEntity, ChangePage

TAGS = ["changes"]

DESCRIPTION = """\
The changes log, oldest first: every article, actor, quote, claim and place created,
updated or deleted. To keep a copy in sync, start without `since` (the log goes back to the
beginning, so reading it all is a full sync), apply the entries, keep `next_cursor`, and ask
again with `since=<next_cursor>`: at once while `has_more`, later otherwise. Every change
committed after you fetched an entity appears after your cursor.

Applying an entry: `created` or `updated`, fetch the entity (`GET /v1/{entity}s/{id}`) and
store it; a 404 there means it was deleted since (its `deleted` entry follows). `deleted`,
drop it: ids are never reused. An actor absorbed by a merge is `deleted` with `merged_into`
naming the survivor, whose entry and those of the moved quotes and claims come with it.

`updated` means the entity's own fields changed (a quote's speaker, span or curation; an
actor's name, kind, titles or aliases; an article's extractor version after re-extraction).
Values derived from other entities do not make an entry: an actor's counts and first/last
seen, a place's counts and latest controller, and the names of other entities embedded in
an entity (a quote's speaker name) follow from those entities' own entries. Deleting an
article lists its quotes and claims, and actors no other article involves, as deleted;
re-extraction lists the replaced quotes and claims as deleted and the new ones as created.

Entries of one transaction are adjacent; an entity may appear more than once, so apply
entries in order and idempotently. The log shows a transaction's entries once it and every
transaction that began writing before it have ended, so the newest entries can trail by the
length of the longest running write (milliseconds here). Entries are kept forever; a `since`
this server's log never handed out (another database's) answers 410."""


@get(
    "/v1/changes",
    **access("read", {**LIST_RESPONSES, **GONE}),
    operation_id="listChanges",
    summary="List created, updated and deleted entities in order, to sync a copy",
    description=DESCRIPTION,
    tags=TAGS,
    response_headers=LIST_HEADERS,
    operation_class=WithExamples,
)
async def list_changes(
    request: Request[Any, Any, Any],
    since: Since = None,
    entity: Annotated[
        ChangeEntity | None, QueryParameter(description="Only entries about this kind of entity.")
    ] = None,
    limit: Annotated[int, QueryParameter(ge=1, le=1000, description="Page size, 1–1000.")] = 100,
) -> Response[ChangePage]:
    feed = await changes.read_changes(resources(request).pool, since_position(since), entity, limit)
    page = ChangePage(
        data=[
            Change(
                entity=e.entity,
                id=e.id,
                op=e.op,
                at=e.at,
                merged_into=e.merged_into,
                cursor=encode_position(*e.position),
            )
            for e in feed.entries
        ],
        next_cursor=encode_position(*feed.resume_at),
        has_more=feed.has_more,
    )
    links = next_link(request, page.next_cursor, "since") if feed.has_more else {}
    return json_response(request, page, headers=links)


ROUTES = [list_changes]
