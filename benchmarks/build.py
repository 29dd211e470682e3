#!/usr/bin/env python3
"""Build-time benchmark of the study-notes portal on synthetic collections of notes.

For every size N it generates a portal of N Chinese notes (about 8 KB each, with
front matter, math, code, tables; a fifth of them LeetCode notes; a few English
translations) and builds it twice, each time in a fresh Python process:

* **ours**: the real ``mkdocs.yml`` (``notes-portal`` and ``i18n`` plugins,
  ``overrides/`` templates), pointed at the generated notes;
* **stock**: the same notes under plain Material, without ``notes-portal`` and
  ``i18n``, with an explicit ``nav`` that lists every note, grouped by category
  (the baseline the portal replaces).

It reports wall time, time per note, peak memory, note-page HTML size, search
index size and the plugin's own step times; optionally the edit-to-preview
latency of ``mkdocs serve --dirty``; and the targets as PASS/FAIL lines.

Usage (from the repository root)::

    .venv/bin/python benchmarks/build.py                      # sizes 300 1000 3000
    .venv/bin/python benchmarks/build.py --sizes 100 200      # quick run
    .venv/bin/python benchmarks/build.py --skip-stock --json  # our build only, as JSON
    .venv/bin/python benchmarks/build.py --sizes 200 --serve-edit   # serve-edit on a small portal
    .venv/bin/python benchmarks/build.py --repeat 3 --no-serve-edit # fastest of 3 builds per portal
    .venv/bin/python benchmarks/build.py --sizes 4000 --skip-stock --no-serve-edit --leetcode-collection 4000

Progress goes to stderr; the report (table or ``--json``) to stdout.

With ``--leetcode-collection N`` it also generates an existing collection of N LeetCode notes
in a public solutions repository's shape (``leetcode_collection``; zh + en, top-level
``difficulty``, linked first headings, code in several languages), builds it with ``--strict``
and reports its build time per note against the usual portal of N notes (built in the same run,
ours only if N isn't among ``--sizes``), the LeetCode index page's size, the largest range
page's and the strict warnings.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the benchmarks package, however this is started

from benchmarks.build_measure import (
    BuildFigures,
    CollectionFigures,
    best_of,
    measure_collection,
    warm_up,
)
from benchmarks.child_build import run_child
from benchmarks.cli_common import (
    check_common_options,
    new_parser,
    require_at_least,
    work_dir,
)
from benchmarks.common import REAL_CONFIG, code_state, machine_facts, progress
from benchmarks.leetcode_collection import DEFAULT_COLLECTION_SIZE, write_collection
from benchmarks.portal_config import SiteSettings, read_site_settings
from benchmarks.portal_generator import DEFAULT_SEED, write_portal
from benchmarks.report import (
    Check,
    build_checks,
    collection_checks,
    format_build_report,
    format_machine,
    ratios,
)
from benchmarks.serve_edit import (
    EDITS,
    SERVE_EDIT_SIZE,
    ServeFigures,
    measure_serve_edit,
)

DEFAULT_SIZES = (300, 1000, 3000)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = new_parser(__doc__, DEFAULT_SIZES, DEFAULT_SEED)
    parser.add_argument("--skip-stock", action="store_true", help="don't build the stock Material baseline")
    parser.add_argument("--serve-edit", action=argparse.BooleanOptionalAction, default=None,
                        help=f"measure edit-to-preview under mkdocs serve (default: on the {SERVE_EDIT_SIZE}-note "
                             f"portal when it is among --sizes; --serve-edit forces it, on the largest size "
                             f"when {SERVE_EDIT_SIZE} isn't measured)")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="build each portal R times and report the fastest (default: %(default)s)")
    parser.add_argument("--leetcode-collection", type=int, nargs="?", const=DEFAULT_COLLECTION_SIZE, metavar="N",
                        help="also build an existing collection of N LeetCode notes in another shape "
                             f"(default N: {DEFAULT_COLLECTION_SIZE}) and compare it with the usual portal of N")
    parser.add_argument("--child", metavar="SPEC", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    check_common_options(parser, args)
    require_at_least(parser, "--repeat", args.repeat, 1)
    require_at_least(parser, "--leetcode-collection", args.leetcode_collection, 10)
    return args


def serve_edit_size(args: argparse.Namespace) -> int | None:
    """Which portal size to run the serve-edit measurement on, if any."""
    if args.serve_edit is False:
        return None
    if SERVE_EDIT_SIZE in args.sizes:
        return SERVE_EDIT_SIZE
    return max(args.sizes) if args.serve_edit else None


def collection_case(work: Path, args: argparse.Namespace, settings: SiteSettings, config_text: str,
                    builds: list[BuildFigures]) -> tuple[CollectionFigures | None, list[Check]]:
    """Issue 12's case: the usual portal of N notes (unless already built), then the collection."""
    size = args.leetcode_collection
    portal_build = next((b for b in builds if b.variant == "ours" and b.size == size), None)
    try:
        if portal_build is None:
            progress(f"{size} notes: building the usual portal (ours) to compare the collection with ...")
            portal = write_portal(work / f"n{size}-usual", size, settings, config_text, args.seed, stock=False)
            portal_build = best_of(portal, "ours", args.build_timeout, args.repeat)
            progress(f"{size} notes: usual portal built in {portal_build.wall_s:.1f} s")
            if not args.keep:
                shutil.rmtree(portal.root, ignore_errors=True)
        started = time.perf_counter()
        collection = write_collection(work / f"leetcode-{size}", size, settings, config_text, args.seed)
        progress(f"LeetCode collection of {size} problems (zh + en) generated in "
                 f"{time.perf_counter() - started:.1f} s; building with --strict ...")
        figures = measure_collection(collection, args.build_timeout, portal_build)
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        progress(f"LeetCode collection of {size}: FAILED: {error}")
        return None, [Check(f"LeetCode collection of {size} problems builds", "FAIL",
                            str(error).strip().splitlines()[0][:300])]
    progress(f"LeetCode collection of {size}: built in {figures.wall_s:.1f} s, index {figures.index_kb:.1f} KB, "
             f"{figures.strict_warnings} strict warnings")
    if not args.keep:
        shutil.rmtree(collection.root, ignore_errors=True)
    return figures, collection_checks(figures)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the portals, build and measure them, print the report."""
    args = parse_args(argv)
    if args.child:
        run_child(json.loads(args.child))
        return 0

    config_text = REAL_CONFIG.read_text(encoding="utf-8")
    settings = read_site_settings(config_text)
    sizes = sorted(dict.fromkeys(args.sizes))
    serve_size = serve_edit_size(args)
    builds: list[BuildFigures] = []
    serve: ServeFigures | None = None
    collection: CollectionFigures | None = None
    collection_targets: list[Check] = []
    variants = ("ours",) if args.skip_stock else ("ours", "stock")
    with work_dir("notes-portal-bench-", args.keep) as work:
        warm_up(work / "warm-up", settings, config_text, args.seed, variants, args.build_timeout)
        for size in sizes:
            started = time.perf_counter()
            portal = write_portal(work / f"n{size}", size, settings, config_text, args.seed)
            progress(f"{size} notes generated ({sum(1 for n in portal.notes if n.translation)} translated) "
                     f"in {time.perf_counter() - started:.1f} s")
            for variant in variants:
                progress(f"{size} notes: building {variant} ...")
                try:
                    figures = best_of(portal, variant, args.build_timeout, args.repeat)
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    progress(f"{size} notes: {variant} build FAILED, left out of the report: {error}")
                    continue
                builds.append(figures)
                progress(f"{size} notes: {variant} built in {figures.wall_s:.1f} s, "
                         f"median page {figures.median_page_kb:.1f} KB, peak {figures.peak_mb:.0f} MB")
            if size == serve_size:
                progress(f"{size} notes: mkdocs serve --dirty, {EDITS} edits ...")
                serve = measure_serve_edit(portal, startup_timeout=max(600.0, args.build_timeout))
                progress(f"{size} notes: edit-to-preview {serve.edit_to_preview_s} {serve.error or ''}")
            if not args.keep:
                shutil.rmtree(portal.root, ignore_errors=True)
        if args.leetcode_collection is not None:
            collection, collection_targets = collection_case(work, args, settings, config_text, builds)

    checks = build_checks(builds, serve) + collection_targets
    code = code_state({b.code for b in builds} | ({collection.code} if collection else set()))
    if args.json:
        report = {
            "machine": machine_facts(),
            "code": code,
            "sizes": sizes,
            "builds": [asdict(b) for b in builds],
            "ratios_ours_over_stock": ratios(builds),
            "serve_edit": None if serve is None else {**asdict(serve), "median_preview_s": serve.median_preview_s,
                                                      "median_reload_s": serve.median_reload_s},
            "checks": [asdict(c) for c in checks],
        }
        if args.leetcode_collection is not None:
            report["leetcode_collection"] = None if collection is None else asdict(collection)
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_machine(machine_facts()))
        print(format_build_report(builds, serve, checks, code, collection))
    return 0


if __name__ == "__main__":
    sys.exit(main())
