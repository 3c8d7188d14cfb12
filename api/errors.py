"""Domain errors: what can go wrong in Gazette, whoever asked (a route, the CLI, a worker).

The services and the database functions raise these and nothing HTTP. The web layer turns
each into an RFC 9457 problem in one table (api/http/problems.py, `DOMAIN_PROBLEMS`); the
command line into a line and an exit code in one place (api/cli/main.py, `EXIT_CODES`).
"""

from __future__ import annotations


class GazetteError(Exception):
    """Something the caller can act on; `detail` is meant for them."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(GazetteError):
    """No entity of this kind has this id (or it was deleted meanwhile)."""

    def __init__(self, kind: str, entity_id: str) -> None:
        super().__init__(f"no {kind} with id {entity_id!r}")
        self.kind = kind
        self.entity_id = entity_id


class Invalid(GazetteError):
    """A value given in `source` ("query", "path", "header" or "body") under `name` cannot
    be read as what it must be (a bad filter, a malformed cursor, a body of the wrong type)."""

    def __init__(self, source: str, name: str, message: str) -> None:
        super().__init__(f"{source} parameter {name!r}: {message}")
        self.source = source
        self.name = name
        self.message = message


class Unprocessable(GazetteError):
    """A well-formed request whose body field `name` cannot be applied (an actor that does
    not exist, a span past the end of the text)."""

    def __init__(self, name: str, message: str, detail: str | None = None) -> None:
        super().__init__(detail or f"{name}: {message}")
        self.name = name
        self.message = message


class ArticleRefused(Unprocessable):
    """An article that cannot be stored: too long, or its extraction failed (timeout,
    memory). Nothing of it was written."""

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__("body", message, detail or f"body: {message}")


class Conflict(GazetteError):
    """The change clashes with what is stored (another actor already has that name)."""


class Gone(GazetteError):
    """What was asked for existed once and will not come back (a changes position from
    another server's log): start again from the beginning."""


class Stale(GazetteError):
    """The change was made on condition that the entity is still as the caller read it
    (If-Match), and it is not: someone changed it since."""

    def __init__(self, kind: str, entity_id: str) -> None:
        super().__init__(
            f"the {kind} {entity_id!r} changed since you read it (If-Match names another "
            "version): read it again, then decide"
        )


class Busy(GazetteError):
    """Too much is in progress; the same request may succeed after `retry_after_s`."""

    def __init__(self, detail: str, retry_after_s: int = 5) -> None:
        super().__init__(detail)
        self.retry_after_s = retry_after_s
