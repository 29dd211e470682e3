"""The benchmarks' reports: the targets from the issues as PASS/FAIL lines, and the tables.

One module for both benchmarks so that the look of a report (machine line, code line, table,
notes under it, targets last) is decided in one place; the measurements hand over plain
dataclasses and never format anything themselves.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.build_measure import BuildFigures, CollectionFigures
from benchmarks.search_measure import ENGINES, QUERY_TIMEOUT_S, EngineFigures
from benchmarks.serve_edit import SERVE_EDIT_SIZE, ServeFigures
from benchmarks.site_server import KINDS

# Build targets (issue: build time and page size).
TARGET_SCALING = 1.3
TARGET_SPEEDUP = 3.0
TARGET_MEDIAN_PAGE_KB = 80.0
TARGET_PLUGIN_SHARE = 0.05
TARGET_INDEX_REDUCTION = 0.40
TARGET_PREVIEW_S = 2.0
# Search targets, at TARGET_SIZE notes.
TARGET_SIZE = 3000
TARGET_FIRST_RESULT_S = 1.0
TARGET_BYTES = 1_000_000
TARGET_BYTES_REDUCTION = 10.0
# An existing LeetCode collection (issue 12): the index page at 4000 problems.
TARGET_COLLECTION_SIZE = 4000
TARGET_INDEX_KB = 150.0


@dataclass
class Check:
    """One target: its name, PASS/FAIL/SKIP and the figures behind the verdict."""
    name: str
    status: str  # PASS, FAIL or SKIP
    detail: str


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def format_checks(checks: Sequence[Check]) -> list[str]:
    """The report's closing "Targets" lines."""
    return ["", "Targets"] + [f"  {c.status}  {c.name}: {c.detail}" for c in checks]


def format_machine(facts: dict[str, str]) -> str:
    """The machine line every report starts with: figures mean little without it."""
    return (f"Machine: {facts['nproc']} CPUs ({facts['cpu']}), {facts['memory']} RAM, "
            f"Python {facts['python']}, {facts['os']}")


# -- the build benchmark --------------------------------------------------------------------------


def build_checks(builds: list[BuildFigures], serve: ServeFigures | None) -> list[Check]:
    """The issue's targets, evaluated on the sizes that were measured."""
    ours = {b.size: b for b in builds if b.variant == "ours"}
    stock = {b.size: b for b in builds if b.variant == "stock"}
    checks: list[Check] = []
    if not ours:
        return checks
    small, large = min(ours), max(ours)

    name = f"time per note at {large} <= {TARGET_SCALING} x time per note at {small}"
    if small == large:
        checks.append(Check(name, "SKIP", "needs two sizes"))
    else:
        ratio = ours[large].per_note_ms / ours[small].per_note_ms
        checks.append(Check(name, verdict(ratio <= TARGET_SCALING),
                            f"{ours[large].per_note_ms:.1f} ms vs {ours[small].per_note_ms:.1f} ms "
                            f"(x{ratio:.2f})"))

    name = f"full build at {large} >= {TARGET_SPEEDUP:g}x faster than stock"
    if large in stock:
        speedup = stock[large].wall_s / ours[large].wall_s
        checks.append(Check(name, verdict(speedup >= TARGET_SPEEDUP),
                            f"{ours[large].wall_s:.1f} s vs stock {stock[large].wall_s:.1f} s (x{speedup:.2f})"))
    else:
        checks.append(Check(name, "SKIP", "stock build not measured"))

    checks.append(Check(f"median note page at {large} < {TARGET_MEDIAN_PAGE_KB:g} KB",
                        verdict(ours[large].median_page_kb < TARGET_MEDIAN_PAGE_KB),
                        f"{ours[large].median_page_kb:.1f} KB"))

    worst = max(ours.values(), key=lambda b: b.plugin_share)
    checks.append(Check(f"plugin steps < {TARGET_PLUGIN_SHARE:.0%} of build (every size)",
                        verdict(worst.plugin_share < TARGET_PLUGIN_SHARE),
                        ", ".join(f"{b.size}: {b.plugin_share:.1%}" for b in ours.values())))

    name = f"search index at {large} >= {TARGET_INDEX_REDUCTION:.0%} smaller than stock"
    if large in stock and stock[large].search_index_kb:
        reduction = 1 - ours[large].search_index_kb / stock[large].search_index_kb
        checks.append(Check(name, verdict(reduction >= TARGET_INDEX_REDUCTION),
                            f"{ours[large].search_index_kb:.0f} KB vs stock {stock[large].search_index_kb:.0f} KB "
                            f"({reduction:.0%} smaller)"))
    else:
        checks.append(Check(name, "SKIP", "stock build not measured"))

    size = serve.size if serve else SERVE_EDIT_SIZE
    name = f"edit-to-preview on {size} notes < {TARGET_PREVIEW_S:g} s"
    if serve is None:
        checks.append(Check(name, "SKIP", "serve-edit not measured"))
    elif serve.median_preview_s is None:
        checks.append(Check(name, "FAIL", serve.error or "no edit showed up"))
    else:
        ok = serve.median_preview_s < TARGET_PREVIEW_S and serve.feed_items_after_edit > 0
        checks.append(Check(name, verdict(ok),
                            f"median {serve.median_preview_s:.2f} s of "
                            f"{', '.join(f'{s:.2f}' for s in serve.edit_to_preview_s)}; "
                            f"home feed lists {serve.feed_items_after_edit} notes after the edits"))
    if serve is not None and len(serve.search_index_kb) > 1:
        before, after = serve.search_index_kb[0], min(serve.search_index_kb[1:])
        checks.append(Check("(extra, not in the issue) served search index keeps >= 90% of its size after edits",
                            verdict(after >= 0.9 * before),
                            f"{before:.0f} KB before, smallest after an edit {after:.0f} KB"))
    return checks


def ratios(builds: list[BuildFigures]) -> list[dict[str, float]]:
    """ours/stock for wall time, median page size and search index size, per size."""
    ours = {b.size: b for b in builds if b.variant == "ours"}
    rows = []
    for b in builds:
        if b.variant == "stock" and b.size in ours:
            o = ours[b.size]
            rows.append({
                "size": b.size,
                "wall": o.wall_s / b.wall_s,
                "median_page": o.median_page_kb / b.median_page_kb if b.median_page_kb else float("nan"),
                "search_index": o.search_index_kb / b.search_index_kb if b.search_index_kb else float("nan"),
            })
    return rows

def format_build_report(builds: list[BuildFigures], serve: ServeFigures | None, checks: list[Check],
                        code: dict[str, Any], collection: CollectionFigures | None = None) -> str:
    """The human-readable report."""
    out: list[str] = [f"Code: {code['git']}, fingerprint {code['fingerprint']}"]
    if code["changed_during_run"]:
        out.append("  WARNING: the plugin, templates or mkdocs.yml changed during the run; builds ran with "
                   + ", ".join(f"{b.size} {b.variant}: {b.code}" for b in builds))
    out.append("")
    header = (f"{'notes':>6} {'variant':<12} {'wall s':>8} {'ms/note':>8} {'peak MB':>8} {'med KB':>8} "
              f"{'max KB':>8} {'index KB':>9} {'site MB':>8} {'plugin s':>9} {'plugin %':>9} {'warn':>5} {'load':>5}")
    out += ["Builds (in-process, one fresh Python process per build)", header, "-" * len(header)]
    by_size = {r["size"]: r for r in ratios(builds)}
    for size in sorted({b.size for b in builds}):
        for b in (b for b in builds if b.size == size):
            plugin = f"{b.plugin_s:9.2f} {b.plugin_share:9.1%}" if b.variant == "ours" else f"{'-':>9} {'-':>9}"
            out.append(f"{b.size:>6} {b.variant:<12} {b.wall_s:8.1f} {b.per_note_ms:8.1f} {b.peak_mb:8.0f} "
                       f"{b.median_page_kb:8.1f} {b.max_page_kb:8.1f} {b.search_index_kb:9.0f} {b.site_mb:8.1f} "
                       f"{plugin} {b.warnings:5d} {b.load_before:5.1f}")
        if size in by_size:
            r = by_size[size]
            out.append(f"{size:>6} {'ours/stock':<12} {r['wall']:8.2f} {'':>8} {'':>8} {r['median_page']:8.2f} "
                       f"{'':>8} {r['search_index']:9.2f}")
    out += ["", "  wall s: load_config + build; med/max KB: zh note pages;",
            "  index KB: search/ (Material) or pagefind/ (Pagefind) of the zh site;",
            f"  load: 1-minute load average before the build ({os.cpu_count()} CPUs)"]
    repeated = [b for b in builds if len(b.wall_runs) > 1]
    if repeated:
        out.append("  fastest of: " + "; ".join(f"{b.size} {b.variant} " + "/".join(f"{w:.1f}" for w in b.wall_runs)
                                                for b in repeated))
    out.append("")

    out.append("Plugin steps (ours): seconds, share of the build, ms per note "
               "(plugin s above leaves out the steps marked background: they overlap the build)")
    for b in (b for b in builds if b.variant == "ours"):
        out.append(f"  {b.size} notes, build {b.wall_s:.1f} s:")
        for step, seconds in sorted(b.plugin_steps.items(), key=lambda item: -item[1]):
            out.append(f"    {step:<44} {seconds:8.3f} s {seconds / b.wall_s:7.2%} "
                       f"{1000 * seconds / b.size:7.3f} ms/note")
    samples = [(b, w) for b in builds for w in b.warning_samples]
    if samples:
        out += ["", "Build warnings (first few):"]
        out += [f"  {b.size} {b.variant}: {w[:200]}" for b, w in samples]

    if serve is not None:
        out += ["", f"mkdocs serve --dirty on {serve.size} notes (our configuration)"]
        if serve.startup_s:
            out.append(f"  server up after          {serve.startup_s:.1f} s")
        if serve.edit_to_preview_s:
            out.append(f"  edit -> page shows it    {', '.join(f'{s:.2f}' for s in serve.edit_to_preview_s)} s "
                       f"(median {serve.median_preview_s:.2f} s)")
        if serve.edit_to_reload_s:
            out.append(f"  edit -> browsers reload {', '.join(f'{s:.2f}' for s in serve.edit_to_reload_s)} s "
                       f"(median {serve.median_reload_s:.2f} s; whole rebuild incl. /en/)")
        if serve.rebuild_s:
            out.append(f"  rebuild (server's own)   {', '.join(f'{s:.2f}' for s in serve.rebuild_s)} s")
        if serve.search_index_kb:
            out.append(f"  served search index      {' -> '.join(f'{kb:.0f}' for kb in serve.search_index_kb)} KB "
                       "(before the edits, then after each)")
        out.append(f"  home feed items after edits: {serve.feed_items_after_edit}")
        if serve.error:
            out.append(f"  error: {serve.error}")

    if collection is not None:
        out += format_collection(collection)

    out += format_checks(checks)
    return "\n".join(out)



def collection_checks(collection: CollectionFigures) -> list[Check]:
    """Issue 12's targets for an existing LeetCode collection: a light index, a clean strict build."""
    at = "" if collection.size == TARGET_COLLECTION_SIZE else \
        f" (measured at {collection.size} problems; the target is for {TARGET_COLLECTION_SIZE})"
    return [
        Check(f"LeetCode index page < {TARGET_INDEX_KB:g} KB at {TARGET_COLLECTION_SIZE} problems{at}",
              verdict(0 < collection.index_kb < TARGET_INDEX_KB),
              f"{collection.index_kb:.1f} KB (/en/: {collection.en_index_kb:.1f} KB); largest range page "
              f"{collection.largest_range_kb:.1f} KB ({collection.largest_range})"),
        Check(f"mkdocs build --strict of the {collection.size}-problem collection: 0 warnings",
              verdict(collection.strict_warnings == 0 and not collection.strict_abort),
              f"{collection.strict_warnings} warning(s)" + (f"; {collection.strict_abort}"
                                                            if collection.strict_abort else "")),
    ]


def format_collection(c: CollectionFigures) -> list[str]:
    """The LeetCode collection's section of the build report."""
    out = ["", (f"An existing LeetCode collection: {c.size} problems in a solutions repository's shape, "
                f"zh + en ({c.pages} note pages), built with --strict")]
    comparison = "usual portal not measured"
    if c.portal_per_note_ms:
        comparison = (f"usual portal of {c.size} notes {c.portal_wall_s:.1f} s, {c.portal_per_note_ms:.1f} ms/note "
                      f"(x{c.per_note_ms / c.portal_per_note_ms:.2f})")
    out += [(f"  build                    {c.wall_s:.1f} s, {c.per_note_ms:.1f} ms/problem "
             f"({1000 * c.wall_s / max(c.pages, 1):.1f} ms/page); {comparison}"),
            f"  LeetCode index page      {c.index_kb:.1f} KB (/en/: {c.en_index_kb:.1f} KB)",
            f"  largest range page       {c.largest_range_kb:.1f} KB ({c.largest_range}, {c.range_pages} range pages)",
            (f"  problem pages            median {c.median_page_kb:.1f} KB; site {c.site_mb:.1f} MB; "
             f"peak {c.peak_mb:.0f} MB; load {c.load_before:.1f}"),
            f"  plugin steps             {c.plugin_s:.1f} s ({c.plugin_s / c.wall_s:.1%} of the build; "
            "background steps left out): " + ", ".join(
                f"{step} {seconds:.1f} s" for step, seconds in sorted(c.plugin_steps.items(), key=lambda i: -i[1])[:4]),
            f"  --strict warnings        {c.strict_warnings}" + (f" ({c.strict_abort})" if c.strict_abort else "")]
    out += [f"    {w[:200]}" for w in c.warning_samples]
    return out


# -- the search benchmark -------------------------------------------------------------------------


def _fmt(value: float | None, pattern: str, scale: float = 1.0) -> str:
    return "-" if value is None else format(value * scale, pattern)


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if not a or not b else f"x{a / b:.2f}"


def search_checks(results: list[EngineFigures]) -> list[Check]:
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


def format_search_report(results: list[EngineFigures], checks: list[Check], meta: dict[str, Any]) -> str:
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
    for r in results:
        if r.en_total_bytes is not None:
            out.append(f"{r.size:>6} {r.engine + ' /en/':<12} first search from /en/ (a Chinese word, found in the "
                       f"untranslated notes /en/ lists): {r.en_total_bytes / 1024:.0f} KB sent until the first result")
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
            "  .md-search-result__item, in the page; key→1st: from the last key released in the search box; sent KB and the kinds: response bodies",
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

