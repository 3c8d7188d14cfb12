"""Extraction in child processes, each article under a time and a memory limit.

spaCy's cost grows with what it is fed, not only with its length: 200,000 punctuation
characters held one extraction for 90 s and 2 GB, and every article behind it waited. Here
each child process loads the extractor once and extracts one article at a time; one that
runs past `timeout_s` is killed, one that needs more than `memory_mb` above its loaded size
fails with MemoryError and exits. Either way that article fails alone (ExtractionFailed,
answered 422) and a fresh child takes the place of the old one.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import resource
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from typing import TYPE_CHECKING, Any

from api.extract import Extraction

if TYPE_CHECKING:
    from api.extract import Extractor  # spaCy: loaded in the child processes only

log = logging.getLogger("gazette.sandbox")

# spawn, not fork: the parent runs an event loop and threads a fork would copy half-alive
_CONTEXT = multiprocessing.get_context("spawn")
START_TIMEOUT_S = 120.0  # loading the model


class ExtractionFailed(Exception):
    """An article's extraction went past a limit; the message says which, for the client."""


def _child(conn: Connection, memory_mb: int) -> None:
    """The child's loop: load the model, then answer (text, source) with ("ok", extraction)
    or ("error", reason) until the parent closes the pipe."""
    from api.extract import Extractor

    extractor = Extractor()
    if memory_mb:
        # the budget counts from what the loaded model already takes
        with open("/proc/self/statm") as statm:
            loaded = int(statm.read().split()[0]) * resource.getpagesize()
        limit = loaded + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send(("ready", None))
    while True:
        try:
            text, source = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", extractor.extract(text, source)))
        except MemoryError:
            conn.send(("error", f"extraction needed more than {memory_mb} MB"))
            return  # a process that ran out of memory is not trusted with the next article
        except RecursionError:
            conn.send(("error", "the article is nested too deeply to parse"))


class Child:
    """One child process and the parent's end of its pipe."""

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self.conn: Connection | None = None
        self.process: SpawnProcess | None = None

    async def start(self) -> None:
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(
            target=_child, args=(child, self.memory_mb), name="gazette-extract", daemon=True
        )
        process.start()
        child.close()
        self.conn, self.process = parent, process
        if not await asyncio.to_thread(parent.poll, START_TIMEOUT_S):
            self.stop()
            raise RuntimeError("the extraction process did not start")
        try:
            status, _ = parent.recv()
        except EOFError:
            self.stop()
            raise RuntimeError("the extraction process died while loading the model") from None
        assert status == "ready", status

    def stop(self) -> None:
        """Kill the process (it holds nothing that must be saved) and close the pipe."""
        if self.process is not None and self.process.is_alive():
            self.process.kill()
        if self.process is not None:
            self.process.join(5)
        if self.conn is not None:
            self.conn.close()
        self.conn = self.process = None

    async def extract(self, text: str, source: str | None, timeout_s: float) -> Extraction:
        """The extraction, or ExtractionFailed (the child is then replaced)."""
        if self.conn is None:  # replaced after a cancelled request, or a failed restart
            await self.start()
        assert self.conn is not None
        conn = self.conn
        try:
            await asyncio.to_thread(conn.send, (text, source))
            answered = await asyncio.to_thread(conn.poll, timeout_s)
            reply: tuple[str, Any] | None = conn.recv() if answered else None
        except (EOFError, OSError):  # the child died: killed, or out of memory
            reply = ("error", "the extraction process died (out of memory or killed)")
        except asyncio.CancelledError:
            # the request went away: its answer would be read as the next article's
            self.stop()
            raise
        if reply is not None and reply[0] == "ok":
            extraction: Extraction = reply[1]
            return extraction
        reason = reply[1] if reply is not None else f"extraction took longer than {timeout_s:g} s"
        log.warning("extraction failed: %s; replacing its process", reason)
        self.stop()
        try:
            await self.start()
        except Exception:  # the next article tries again (conn is None); this one has failed
            log.exception("the extraction process did not start again")
            self.stop()
        raise ExtractionFailed(reason)


class Sandbox:
    """`processes` children; an article waits for a free one."""

    def __init__(self, processes: int, timeout_s: float, memory_mb: int) -> None:
        self.timeout_s = timeout_s
        self.children = [Child(memory_mb) for _ in range(processes)]
        self.idle: asyncio.Queue[Child] = asyncio.Queue()

    async def start(self) -> None:
        await asyncio.gather(*(child.start() for child in self.children))
        for child in self.children:
            self.idle.put_nowait(child)

    async def extract(self, text: str, source: str | None) -> Extraction:
        child = await self.idle.get()
        try:
            return await child.extract(text, source, self.timeout_s)
        finally:
            self.idle.put_nowait(child)

    def close(self) -> None:
        for child in self.children:
            child.stop()


class InProcess:
    """The Sandbox's interface on threads of this process, without its limits: for callers
    that bring a loaded Extractor (tests)."""

    def __init__(self, extractor: Extractor, threads: int) -> None:
        self.extractor = extractor
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="extract")

    async def extract(self, text: str, source: str | None) -> Extraction:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self.extractor.extract, text, source)

    def close(self) -> None:
        """Drop queued work and wait for what is running to finish."""
        self.executor.shutdown(wait=True, cancel_futures=True)
