"""Search on a LeetCode collection in a solutions repository's shape (``leetcode_collection``):
can a reader find a problem by its name, and what does the first search cost?

The synthetic portal's queries are rare terms; a collection's readers type a problem's name,
in Chinese on ``/`` or in English on ``/en/``, with or without its number (``最小覆盖子串``,
``76. 最小覆盖子串``, ``Minimum Window Substring``, ``76. Minimum Window Substring``). Each
name counts as found when its problem is the first result (rank 1). The first search's bytes
are measured like the portal's (``search_measure.cold_run``), from ``/`` and from ``/en/``.
"""

from __future__ import annotations

import argparse
import random
import statistics
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import quote

from benchmarks.child_build import build_in_child
from benchmarks.common import progress
from benchmarks.leetcode_collection import Collection, Problem
from benchmarks.search_measure import (
    CHROMIUM,
    CHROMIUM_ARGS,
    COLD_RUNS,
    QUERY_TIMEOUT_S,
    TOP_RESULTS_JS,
    ColdRun,
    cold_run,
    new_context,
    open_search,
    type_query,
)
from benchmarks.site_server import SiteServer

#: Problems whose names are searched (each in four forms); all of them in a smaller collection.
NAMED_PROBLEMS = 40
#: The issue's targets: names found at rank 1, bytes until the first result.
TARGET_RANK_ONE = 0.90
TARGET_BYTES = 1_000_000
#: (form, start page, query written from a problem): the ways a reader names a problem.
FORMS = (
    ("zh name", "/", lambda p: p.zh_title),
    ("zh number. name", "/", lambda p: f"{p.id}. {p.zh_title}"),
    ("en name", "/en/", lambda p: p.en_title),
    ("en number. name", "/en/", lambda p: f"{p.id}. {p.en_title}"),
)


@dataclass
class NameQuery:
    form: str
    query: str
    expected: str
    #: 1-based rank of the problem among the top 10, None when it isn't there.
    rank: int | None
    top: list[str] = field(default_factory=list)


@dataclass
class CollectionSearchFigures:
    size: int
    build_s: float
    #: Cold loads until the first result, from ``/`` (a Chinese name) and from ``/en/`` (an English one).
    cold: dict[str, list[ColdRun]] = field(default_factory=dict)
    names: list[NameQuery] = field(default_factory=list)
    error: str | None = None

    def first_search_bytes(self, start: str) -> float | None:
        runs = self.cold.get(start) or []
        return statistics.median(run.total_bytes for run in runs) if runs else None

    def rank_one(self, form: str | None = None) -> tuple[int, int]:
        """(names at rank 1, names searched), of one form or of all."""
        chosen = [q for q in self.names if form is None or q.form == form]
        return sum(q.rank == 1 for q in chosen), len(chosen)

    def summary(self) -> dict[str, Any]:
        return {**asdict(self), "first_search_bytes": {s: self.first_search_bytes(s) for s in self.cold},
                "rank_one": {form: self.rank_one(form) for form, _, _ in FORMS} | {"all": self.rank_one()}}


def page_path(collection: Collection, problem: Problem, start: str) -> str:
    """The problem's page as a result links to it (a path, percent-encoded as ``URL.pathname`` is)."""
    return quote(f"{start}{collection.category}/{problem.page_dir}/")


def name_queries(browser: Any, url: str, start: str, asked: list[tuple[str, str, str]]) -> list[NameQuery]:
    """In one page opened at ``url``: each (form, query, expected path) in turn; the expected
    problem's rank once it is listed, or None when it isn't within the time allowed."""
    context = new_context(browser)
    found: list[NameQuery] = []
    try:
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        open_search(page)
        box = page.locator("input.md-search__input")
        for form, query, expected in asked:
            box.fill("")
            box.press("End")  # Material clears the list on keyup with an empty box
            type_query(page, query)
            try:
                page.wait_for_function("expected => (" + TOP_RESULTS_JS + ")().includes(expected)", arg=expected,
                                       polling="raf", timeout=QUERY_TIMEOUT_S * 1000)
                top = page.evaluate(TOP_RESULTS_JS)
                found.append(NameQuery(form, query, expected, top.index(expected) + 1, top[:3]))
            except Exception:  # noqa: BLE001 - Playwright's TimeoutError: not in the top 10
                found.append(NameQuery(form, query, expected, None, page.evaluate(TOP_RESULTS_JS)[:3]))
    finally:
        context.close()
    return found


def measure_collection_search(collection: Collection, args: argparse.Namespace, playwright: Any
                              ) -> CollectionSearchFigures:
    """Build ``collection`` (our configuration), serve it, and search it by problem names."""
    site = collection.root / "site"
    progress(f"LeetCode collection of {collection.size}: building ...")
    child = build_in_child(collection.config, site, cwd=collection.root, timeout=args.build_timeout,
                           label=f"build of the LeetCode collection of {collection.size}")
    figures = CollectionSearchFigures(size=collection.size, build_s=child["wall_s"])
    progress(f"LeetCode collection of {collection.size}: built in {figures.build_s:.1f} s; searching names ...")
    rng = random.Random(args.seed + collection.size)
    named = rng.sample(collection.problems, min(NAMED_PROBLEMS, len(collection.problems)))
    with SiteServer(site) as server:
        rules = f"--host-resolver-rules=MAP {args.site_host} 127.0.0.1:{server.port}"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, rules])
        try:
            for start, form_index in (("/", 0), ("/en/", 2)):
                url = f"http://{args.site_host}{start}"
                _, _, write = FORMS[form_index]
                cold_run(browser, server, url, write(named[-1]))  # warm-up: Chromium, the gzip cache
                figures.cold[start] = [cold_run(browser, server, url, write(named[i % len(named)]))
                                       for i in range(args.cold_runs or COLD_RUNS)]
            for form, start, write in FORMS:
                asked = [(form, write(p), page_path(collection, p, start)) for p in named]
                figures.names += name_queries(browser, f"http://{args.site_host}{start}", start, asked)
        except Exception as error:  # noqa: BLE001 - report what was measured, say what failed
            figures.error = f"{type(error).__name__}: {str(error)[:500]}"
            progress(f"LeetCode collection of {collection.size}: {figures.error}")
        finally:
            browser.close()
    hits, total = figures.rank_one()
    progress(f"LeetCode collection of {collection.size}: {hits}/{total} names at rank 1")
    return figures


def format_collection_report(figures: CollectionSearchFigures) -> str:
    """The names found per form, the first search's bytes, and the targets."""
    out = [f"Search on a LeetCode collection of {figures.size} problems (solutions repository's shape, "
           f"built in {figures.build_s:.1f} s)"]
    if figures.error:
        out.append(f"  FAILED part-way: {figures.error}")
    for form, _, _ in FORMS:
        hits, total = figures.rank_one(form)
        out.append(f"  {form:<18} {hits:>3}/{total:<3} at rank 1")
    hits, total = figures.rank_one()
    share = hits / total if total else 0.0
    out.append(f"  {'all names':<18} {hits:>3}/{total:<3} at rank 1 ({share:.0%}; target ≥ {TARGET_RANK_ONE:.0%}): "
               f"{'PASS' if total and share >= TARGET_RANK_ONE else 'FAIL'}")
    for start in figures.cold:
        sent = figures.first_search_bytes(start)
        if sent is not None:
            out.append(f"  first search from {start:<5} {sent / 1024:.0f} KB sent until the first result "
                       f"(target < {TARGET_BYTES / 1e6:g} MB): {'PASS' if sent < TARGET_BYTES else 'FAIL'}")
    misses = [q for q in figures.names if q.rank != 1][:12]
    if misses:
        out.append("  Some names not at rank 1 (query → rank; the top results):")
        out += [f"    {q.query!r} → {q.rank or '-'}; {', '.join(q.top) or 'nothing'}" for q in misses]
    return "\n".join(out)
