"""The orders a list can be read in (`sort`), and what each order's cursor carries.

- `-created` (the default) and `created`: the order Gazette stored the rows in, newest or
  oldest first (ids are time-ordered).
- `-published_at` and `published_at`: by publication time (a claim's: its article's), then
  id; rows without a publication time count as older than every dated one.
- `relevance`, with `q`: the RELEVANCE_POOL newest rows that match every filter, most
  relevant first (full-text rank for articles and quotes, name similarity for actors and
  places); without `q` every row is as relevant, so it is the default order. Ranking every
  match of a common word is a scan of the table (3.8 s for "also" over 100,000 articles,
  measured); the newest thousand cost ~50 ms and are what a reader searching news wants
  first.
"""

from __future__ import annotations

from typing import Literal

from api.cursor import KeyKind

# every order; each list offers those that apply to it (api/http/params.py)
Sort = Literal["-created", "created", "-published_at", "published_at", "relevance"]

DEFAULT: Sort = "-created"
# the orders each list offers (its `sort` parameter's values, checked against the spec)
SORTS: dict[str, tuple[Sort, ...]] = {
    "articles": ("-created", "created", "-published_at", "published_at", "relevance"),
    "quotes": ("-created", "created", "-published_at", "published_at", "relevance"),
    "claims": ("-created", "created", "-published_at", "published_at"),
    "actors": ("-created", "created", "relevance"),
    "places": ("-created", "created", "relevance"),
}
RELEVANCE_POOL = 1000


def effective(sort: Sort, q: str | None) -> Sort:
    """The order a list is read in: without a search every row is as relevant as any other,
    so `relevance` is the default order (a well-formed request is never refused for it)."""
    return DEFAULT if sort == "relevance" and q is None else sort


def key_of(sort: Sort) -> KeyKind:
    """What a cursor of this order carries besides the id."""
    if sort == "relevance":
        return "rank"
    return "time" if sort.endswith("published_at") else None
