"""Query parameters an operation does not take are an error, not silently ignored.

A misspelt filter (`?speeker=act_…`) would otherwise answer the unfiltered list, which looks
like a result. Each documented operation learns, once at start-up, the query parameters its
handler and dependencies read (Litestar's own kwargs model, the one that also generates the
spec); a request naming another, or giving a single-valued one twice, is a 400 naming it.

So is `null` given to an enum filter (`?kind=null`): msgspec's lax decoding reads it as "not
given", but the spec says the filter is one of its values (a query string cannot say null:
leaving the parameter out is how a filter is not given).
"""

from __future__ import annotations

import types
from collections import Counter
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints
from urllib.parse import parse_qsl

from litestar import Litestar
from litestar.types import ASGIApp, Receive, Scope, Send

from api.errors import Invalid

KNOWN = "query_parameters"  # handler.opt key: the names it takes
REPEATABLE = "repeatable_query_parameters"  # handler.opt key: those that take a list
NOT_NULL = "not_null_query_parameters"  # handler.opt key: optional, and not text


def learn_parameters(app: Litestar) -> None:
    """Record on each documented operation (one with an operation_id) the query parameters
    it takes, which of them may repeat, and which would read `null` as not given."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if not isinstance(handler.operation_id, str):
                continue  # the docs and the explorer's files: not part of the contract
            model = handler.create_kwargs_model(path_parameters=route.path_parameters)
            known = frozenset(p.field_alias for p in model.expected_query_params)
            hints = _hints(handler)
            handler.opt[KNOWN] = known
            handler.opt[REPEATABLE] = frozenset(model.sequence_query_parameter_names)
            handler.opt[NOT_NULL] = frozenset(
                name for name in known if name in hints and _reads_null(hints[name])
            )


def _hints(handler: Any) -> dict[str, Any]:
    """The annotations of the handler's parameters and of its dependencies'."""
    found: dict[str, Any] = {}
    for fn in [handler.fn, *(p.dependency for p in handler.resolve_dependencies().values())]:
        found.update(get_type_hints(fn, include_extras=True))
    return found


def _reads_null(hint: Any) -> bool:
    """True for `X | None` where X is not text: msgspec would read the text `null` as None."""
    while get_origin(hint) is Annotated:
        hint = get_args(hint)[0]
    if get_origin(hint) not in (Union, types.UnionType):
        return False
    rest = [a for a in get_args(hint) if a is not type(None)]
    return len(rest) < len(get_args(hint)) and str not in rest


def check_parameters(
    query_string: bytes, known: frozenset[str], repeatable: frozenset[str], not_null: frozenset[str]
) -> None:
    """Raise Invalid for the first parameter the operation does not take, a single-valued one
    given more than once, or `null` given to one that would read it as not given."""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    given = Counter(name for name, _ in pairs)
    for name, times in given.items():
        if name not in known:
            takes = ", ".join(sorted(known)) or "none"
            raise Invalid(
                "query", name, f"this operation has no such parameter (it takes: {takes})"
            )
        if times > 1 and name not in repeatable:
            raise Invalid("query", name, f"given {times} times; it takes one value")
    for name, value in pairs:
        if value == "null" and name in not_null:
            raise Invalid("query", name, "null is not one of its values; leave it out instead")


class KnownParameters:
    """App middleware: the routed operation's query parameters checked before anything reads
    them (no cost without a query string)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string")
        handler = scope.get("route_handler")
        if query and handler is not None and KNOWN in handler.opt:
            opt = handler.opt
            check_parameters(query, opt[KNOWN], opt[REPEATABLE], opt[NOT_NULL])
        await self.app(scope, receive, send)
