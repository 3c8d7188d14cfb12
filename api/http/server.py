"""What `gazette serve` checks and sizes before granian starts: the port, the connections."""

from __future__ import annotations

import logging
import resource
import socket

log = logging.getLogger("gazette.server")

# file descriptors a worker keeps for itself: pooled connections, logs, the model's files
RESERVED_FILES = 256


class PortBusy(OSError):
    """Another process listens on the address serve was asked to use."""


def refuse_busy_port(host: str, port: int) -> None:
    """Raise PortBusy when something already listens on host:port.

    granian binds with SO_REUSEPORT, so a second server on a busy port would not fail: it
    would silently share the port (and its clients) with the first. A plain bind here fails
    with EADDRINUSE against any listener. (Between this check and granian's bind another
    server could still start; the window is the database's start-up.)
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # ignore TIME_WAIT
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PortBusy(f"{host}:{port} is already in use ({exc.strerror}): is another "
                           f"Gazette running? Set PORT to use another port.") from exc  # fmt: skip


def connection_budget(wanted: int, workers: int) -> int:
    """Connections each worker may hold: `wanted`, lowered to what the open-file limit allows
    once it is raised to its hard limit (workers inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 1_048_576)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as exc:
            log.warning("could not raise the open-file limit above %d: %s", soft, exc)
    allowed = max(16, soft - RESERVED_FILES)
    if wanted > allowed:
        log.warning("GAZETTE_MAX_CONNECTIONS=%d lowered to %d: the open-file limit is %d",
                    wanted, allowed, soft)  # fmt: skip
    return min(wanted, allowed)
