"""What a database error means, decided in one place.

asyncpg raises one exception class per SQLSTATE, and its own for a broken connection. The
web layer (api/http/problems.py), the retrying transaction (api/db/transaction.py), the
worker, the liveness probe and the command line all decide by these groups, never by
classes of their own.
"""

from __future__ import annotations

import asyncpg

# Anything the database or the driver raised.
DATABASE_ERRORS = (asyncpg.PostgresError, asyncpg.InterfaceError)

# 40P01, 40001: Postgres aborted this transaction to break a deadlock or to keep the order
# serialisable; running it again is the documented remedy.
RETRY = (asyncpg.DeadlockDetectedError, asyncpg.SerializationError)

# The connection is gone (the server restarted, dropped it, or the network did): every
# pooled connection is suspect, and a worker cannot go on with its own.
LOST_CONNECTION = (
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    OSError,
)

# A new connection cannot be made: the database is out of reach, as opposed to slow (a
# timeout) or refusing a query.
UNREACHABLE = (
    OSError,
    asyncpg.InterfaceError,
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
)

# The same request may succeed later, and why (the web layer answers 503 with the reason).
TRANSIENT: tuple[tuple[type[Exception], str], ...] = (
    # 57014 statement_timeout
    (asyncpg.QueryCanceledError, "the database took too long to answer; try again"),
    # 40001, 40P01: lost a conflict with a concurrent transaction (writes retry these first)
    (asyncpg.TransactionRollbackError, "a concurrent change got in the way; try again"),
    # 23503: a row this request referred to was deleted meanwhile by another request
    (asyncpg.ForeignKeyViolationError, "a concurrent change got in the way; try again"),
    # 53xxx (too many connections, out of memory or disk), 57P0x (shutdown, starting up)
    (asyncpg.InsufficientResourcesError, "the database is overloaded; try again shortly"),
    (asyncpg.OperatorInterventionError, "the database is restarting; try again shortly"),
    (asyncpg.PostgresConnectionError, "the database is unavailable; try again shortly"),
    (asyncpg.InterfaceError, "the database connection was lost; try again"),
    # asyncpg's own state errors on a connection the server dropped while it sat in the pool
    (asyncpg.InternalClientError, "the database connection was lost; try again"),
    (OSError, "the database is unavailable; try again shortly"),
    (TimeoutError, "no database connection was free in time; try again shortly"),
)

# Class 22: a value the database cannot take (the request's fault, not the server's).
BAD_VALUE = asyncpg.DataError


def transient_reason(exc: BaseException) -> str | None:
    """Why a later try may succeed, if `exc` is that kind of failure."""
    return next((reason for kind, reason in TRANSIENT if isinstance(exc, kind)), None)
