"""Pages of the lists: rows, the cursor of the next page, and on request a total and a
facet (`count=true`, `group_by=`).

The total and the groups are absent unless asked for (msgspec's UNSET), so a plain page is
the same bytes it always was; the spec lists them as optional members.
"""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

import msgspec
from msgspec import UNSET, UnsetType

from api.schemas import Actor, ArticleSummary, Claim, Place, Quote, Wire

T = TypeVar("T")


class Group(Wire):
    """One group of a facet: the value of the field (an id, a code, a `YYYY-MM` month; null
    for rows without one), what a reader sees for it, and how many matches have it."""

    key: str | None
    label: str | None
    count: int


class ListMeta(Wire, kw_only=True):
    """About the whole list, not this page: present only when asked for."""

    count: Annotated[
        int | UnsetType,
        msgspec.Meta(
            description="With `count=true`: how many rows match the filters. Exact up to "
            "10,000 (`count_exact` true); past that, Postgres's planner estimate."
        ),
    ] = UNSET
    count_exact: bool | UnsetType = UNSET
    group_by: Annotated[
        str | UnsetType, msgspec.Meta(description="With `group_by`: the field grouped on.")
    ] = UNSET
    grouped: Annotated[
        int | UnsetType,
        msgspec.Meta(
            description="With `group_by`: how many matches `groups` count, the newest first: "
            "all of them when at most 10,000 match (the cap keeps a facet from scanning a "
            "whole table)."
        ),
    ] = UNSET


class Page(Wire, Generic[T], kw_only=True):
    """A page of results; pass `next_cursor` back as `?cursor=` (null on the last page)."""

    data: list[T]
    next_cursor: str | None
    meta: ListMeta | UnsetType = UNSET
    groups: list[Group] | UnsetType = UNSET


# One named page type per list, for the spec: `QuotePage`, which generated clients turn into a
# readable class, instead of `Page_api.schemas.Quote_` (Litestar's name for Page[Quote]; it
# loses the item type of a subclass of Page[Quote]). Each is what Page[...] encodes to.

_GROUPS = msgspec.Meta(
    description="With `group_by`: the largest groups (at most 100; months newest first)."
)


class ArticlePage(Wire, kw_only=True):
    """A page of articles (without their bodies); pass `next_cursor` back as `?cursor=`
    (null on the last page)."""

    data: list[ArticleSummary]
    next_cursor: str | None
    meta: ListMeta | UnsetType = UNSET
    groups: Annotated[list[Group], _GROUPS] | UnsetType = UNSET


class ActorPage(Wire, kw_only=True):
    """A page of actors; pass `next_cursor` back as `?cursor=` (null on the last page)."""

    data: list[Actor]
    next_cursor: str | None
    meta: ListMeta | UnsetType = UNSET
    groups: Annotated[list[Group], _GROUPS] | UnsetType = UNSET


class QuotePage(Wire, kw_only=True):
    """A page of quotes; pass `next_cursor` back as `?cursor=` (null on the last page)."""

    data: list[Quote]
    next_cursor: str | None
    meta: ListMeta | UnsetType = UNSET
    groups: Annotated[list[Group], _GROUPS] | UnsetType = UNSET


class ClaimPage(Wire, kw_only=True):
    """A page of claims; pass `next_cursor` back as `?cursor=` (null on the last page)."""

    data: list[Claim]
    next_cursor: str | None
    meta: ListMeta | UnsetType = UNSET
    groups: Annotated[list[Group], _GROUPS] | UnsetType = UNSET


class PlacePage(Wire, kw_only=True):
    """A page of places; pass `next_cursor` back as `?cursor=` (null on the last page)."""

    data: list[Place]
    next_cursor: str | None
    meta: ListMeta | UnsetType = UNSET
    groups: Annotated[list[Group], _GROUPS] | UnsetType = UNSET
