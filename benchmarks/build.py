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

Progress goes to stderr; the report (table or ``--json``) to stdout.
"""


from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling modules, however this is started

from common import (REAL_CONFIG, blocking, build_in_child, check_common_options, code_fingerprint, format_machine,
                    git_state, machine_facts, new_parser, progress, run_child, search_index_files, tree_bytes,
                    work_dir)
from portal_generator import DEFAULT_SEED, Portal, SiteSettings, read_site_settings, write_portal
from report import format_report, ratios, target_checks
from serve_edit import EDITS, SERVE_EDIT_SIZE, ServeFigures, measure_serve_edit

DEFAULT_SIZES = (300, 1000, 3000)
WARM_UP_SIZE = 40


@dataclass
class BuildFigures:
    """Figures of one build of one portal."""

    size: int
    variant: str
    wall_s: float
    per_note_ms: float
    peak_mb: float
    median_page_kb: float
    max_page_kb: float
    pages_measured: int
    search_index_kb: float
    site_mb: float
    plugin_s: float
    plugin_share: float
    plugin_steps: dict[str, float] = field(default_factory=dict)
    warnings: int = 0
    warning_samples: list[str] = field(default_factory=list)
    #: 1-minute load average when the build started: other work on the machine skews wall times.
    load_before: float = 0.0
    #: Fingerprint of the plugin, templates and mkdocs.yml the build ran with.
    code: str = ""
    #: Wall times of every repetition (``--repeat``); the figures are those of the fastest.
    wall_runs: list[float] = field(default_factory=list)


def measure_build(portal: Portal, variant: str, timeout: float) -> BuildFigures:
    """Build ``variant`` of ``portal`` in a fresh Python process and measure the output."""
    site_dir = portal.site_dir(variant)
    shutil.rmtree(site_dir, ignore_errors=True)
    load_before = os.getloadavg()[0]
    code = code_fingerprint()
    child = build_in_child(portal.config(variant), site_dir, cwd=portal.root, timeout=timeout,
                           label=f"{variant} build of {portal.size} notes")

    sizes = sorted(p.stat().st_size for p in (site_dir / n.page_path for n in portal.notes) if p.is_file())
    index_bytes = sum(p.stat().st_size for p in search_index_files(site_dir))  # the default language's
    plugin_s = blocking(child["plugin_steps"])
    return BuildFigures(
        size=portal.size,
        variant=variant,
        wall_s=child["wall_s"],
        per_note_ms=1000 * child["wall_s"] / portal.size,
        peak_mb=child["peak_rss_kb"] / 1024,
        median_page_kb=statistics.median(sizes) / 1024 if sizes else 0.0,
        max_page_kb=sizes[-1] / 1024 if sizes else 0.0,
        pages_measured=len(sizes),
        search_index_kb=index_bytes / 1024,
        site_mb=tree_bytes(site_dir) / 2**20,
        plugin_s=plugin_s,
        plugin_share=plugin_s / child["wall_s"] if child["wall_s"] else 0.0,
        plugin_steps=child["plugin_steps"],
        warnings=len(child["warnings"]),
        warning_samples=child["warnings"][:5],
        load_before=load_before,
        code=code,
    )


# -- main -----------------------------------------------------------------------------------------


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
    parser.add_argument("--child", metavar="SPEC", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    check_common_options(parser, args)
    if args.repeat < 1:
        parser.error("--repeat: at least 1")
    return args


def serve_edit_size(args: argparse.Namespace) -> int | None:
    """Which portal size to run the serve-edit measurement on, if any."""
    if args.serve_edit is False:
        return None
    if SERVE_EDIT_SIZE in args.sizes:
        return SERVE_EDIT_SIZE
    return max(args.sizes) if args.serve_edit else None


def warm_up(root: Path, settings: SiteSettings, config_text: str, seed: int, variants: Sequence[str],
            timeout: float) -> None:
    """Build a small portal once, unreported: the first build after a cold start pays for
    compiling bytecode and filling the disk cache (about 10 s here), which isn't build time."""
    progress(f"warm-up build of {WARM_UP_SIZE} notes (not reported) ...")
    portal = write_portal(root, WARM_UP_SIZE, settings, config_text, seed)
    for variant in variants:
        measure_build(portal, variant, timeout)
    shutil.rmtree(root, ignore_errors=True)


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
                    runs = [measure_build(portal, variant, args.build_timeout) for _ in range(args.repeat)]
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    progress(f"{size} notes: {variant} build FAILED, left out of the report: {error}")
                    continue
                figures = min(runs, key=lambda run: run.wall_s)
                figures.wall_runs = [run.wall_s for run in runs]
                builds.append(figures)
                progress(f"{size} notes: {variant} built in {figures.wall_s:.1f} s, "
                         f"median page {figures.median_page_kb:.1f} KB, peak {figures.peak_mb:.0f} MB")
            if size == serve_size:
                progress(f"{size} notes: mkdocs serve --dirty, {EDITS} edits ...")
                serve = measure_serve_edit(portal, startup_timeout=max(600.0, args.build_timeout))
                progress(f"{size} notes: edit-to-preview {serve.edit_to_preview_s} {serve.error or ''}")
            if not args.keep:
                shutil.rmtree(portal.root, ignore_errors=True)

    checks = target_checks(builds, serve)
    fingerprints = {b.code for b in builds} | {code_fingerprint()}
    code = {"git": git_state(), "fingerprint": "/".join(sorted(fingerprints)),
            "changed_during_run": len(fingerprints) > 1}
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
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_machine(machine_facts()))
        print(format_report(builds, serve, checks, code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
