"""Search as a reader meets it: one engine's build of a portal, served like GitHub Pages and
searched in headless Chromium, from opening the page to the first result.

Times are taken in the page itself (``IN_PAGE_TIMES``) so that Playwright's own round trips
don't count; every cold load gets a fresh browser context, so nothing is cached from the last.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.child_build import build_in_child
from benchmarks.common import REPO, blocking, progress, search_index_files
from benchmarks.portal_generator import Portal
from benchmarks.site_server import KINDS, SiteServer, gzipped_size, kind_of

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


#: Installed before the page's own scripts: the time (ms since navigation start) of the last
#: key released in the search box before the first result (the "/" that opens the box is one too,
#: so the first would measure Material's opening animation and Playwright's typing) and of the
#: first result in the list, read in the page itself so that Playwright's round trips don't count.
IN_PAGE_TIMES = """
window.__np_times = {};
document.addEventListener("keyup", (event) => {
  if (event.target.matches && event.target.matches(".md-search__input") && !window.__np_times.result)
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
    #: The same from /en/, whose notes are mostly untranslated (new engine: both bundles are searched).
    en_cold: list[ColdRun] = field(default_factory=list)
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
    def en_total_bytes(self) -> float | None:
        return statistics.median(run.total_bytes for run in self.en_cold) if self.en_cold else None

    @property
    def followup_s(self) -> float | None:
        found = [q.seconds for q in self.queries if q.found and q.seconds is not None]
        return statistics.median(found) if found else None

    @property
    def recall(self) -> float | None:
        return sum(q.found for q in self.queries) / len(self.queries) if self.queries else None

    def summary(self) -> dict[str, Any]:
        return {**asdict(self), "open_to_result_s": self.open_to_result_s, "key_to_result_s": self.key_to_result_s,
                "total_bytes": self.total_bytes, "en_total_bytes": self.en_total_bytes,
                "followup_s": self.followup_s, "recall": self.recall}


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
    progress(f"{portal.size} notes: building {engine} engine ...")
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
    figures.load = (child["load_before"], os.getloadavg()[0])
    typical = portal.queries["typical"]
    with SiteServer(site) as server:
        rules = f"--host-resolver-rules=MAP {args.site_host} 127.0.0.1:{server.port}"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, rules])
        url = f"http://{args.site_host}/"
        try:
            cold_run(browser, server, url, typical[-1])  # warm-up: Chromium, the disk cache, the gzip cache
            for index in range(args.cold_runs):
                figures.cold.append(cold_run(browser, server, url, typical[index % len(typical)]))
            if engine == "new":  # a Chinese word from /en/: found in the untranslated notes it lists
                for index in range(args.cold_runs):
                    figures.en_cold.append(cold_run(browser, server, url + "en/", typical[index % len(typical)]))
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

