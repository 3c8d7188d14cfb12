"""A local HTTP server for the tests of `--follow-links`: articles, a 404, a slow page, an
oversize one, one that is not HTML, redirects. It listens on 127.0.0.1 on a port the system
picks and runs in a thread of the test process."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = """<html><head><title>{title} | Harbour Daily</title>
<meta property="og:site_name" content="Harbour Daily">
{meta}</head>
<body><nav>Home | Port | Weather</nav><article><h1>{title}</h1>
<p>The ferry between the two islands resumed on Wednesday evening after a week of storms,
the operator said in a statement on its website.</p>
<p>“Crossings will run every two hours until the weekend,” said operations manager Lena
Varga, adding that extra crossings would be laid on if demand stayed high.</p>
</article><footer>© Harbour Daily</footer></body></html>"""

PUBLISHED = '<meta property="article:published_time" content="2025-12-03T23:30:00-05:00">'
DATE_ONLY = '<meta property="article:published_time" content="2025-12-03">'

# the size of the oversize pages: tests set their limit below it
OVERSIZE = 200_000


class Pages(BaseHTTPRequestHandler):
    # the slow page waits for this (set when the server stops), never for a clock
    release: threading.Event

    def do_GET(self) -> None:
        path = self.path
        if path.startswith("/article"):
            title = "Ferry service resumes" + path.removeprefix("/article")
            page = ARTICLE.format(title=title, meta=PUBLISHED)
            self.answer(200, "text/html; charset=utf-8", page.encode())
        elif path in ("/undated", "/date-only"):
            meta = DATE_ONLY if path == "/date-only" else ""
            page = ARTICLE.format(title="Ferry service resumes", meta=meta)
            self.answer(200, "text/html; charset=utf-8", page.encode())
        elif path == "/slow":
            self.release.wait()  # the client gives up first (its read timeout)
            self.answer(200, "text/html", b"<html>too late</html>")
        elif path == "/oversize":  # says its length: refused before reading
            self.answer(200, "text/html", b"<p>" + b"x" * OVERSIZE)
        elif path == "/oversize-unsaid":  # no length: reading stops past the limit
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(b"<p>" + b"x" * OVERSIZE)
            self.close_connection = True
        elif path == "/data.json":
            self.answer(200, "application/json", b'{"not": "a page"}')
        elif path == "/moved":
            self.redirect("/article")
        elif path == "/loop":
            self.redirect("/loop")
        else:
            self.answer(404, "text/plain", b"not here")

    def answer(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # the client may stop reading (an oversize page): what it should do
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests say what went wrong."""


@contextmanager
def pages_server() -> Iterator[str]:
    """The server's base URL (http://127.0.0.1:PORT), for the block's duration."""
    release = threading.Event()
    handler = type("Handler", (Pages,), {"release": release})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join()
