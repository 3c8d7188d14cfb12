"""Query parameters an operation does not take are an error, not silently ignored.

A misspelt filter (`?speeker=act_…`) would otherwise answer the unfiltered list, which looks
like a result. Each documented operation learns, once at start-up, the query parameters its
handler and dependencies read (Litestar's own kwargs model, the one that also generates the
spec); a request naming another, or giving a single-valued one twice, is a 400 naming it.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qsl

from litestar import Litestar
from litestar.types import ASGIApp, Receive, Scope, Send

from api.errors import Invalid

KNOWN = "query_parameters"  # handler.opt key: the names it takes
REPEATABLE = "repeatable_query_parameters"  # handler.opt key: those that take a list


def learn_parameters(app: Litestar) -> None:
    """Record on each documented operation (one with an operation_id) the query parameters
    it takes and which of them may repeat."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if not isinstance(handler.operation_id, str):
                continue  # the docs and the explorer's files: not part of the contract
            model = handler.create_kwargs_model(path_parameters=route.path_parameters)
            handler.opt[KNOWN] = frozenset(p.field_alias for p in model.expected_query_params)
            handler.opt[REPEATABLE] = frozenset(model.sequence_query_parameter_names)


def check_parameters(
    query_string: bytes, known: frozenset[str], repeatable: frozenset[str]
) -> None:
    """Raise Invalid for the first parameter the operation does not take, or a single-valued
    one given more than once."""
    given = Counter(
        name for name, _ in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    )
    for name, times in given.items():
        if name not in known:
            takes = ", ".join(sorted(known)) or "none"
            raise Invalid(
                "query", name, f"this operation has no such parameter (it takes: {takes})"
            )
        if times > 1 and name not in repeatable:
            raise Invalid("query", name, f"given {times} times; it takes one value")


class KnownParameters:
    """App middleware: the routed operation's query parameters checked before anything reads
    them (no cost without a query string)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string")
        handler = scope.get("route_handler")
        if query and handler is not None and KNOWN in handler.opt:
            check_parameters(query, handler.opt[KNOWN], handler.opt[REPEATABLE])
        await self.app(scope, receive, send)
