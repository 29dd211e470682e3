#!/usr/bin/env python3
"""Search benchmark of the study-notes portal: Pagefind (new) against Material's lunr (old).

For every size N it generates the synthetic portal of ``portal_generator`` (with its
``queries.json``: rare terms and LeetCode numbers, each with the note it should find) and
builds it twice, each time in a fresh Python process, with the real ``mkdocs.yml``:

* **new**: the configuration as it is (the plugin indexes with Pagefind);
* **old**: the same with ``search_engine: material`` under ``notes-portal:`` (Material's stock
  lunr search), when the plugin has that option; otherwise the configuration unchanged.

Each site is served on 127.0.0.1 by a threaded server that gzips responses the way GitHub
Pages does (files that are gzip already, like Pagefind's, go out as they are), under the
site's own host name, and headless Chromium (a fresh context per measurement, so a cold cache)
opens the home page and searches. It reports, per engine and size: time from opening the page
to the first result and from the first keystroke; bytes transferred until then, by kind, and
the sitemap fetches; the median follow-up query; recall@10 of the generated queries; the
index's build time and size (raw and gzipped); ratios; and PASS/FAIL for the targets.

Usage (from the repository root)::

    .venv/bin/python benchmarks/search.py                    # sizes 300 1000 3000
    .venv/bin/python benchmarks/search.py --sizes 100        # quick run
    .venv/bin/python benchmarks/search.py --sizes 300 --keep --json

Progress goes to stderr; the report (table or ``--json``) to stdout.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import random
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling modules, however this is started

from common import (REAL_CONFIG, REPO, Check, blocking, build_in_child, check_common_options, code_fingerprint,
                    format_checks, format_machine, git_state, machine_facts, new_parser, progress,
                    search_index_files, verdict, work_dir)
from portal_generator import DEFAULT_SEED, Portal, read_site_settings, with_plugin_option, write_portal

DEFAULT_SIZES = (300, 1000, 3000)
ENGINES = ("new", "old")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 900}
#: Cold page loads per engine and size (fresh context each); the median is reported.
COLD_RUNS = 3
#: Queries with a known answer per engine and size (recall and follow-up times).
RECALL_QUERIES = 20
LEETCODE_QUERY_SHARE = 0.3
#: How long a follow-up query may take to list its note before it counts as a miss.
QUERY_TIMEOUT_S = 3.0
FIRST_RESULT_TIMEOUT_S = 60.0
KINDS = ("html", "js", "search", "sitemap", "other")
#: What GitHub Pages compresses.
COMPRESSIBLE = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".wasm", ".txt", ".map"}
GZIP_MAGIC = b"\x1f\x8b"

# Targets from the issue, at TARGET_SIZE notes.
TARGET_SIZE = 3000
TARGET_FIRST_RESULT_S = 1.0
TARGET_BYTES = 1_000_000
TARGET_BYTES_REDUCTION = 10.0


# -- a gzip-compressing static server -------------------------------------------------------------


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

            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                server.handle(self, head=False)

            def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
                server.handle(self, head=True)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    def __enter__(self) -> SiteServer:
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
        compressible = path.suffix in COMPRESSIBLE or ".pf_" in path.name or path.suffix == ".pagefind"
        if data[:2] == GZIP_MAGIC:
            body = (data, "file")  # Pagefind's files are gzip inside already: never twice
        elif accepts_gzip and compressible:
            body = (gzip.compress(data, compresslevel=6, mtime=0), "server")
        else:
            body = (data, "")
        with self.lock:
            self._cache[key] = body
        return body

    def handle(self, request: http.server.BaseHTTPRequestHandler, *, head: bool) -> None:
        url_path = urlsplit(request.path).path
        path, redirect = self._file(url_path)
        status = 200
        if redirect:
            request.send_response(301)
            request.send_header("Location", redirect)
            request.send_header("Content-Length", "0")
            request.end_headers()
            self._record(url_path, 301, 0, "")
            return
        if path is None:
            status, path = 404, self.root / "404.html"
            if not path.is_file():
                request.send_response(404)
                request.send_header("Content-Length", "0")
                request.end_headers()
                self._record(url_path, 404, 0, "")
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


# -- the browser's side ---------------------------------------------------------------------------

#: Paths (no host, no anchor, "index.html" dropped) of the result items on the first page of results.
TOP_RESULTS_JS = """() => Array.from(document.querySelectorAll('.md-search-result__item')).slice(0, 10).map(item => {
    const link = item.querySelector('a');
    if (!link) return '';
    const path = new URL(link.href, location.href).pathname;
    return path.endsWith('index.html') ? path.slice(0, -10) : path;
})"""
#: True once the top results include ``expected``.
EXPECTED_JS = "expected => (" + TOP_RESULTS_JS + ")().includes(expected)"


@dataclass
class ColdRun:
    """One cold page load until the first search result."""
    query: str
    open_to_result_s: float
    key_to_result_s: float
    bytes_by_kind: dict[str, int]
    sitemaps: list[str]
    requests: int
    #: From opening the page until ``page.goto`` returned (DOMContentLoaded) and until the first keystroke.
    open_to_dom_s: float = 0.0
    open_to_key_s: float = 0.0
    #: Responses that were gzip but not by us (Pagefind's own), and those we compressed.
    gzip_file: int = 0
    gzip_server: int = 0

    @property
    def total_bytes(self) -> int:
        return sum(self.bytes_by_kind.values())


@dataclass
class QueryRun:
    query: str
    expected: str
    kind: str
    found: bool
    seconds: float | None
    top: list[str] = field(default_factory=list)


def new_context(browser: Any) -> Any:
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    context.set_default_timeout(FIRST_RESULT_TIMEOUT_S * 1000)
    return context


def type_query(page: Any, query: str) -> float:
    """Enter ``query`` into the (focused) search box as an input method does; when that started."""
    field_ = page.locator("input.md-search__input")
    started = time.perf_counter()
    # A Chinese input method commits the whole word at once; Material reads the query on keyup.
    field_.fill(query)
    field_.press("End")
    return started


def open_search(page: Any) -> None:
    """Open the search box the way a reader at a keyboard does: Material's "/" shortcut
    (a mouse click through Playwright waits for the header to settle, 0.6 s of harness time)."""
    page.keyboard.press("/")
    page.locator("input.md-search__input").wait_for(state="visible")


#: Installed before the page's own scripts: the time (ms since navigation start) of the first
#: key released in the search box and of the first result in the list, read in the page itself
#: so that Playwright's own round trips don't count.
IN_PAGE_TIMES = """
window.__np_times = {};
document.addEventListener("keyup", (event) => {
  if (event.target.matches && event.target.matches(".md-search__input") && !window.__np_times.key)
    window.__np_times.key = performance.now();
}, true);
new MutationObserver(() => {
  if (!window.__np_times.result && document.querySelector(".md-search-result__item"))
    window.__np_times.result = performance.now();
}).observe(document, { childList: true, subtree: true });
"""


def cold_run(browser: Any, server: SiteServer, url: str, query: str) -> ColdRun:
    """Open ``url`` in a fresh context, search ``query``, until the first result shows."""
    context = new_context(browser)
    try:
        page = context.new_page()
        page.add_init_script(IN_PAGE_TIMES)
        mark = server.mark()
        opened = time.perf_counter()
        page.goto(url, wait_until="domcontentloaded")
        dom = time.perf_counter()
        open_search(page)
        type_query(page, query)
        page.wait_for_selector(".md-search-result__item", state="attached")
        shown = time.perf_counter()
        sent = server.since(mark, until=shown)
        times = page.evaluate("() => window.__np_times")
    finally:
        context.close()
    by_kind = dict.fromkeys(KINDS, 0)
    for s in sent:
        by_kind[kind_of(s.path)] += s.bytes
    # In-page times: from navigation start, and from the first key released, to the first result.
    return ColdRun(query, times["result"] / 1000, (times["result"] - times["key"]) / 1000, by_kind,
                   [f"{s.path} ({s.bytes} B)" for s in sent if kind_of(s.path) == "sitemap"], len(sent),
                   open_to_dom_s=dom - opened, open_to_key_s=times["key"] / 1000,
                   gzip_file=sum(s.gzip == "file" for s in sent), gzip_server=sum(s.gzip == "server" for s in sent))


def query_runs(browser: Any, url: str, first: str, pairs: list[dict[str, Any]]) -> list[QueryRun]:
    """In one page: search ``first``, then each pair's query in turn; whether (and how fast) its note
    shows among the top 10 results."""
    context = new_context(browser)
    runs: list[QueryRun] = []
    try:
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        open_search(page)
        type_query(page, first)
        page.wait_for_selector(".md-search-result__item", state="attached")
        box = page.locator("input.md-search__input")
        for pair in pairs:
            box.fill("")
            box.press("End")  # Material resets the results on keyup with an empty box
            started = type_query(page, pair["query"])
            try:
                page.wait_for_function(EXPECTED_JS, arg=pair["url"], polling="raf",
                                       timeout=QUERY_TIMEOUT_S * 1000)
                runs.append(QueryRun(pair["query"], pair["url"], pair["kind"], True, time.perf_counter() - started))
            except Exception:  # noqa: BLE001 - Playwright's TimeoutError: a miss
                runs.append(QueryRun(pair["query"], pair["url"], pair["kind"], False, None,
                                     page.evaluate(TOP_RESULTS_JS)))
    finally:
        context.close()
    return runs


# -- one engine on one portal ---------------------------------------------------------------------


@dataclass
class EngineFigures:
    size: int
    engine: str
    #: What actually served the search: "pagefind" or "lunr" (from the built site).
    backend: str
    build_s: float
    #: Seconds the build spent on the search index in its own steps (concurrent steps left out).
    index_build_s: float
    index_steps: dict[str, float]
    index_files: int
    index_raw_kb: float
    index_gzip_kb: float
    #: 1-minute load average before the build and before the browser measurements.
    load: tuple[float, float] = (0.0, 0.0)
    cold: list[ColdRun] = field(default_factory=list)
    queries: list[QueryRun] = field(default_factory=list)
    error: str | None = None

    def median(self, attribute: str) -> float | None:
        values = [getattr(run, attribute) for run in self.cold]
        return statistics.median(values) if values else None

    @property
    def open_to_result_s(self) -> float | None:
        return self.median("open_to_result_s")

    @property
    def key_to_result_s(self) -> float | None:
        return self.median("key_to_result_s")

    @property
    def total_bytes(self) -> float | None:
        return self.median("total_bytes")

    @property
    def followup_s(self) -> float | None:
        found = [q.seconds for q in self.queries if q.found and q.seconds is not None]
        return statistics.median(found) if found else None

    @property
    def recall(self) -> float | None:
        return sum(q.found for q in self.queries) / len(self.queries) if self.queries else None

    def summary(self) -> dict[str, Any]:
        return {**asdict(self), "open_to_result_s": self.open_to_result_s, "key_to_result_s": self.key_to_result_s,
                "total_bytes": self.total_bytes, "followup_s": self.followup_s, "recall": self.recall}


def gzipped_size(path: Path) -> int:
    """Bytes on the wire: gzip files as they are, compressible files gzipped, the rest as they are."""
    data = path.read_bytes()
    if data[:2] == GZIP_MAGIC:
        return len(data)
    if path.suffix in COMPRESSIBLE or ".pf_" in path.name or path.suffix == ".pagefind":
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def index_build_seconds(child: dict[str, Any]) -> dict[str, float]:
    """The search steps of a build: the plugin's (named "search…", or its "post build: search index")
    and Material's search plugin's ``on_page_context`` + ``on_post_build``."""
    steps = {name: s for name, s in child["plugin_steps"].items() if "search" in name.lower()}
    steps.update(child.get("search_plugin_steps") or {})
    return steps


def old_engine_supported() -> bool:
    """Whether the plugin has the ``search_engine`` option (``material`` = Material's own search)."""
    plugin = REPO / "plugins" / "notes_portal"
    return any("search_engine" in path.read_text(encoding="utf-8") for path in plugin.rglob("*.py"))


def sample_pairs(queries: dict[str, Any], count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` (query, note) pairs: mostly rare terms, some LeetCode numbers, chosen by ``seed``."""
    rng = random.Random(seed)
    rare = [p for p in queries["pairs"] if p["kind"] == "rare-term"]
    numbers = [p for p in queries["pairs"] if p["kind"] == "leetcode-id"]
    take_numbers = min(len(numbers), round(count * LEETCODE_QUERY_SHARE))
    chosen = rng.sample(numbers, take_numbers) + rng.sample(rare, min(len(rare), count - take_numbers))
    rng.shuffle(chosen)
    return chosen


def measure_engine(portal: Portal, engine: str, config: Path, args: argparse.Namespace, playwright: Any,
                   pairs: list[dict[str, Any]]) -> EngineFigures:
    """Build ``portal`` with ``config``, then serve it and search in Chromium."""
    site = portal.root / f"site-{engine}"
    shutil.rmtree(site, ignore_errors=True)
    progress(f"{portal.size} notes: building {engine} engine ...")
    load_build = os.getloadavg()[0]
    child = build_in_child(config, site, cwd=portal.root, timeout=args.build_timeout,
                           label=f"{engine} build of {portal.size} notes", time_search_plugin=True)
    steps = index_build_seconds(child)
    files = search_index_files(site, ("", "en"))
    figures = EngineFigures(
        size=portal.size, engine=engine,
        backend="pagefind" if (site / "pagefind").is_dir() else "lunr",
        build_s=child["wall_s"], index_build_s=blocking(steps), index_steps=steps, index_files=len(files),
        index_raw_kb=sum(p.stat().st_size for p in files) / 1024,
        index_gzip_kb=sum(gzipped_size(p) for p in files) / 1024)
    progress(f"{portal.size} notes: {engine} built in {figures.build_s:.1f} s ({figures.backend}, index "
             f"{figures.index_raw_kb:.0f} KB raw, {figures.index_gzip_kb:.0f} KB gzipped); searching ...")
    figures.load = (load_build, os.getloadavg()[0])
    typical = portal.queries["typical"]
    with SiteServer(site) as server:
        rules = f"--host-resolver-rules=MAP {args.site_host} 127.0.0.1:{server.port}"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, rules])
        url = f"http://{args.site_host}/"
        try:
            cold_run(browser, server, url, typical[-1])  # warm-up: Chromium, the disk cache, the gzip cache
            for index in range(args.cold_runs):
                figures.cold.append(cold_run(browser, server, url, typical[index % len(typical)]))
            figures.queries = query_runs(browser, url, typical[0], pairs)
        except Exception as error:  # noqa: BLE001 - report what was measured, say what failed
            figures.error = f"{type(error).__name__}: {str(error)[:500]}"
            progress(f"{portal.size} notes: {engine}: {figures.error}")
        finally:
            browser.close()
    if figures.cold:
        progress(f"{portal.size} notes: {engine}: first result {figures.open_to_result_s:.2f} s after opening, "
                 f"{figures.total_bytes / 1024:.0f} KB; recall {figures.recall}")
    return figures


# -- report ---------------------------------------------------------------------------------------


def _fmt(value: float | None, pattern: str, scale: float = 1.0) -> str:
    return "-" if value is None else format(value * scale, pattern)


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if not a or not b else f"x{a / b:.2f}"


def target_checks(results: list[EngineFigures]) -> list[Check]:
    by = {(r.engine, r.size): r for r in results}
    new_sizes = [r.size for r in results if r.engine == "new" and r.cold]
    if not new_sizes:
        return [Check("search targets", "SKIP", "no new-engine measurement")]
    size = TARGET_SIZE if TARGET_SIZE in new_sizes else max(new_sizes)
    at = "" if size == TARGET_SIZE else f" (measured at {size} notes only; the target is for {TARGET_SIZE})"
    new, old = by[("new", size)], by.get(("old", size))
    checks = [
        Check(f"first result within {TARGET_FIRST_RESULT_S:g} s of opening the page at {TARGET_SIZE}{at}",
              verdict(new.open_to_result_s <= TARGET_FIRST_RESULT_S),
              f"median {new.open_to_result_s:.2f} s of " + ", ".join(f"{c.open_to_result_s:.2f}" for c in new.cold)),
        Check(f"under {TARGET_BYTES / 1e6:g} MB transferred until the first result at {TARGET_SIZE}, sitemaps "
              f"included{at}", verdict(new.total_bytes < TARGET_BYTES),
              f"{new.total_bytes / 1024:.0f} KB (" + ", ".join(
                  f"{k} {v / 1024:.0f}" for k, v in new.cold[0].bytes_by_kind.items()) + " KB)"),
    ]
    name = f"at least {TARGET_BYTES_REDUCTION:g}x less transferred than the old engine at {TARGET_SIZE}{at}"
    if old is None or not old.cold:
        checks.append(Check(name, "SKIP", "old engine not measured"))
    else:
        factor = old.total_bytes / new.total_bytes
        checks.append(Check(name, verdict(factor >= TARGET_BYTES_REDUCTION),
                            f"{new.total_bytes / 1024:.0f} KB vs {old.total_bytes / 1024:.0f} KB (x{factor:.1f})"))
    if old is not None and old.backend == new.backend:
        checks.append(Check("old and new engines differ", "FAIL",
                            f"both builds served {new.backend}: the old-engine option is missing or ignored"))
    return checks


def format_report(results: list[EngineFigures], checks: list[Check], meta: dict[str, Any]) -> str:
    out = [format_machine(meta["machine"]), f"Code: {meta['git']}, fingerprint {meta['fingerprint']}",
           f"Old engine: {meta['old_engine']}", ""]
    header = (f"{'notes':>6} {'engine':<12} {'build s':>8} {'index s':>8} {'idx KB':>8} {'idx gzKB':>8} "
              f"{'open→1st':>9} {'key→1st':>8} {'sent KB':>8} {'html':>6} {'js':>6} {'search':>7} {'sitemap':>7} "
              f"{'other':>6} {'next ms':>8} {'recall':>7} {'load':>9}")
    out += ["Search (Chromium, cold cache per page load, gzip as on GitHub Pages; times are medians)", header,
            "-" * len(header)]
    by = {(r.engine, r.size): r for r in results}
    for size in sorted({r.size for r in results}):
        for engine in ENGINES:
            r = by.get((engine, size))
            if r is None:
                continue
            kinds = {k: statistics.median(c.bytes_by_kind[k] for c in r.cold) / 1024 if r.cold else None
                     for k in KINDS}
            recall = "-" if r.recall is None else f"{sum(q.found for q in r.queries)}/{len(r.queries)}"
            out.append(f"{size:>6} {engine + ' ' + r.backend:<12} {r.build_s:8.1f} {r.index_build_s:8.2f} "
                       f"{r.index_raw_kb:8.0f} {r.index_gzip_kb:8.0f} {_fmt(r.open_to_result_s, '9.2f')} "
                       f"{_fmt(r.key_to_result_s, '8.2f')} {_fmt(r.total_bytes, '8.0f', 1 / 1024)} "
                       f"{_fmt(kinds['html'], '6.0f')} {_fmt(kinds['js'], '6.0f')} {_fmt(kinds['search'], '7.0f')} "
                       f"{_fmt(kinds['sitemap'], '7.0f')} {_fmt(kinds['other'], '6.0f')} "
                       f"{_fmt(r.followup_s, '8.0f', 1000)} {recall:>7} {r.load[0]:4.1f}/{r.load[1]:4.1f}")
        new, old = by.get(("new", size)), by.get(("old", size))
        if new and old:
            out.append(f"{size:>6} {'new/old':<12} {_ratio(new.build_s, old.build_s):>8} "
                       f"{_ratio(new.index_build_s, old.index_build_s):>8} "
                       f"{_ratio(new.index_raw_kb, old.index_raw_kb):>8} "
                       f"{_ratio(new.index_gzip_kb, old.index_gzip_kb):>8} "
                       f"{_ratio(new.open_to_result_s, old.open_to_result_s):>9} "
                       f"{_ratio(new.key_to_result_s, old.key_to_result_s):>8} "
                       f"{_ratio(new.total_bytes, old.total_bytes):>8}"
                       f"{'':>37} {_ratio(new.followup_s, old.followup_s):>8}")
    sizes = sorted({r.size for r in results})
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        out += ["", f"Growth {large} vs {small} notes (x{large / small:g} notes):"]
        for engine in ENGINES:
            a, b = by.get((engine, large)), by.get((engine, small))
            if a and b:
                out.append(f"  {engine:<4} open→1st {_ratio(a.open_to_result_s, b.open_to_result_s)}, "
                           f"key→1st {_ratio(a.key_to_result_s, b.key_to_result_s)}, "
                           f"sent {_ratio(a.total_bytes, b.total_bytes)}, "
                           f"next query {_ratio(a.followup_s, b.followup_s)}, "
                           f"index {_ratio(a.index_gzip_kb, b.index_gzip_kb)} (gzip), "
                           f"index build {_ratio(a.index_build_s, b.index_build_s)}")
    out += ["",
            "  build s: the whole build (both languages) in a fresh process; index s: its search steps the build",
            "  waited for (Material's search plugin on_page_context + on_post_build, the plugin's search steps;",
            "  steps running in the background are listed below but not added); idx KB: search/ or pagefind/ of",
            "  / and /en/ on disk, raw and as sent gzipped; open→1st: page.goto start to the first",
            "  .md-search-result__item; key→1st: first keystroke to it; sent KB and the kinds: response bodies",
            "  as sent (gzipped) from opening the page to the first result (search = index, worker, Pagefind);",
            "  next ms: a follow-up query until its note is listed; recall: notes in the top 10 of their query",
            f"  ({QUERY_TIMEOUT_S:g} s allowed per query); load: 1-minute load average before the build / the",
            "  browser measurements", ""]
    out.append("Index steps (seconds):")
    for r in results:
        out.append(f"  {r.size} {r.engine}: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(r.index_steps.items())))
    out.append("Cold loads, seconds from opening the page to DOMContentLoaded / the first keystroke (after "
               "Playwright's click) / the first result:")
    for r in results:
        out.append(f"  {r.size} {r.engine}: " + "; ".join(
            f"{c.open_to_dom_s:.2f} / {c.open_to_key_s:.2f} / {c.open_to_result_s:.2f} ({c.query})" for c in r.cold))
    out.append("Sitemap fetches until the first result (first cold load):")
    for r in results:
        if r.cold:
            out.append(f"  {r.size} {r.engine}: {', '.join(r.cold[0].sitemaps) or 'none'}; {r.cold[0].requests} "
                       f"requests, {r.cold[0].gzip_server} gzipped by the server, {r.cold[0].gzip_file} gzip files")
    misses = [(r, q) for r in results for q in r.queries if not q.found]
    if misses:
        out.append("Queries whose note was not in the top 10:")
        for r, q in misses[:40]:
            out.append(f"  {r.size} {r.engine}: {q.query!r} ({q.kind}) expected {q.expected}; got "
                       f"{', '.join(q.top[:3]) or 'nothing'}{' …' if len(q.top) > 3 else ''}")
    errors = [f"{r.size} {r.engine}: {r.error}" for r in results if r.error] + meta["failures"]
    if errors:
        out += ["Errors (left out of the figures):"] + [f"  {error}" for error in errors]
    out += format_checks(checks)
    return "\n".join(out)


# -- main -----------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = new_parser(__doc__, DEFAULT_SIZES, DEFAULT_SEED)
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES), help="engines to measure")
    parser.add_argument("--queries", type=int, default=RECALL_QUERIES, metavar="Q",
                        help="known-answer queries per engine and size (default: %(default)s)")
    parser.add_argument("--cold-runs", type=int, default=COLD_RUNS, metavar="R",
                        help="cold page loads per engine and size (default: %(default)s)")
    args = parser.parse_args(argv)
    check_common_options(parser, args)
    if args.cold_runs < 1:
        parser.error("--cold-runs: at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from playwright.sync_api import sync_playwright
    from mkdocs.utils.yaml import yaml_load

    config_text = REAL_CONFIG.read_text(encoding="utf-8")
    settings = read_site_settings(config_text)
    args.site_host = urlsplit(yaml_load(config_text).get("site_url") or "http://notes.example.org/").hostname
    supported = old_engine_supported()
    old_engine = ("search_engine: material under notes-portal" if supported
                  else "the plugin has no search_engine option yet: built with the configuration unchanged")
    progress(f"old engine: {old_engine}")
    results: list[EngineFigures] = []
    failures: list[str] = []
    fingerprints = {code_fingerprint()}
    with work_dir("notes-portal-search-", args.keep) as work, sync_playwright() as playwright:
        for size in sorted(dict.fromkeys(args.sizes)):
            started = time.perf_counter()
            portal = write_portal(work / f"n{size}", size, settings, config_text, args.seed, stock=False)
            ours_text = portal.ours_config.read_text(encoding="utf-8")
            old_config = portal.root / "mkdocs-old.yml"
            old_config.write_text(with_plugin_option(ours_text, "search_engine", "material") if supported
                                  else ours_text, encoding="utf-8")
            progress(f"{size} notes generated in {time.perf_counter() - started:.1f} s, "
                     f"{len(portal.queries['pairs'])} known-answer queries in {portal.root / 'queries.json'}")
            pairs = sample_pairs(portal.queries, args.queries, args.seed + size)
            for engine in args.engines:
                config = portal.ours_config if engine == "new" else old_config
                try:
                    results.append(measure_engine(portal, engine, config, args, playwright, pairs))
                except (RuntimeError, OSError) as error:
                    progress(f"{size} notes: {engine} FAILED, left out of the report: {error}")
                    failures.append(f"{size} notes, {engine} engine: {str(error).strip().splitlines()[-1][:300]}")
                fingerprints.add(code_fingerprint())
            if not args.keep:
                shutil.rmtree(portal.root, ignore_errors=True)

    checks = target_checks(results)
    meta = {"machine": machine_facts(), "git": git_state(), "fingerprint": "/".join(sorted(fingerprints)),
            "old_engine": old_engine, "failures": failures}
    if len(fingerprints) > 1:
        meta["warning"] = "the plugin, templates or mkdocs.yml changed during the run"
    if args.json:
        print(json.dumps({**meta, "results": [r.summary() for r in results], "checks": [asdict(c) for c in checks]},
                         ensure_ascii=False, indent=2))
    else:
        if "warning" in meta:
            print(f"WARNING: {meta['warning']}")
        print(format_report(results, checks, meta))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    sys.exit(main())
