"""A static server for a built site that sends what GitHub Pages would send: gzipped where
Pages gzips, files that are gzip already (Pagefind's) as they are, and a log of every response
with the bytes of its body as sent.

The search benchmark's "bytes until the first result" are only meaningful on the wire as
readers get it, so the compression and caching rules here follow GitHub Pages, not Python's
``http.server``.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self needs Python 3.11

#: What a request fetched, as the report groups bytes.
KINDS = ("html", "js", "search", "sitemap", "other")
#: What GitHub Pages compresses.
COMPRESSIBLE = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".wasm", ".txt", ".map"}
GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class Sent:
    """One response the server sent."""
    at: float
    path: str
    status: int
    bytes: int
    gzip: str  # "server" (compressed by us), "file" (already gzip), "" (identity)


def kind_of(path: str) -> str:
    """What a request fetched: html, js, search (index, worker, Pagefind), sitemap or other."""
    name = path.rsplit("/", 1)[-1]
    if "sitemap" in name:
        return "sitemap"
    if ("/pagefind/" in path or "/search/" in path or "/workers/" in path or ".pf_" in name
            or name.endswith(".pagefind")):
        return "search"
    if path.endswith("/") or name.endswith((".html", ".htm")):
        return "html"
    if name.endswith((".js", ".mjs")):
        return "js"
    return "other"


def compressible(path: Path) -> bool:
    """Whether GitHub Pages would gzip ``path`` (Pagefind's fragments and indexes included)."""
    return path.suffix in COMPRESSIBLE or ".pf_" in path.name or path.suffix == ".pagefind"


def gzipped_size(path: Path) -> int:
    """Bytes on the wire: gzip files as they are, compressible files gzipped, the rest as they are."""
    data = path.read_bytes()
    if data[:2] == GZIP_MAGIC:
        return len(data)
    if compressible(path):
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


class SiteServer:
    """Serves ``root`` on 127.0.0.1 (a free port) in threads, gzipping like GitHub Pages, and
    keeps a log of every response with the bytes of its body as sent."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.log: list[Sent] = []
        self.lock = threading.Lock()
        self._cache: dict[tuple[Path, bool], tuple[bytes, str]] = {}
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.handle(self, head=False)

            def do_HEAD(self) -> None:
                server.handle(self, head=True)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def _file(self, url_path: str) -> tuple[Path | None, str | None]:
        """The file for ``url_path``, or a redirect target for a folder without its slash."""
        relative = unquote(url_path).lstrip("/")
        path = (self.root / relative).resolve()
        if path != self.root and self.root not in path.parents:
            return None, None
        if path.is_dir():
            if not url_path.endswith("/"):
                return None, url_path + "/"
            path = path / "index.html"
        return (path if path.is_file() else None), None

    def _body(self, path: Path, accepts_gzip: bool) -> tuple[bytes, str]:
        """The bytes to send for ``path`` and how they are gzipped; compressed once, then cached."""
        key = (path, accepts_gzip)
        with self.lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        data = path.read_bytes()
        if data[:2] == GZIP_MAGIC:
            body = (data, "file")  # Pagefind's files are gzip inside already: never twice
        elif accepts_gzip and compressible(path):
            body = (gzip.compress(data, compresslevel=6, mtime=0), "server")
        else:
            body = (data, "")
        with self.lock:
            self._cache[key] = body
        return body

    def handle(self, request: http.server.BaseHTTPRequestHandler, *, head: bool) -> None:
        """Answer one GET or HEAD as GitHub Pages would, and log what was sent."""
        url_path = urlsplit(request.path).path
        path, redirect = self._file(url_path)
        status = 200
        if redirect:
            self._empty(request, url_path, 301, {"Location": redirect})
            return
        if path is None:
            status, path = 404, self.root / "404.html"
            if not path.is_file():
                self._empty(request, url_path, 404, {})
                return
        accepts = "gzip" in (request.headers.get("Accept-Encoding") or "")
        body, how = self._body(path, accepts)
        request.send_response(status)
        request.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        # As GitHub Pages does: the browser may reuse a response for ten minutes (and, for
        # the same URL requested twice at once, waits for the first and reuses it).
        request.send_header("Cache-Control", "max-age=600")
        if how == "server":
            request.send_header("Content-Encoding", "gzip")
            request.send_header("Vary", "Accept-Encoding")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        if not head:
            try:
                request.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass
        self._record(url_path, status, 0 if head else len(body), how)

    def _empty(self, request: http.server.BaseHTTPRequestHandler, url_path: str, status: int,
               headers: dict[str, str]) -> None:
        """A response without a body (a redirect, a 404 on a site without ``404.html``)."""
        request.send_response(status)
        for name, value in {**headers, "Content-Length": "0"}.items():
            request.send_header(name, value)
        request.end_headers()
        self._record(url_path, status, 0, "")

    def _record(self, path: str, status: int, size: int, how: str) -> None:
        with self.lock:
            self.log.append(Sent(time.perf_counter(), path, status, size, how))

    def mark(self) -> int:
        """A position in the log, for ``since``."""
        with self.lock:
            return len(self.log)

    def since(self, mark: int, until: float | None = None) -> list[Sent]:
        """Responses logged after ``mark`` (and finished before ``until``)."""
        with self.lock:
            return [s for s in self.log[mark:] if until is None or s.at <= until]

