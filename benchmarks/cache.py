#!/usr/bin/env python3
"""Build-cache benchmark: cold and warm builds, serve start on a warm cache, edit-to-preview.

For every size N (default 300 1000 3000) it generates the usual synthetic portal (see
``build.py``) and measures, each build in a fresh process (``cache_measure``):

* a cold build (no ``.cache/notes-portal``), a warm build with nothing changed, and a warm
  build after changing 1% of the notes;
* ``mkdocs serve --dirty`` started on the warm cache: until it answers, then five edits of one
  note each: the server's rebuild ("Documentation built in") and edit-to-preview (from the
  save until the served page shows the edit), as medians.

It prints the figures per size, the ratios side by side, the machine, and the targets of
issue 14 as PASS/FAIL lines. Usage (from the repository root)::

    .venv/bin/python benchmarks/cache.py                  # 300 1000 3000 (about 20 min here)
    .venv/bin/python benchmarks/cache.py --sizes 100 --edits 2
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the benchmarks package, however this is started

from benchmarks.build_measure import warm_up
from benchmarks.cache_measure import (
    CACHE_EDITS,
    CacheFigures,
    drawn_kind,
    measure_cache,
)
from benchmarks.cli_common import (
    check_common_options,
    new_parser,
    require_at_least,
    work_dir,
)
from benchmarks.common import REAL_CONFIG, code_state, machine_facts, progress
from benchmarks.portal_config import read_site_settings
from benchmarks.portal_generator import DEFAULT_SEED, write_portal
from benchmarks.report import Check, format_checks, format_machine, verdict

DEFAULT_SIZES = (300, 1000, 3000)


def cache_checks(results: list[CacheFigures]) -> list[Check]:
    """Issue 14's targets, where the sizes they name were measured."""
    by_size = {r.size: r for r in results}
    checks: list[Check] = []
    if (big := by_size.get(3000)) is not None:
        speedup = big.cold_s / big.warm_s if big.warm_s else 0.0
        checks.append(Check("warm full build at 3000 at least 2.5x faster than cold", verdict(speedup >= 2.5),
                            f"{big.cold_s:.1f} s cold / {big.warm_s:.1f} s warm = {speedup:.2f}x"))
        if big.serve_restart_s:
            share = big.serve_restart_s / big.cold_s
            checks.append(Check("serve start on a warm cache (a restart) at 3000 <= 1/4 of a cold build",
                                verdict(share <= 0.25), f"{big.serve_restart_s:.1f} s / {big.cold_s:.1f} s = {share:.2f}"))
    small, big = by_size.get(300), by_size.get(3000)
    if small and big and small.median_rebuild_s and big.median_rebuild_s:
        growth = big.median_rebuild_s / small.median_rebuild_s
        checks.append(Check("serve --dirty rebuild after one edit at 3000 <= 1.3x at 300", verdict(growth <= 1.3),
                            f"{big.median_rebuild_s:.3f} s / {small.median_rebuild_s:.3f} s = {growth:.2f}x"))
    if small and big:
        # The same kind of edit at both sizes: a note's own pages only (its excerpt unchanged).
        same_small, same_big = small.median_rebuild_of_kind_s("2 pages"), big.median_rebuild_of_kind_s("2 pages")
        if same_small and same_big:
            growth = same_big / same_small
            checks.append(Check("the same kind of edit (a note's two pages drawn) at 3000 <= 1.3x at 300",
                                verdict(growth <= 1.3), f"{same_big:.3f} s / {same_small:.3f} s = {growth:.2f}x"))
    if (mid := by_size.get(1000)) is not None and mid.median_preview_s:
        checks.append(Check("edit-to-preview at 1000 < 1.5 s", verdict(mid.median_preview_s < 1.5),
                            f"median {mid.median_preview_s:.2f} s of {len(mid.edit_to_preview_s)}"))
    return checks


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f} s"


def _pages(said: str) -> str:
    """What an edit drew, short: ``2`` (pages), ``full``."""
    return drawn_kind(said).split(" ")[0] if said else "?"


def _x(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a and b else "-"


def format_report(results: list[CacheFigures], checks: list[Check], code: dict) -> str:
    """Figures per size, then the ratios side by side, then the targets."""
    lines = [f"code: {code['git']} ({code['fingerprint']}{', CHANGED DURING RUN' if code['changed_during_run'] else ''})",
             "", ("| notes | cold build | warm, unchanged | warm, 1% changed | serve start after builds "
                 "| serve restart | serve rebuild, one edit (median) | edit-to-preview (median) | cache |"),
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append(f"| {r.size} | {_s(r.cold_s)} | {_s(r.warm_s)} | {_s(r.changed_s)} ({r.changed_notes} notes) "
                     f"| {_s(r.serve_start_s)} | {_s(r.serve_restart_s)} | {_ms(r.median_rebuild_s)} | {_s(r.median_preview_s)} | {r.cache_mb:.1f} MB |")
    lines += ["", ("| notes | cold / warm | cold / 1% changed | serve start / cold | serve restart / cold "
                  "| rebuild / rebuild at smallest "
                  "| rebuilds (s, pages drawn) | edit-to-preview (s) | load before cold, warm, 1%, serve |"),
              "| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |"]
    smallest = results[0].median_rebuild_s if results else None
    for r in results:
        loads = ", ".join(f"{v:.1f}" for v in r.load.values())
        lines.append(f"| {r.size} | {_x(r.cold_s, r.warm_s)} | {_x(r.cold_s, r.changed_s)} "
                     f"| {_x(r.serve_start_s, r.cold_s)} | {_x(r.serve_restart_s, r.cold_s)} "
                     f"| {_x(r.median_rebuild_s, smallest)} "
                     f"| {' '.join(f'{s:.3f} ({_pages(k)})' for s, k in zip(r.rebuild_s, r.rebuild_kinds or [''] * len(r.rebuild_s), strict=False))} | {' '.join(f'{s:.2f}' for s in r.edit_to_preview_s)} "
                     f"| {loads} |")
        if r.error:
            lines.append(f"  {r.size}: {r.error.splitlines()[0]}")
    return "\n".join(lines + ["", *format_checks(checks)])


def main(argv: Sequence[str] | None = None) -> int:
    parser = new_parser(__doc__, DEFAULT_SIZES, DEFAULT_SEED)
    parser.add_argument("--edits", type=int, default=CACHE_EDITS, help="edits under serve per portal (default: %(default)s)")
    parser.add_argument("--no-serve", action="store_true", help="builds only, no mkdocs serve")
    args = parser.parse_args(argv)
    check_common_options(parser, args)
    require_at_least(parser, "--edits", args.edits, 1)
    config_text = REAL_CONFIG.read_text(encoding="utf-8")
    settings = read_site_settings(config_text)
    results: list[CacheFigures] = []
    with work_dir("notes-portal-cache-bench-", args.keep) as work:
        warm_up(work / "warm-up", settings, config_text, args.seed, ("ours",), args.build_timeout)
        for size in sorted(dict.fromkeys(args.sizes)):
            started = time.perf_counter()
            portal = write_portal(work / f"n{size}", size, settings, config_text, args.seed, stock=False)
            progress(f"{size} notes generated in {time.perf_counter() - started:.1f} s")
            results.append(measure_cache(portal, args.build_timeout, serve=not args.no_serve, edits=args.edits))
            if not args.keep:
                shutil.rmtree(portal.root, ignore_errors=True)
    checks = cache_checks(results)
    code = code_state(set())
    machine = {**machine_facts(), "load average at the end": " ".join(f"{v:.2f}" for v in os.getloadavg())}
    if args.json:
        print(json.dumps({"machine": machine, "code": code,
                          "results": [{**asdict(r), "median_rebuild_s": r.median_rebuild_s,
                                       "median_preview_s": r.median_preview_s} for r in results],
                          "checks": [asdict(c) for c in checks]}, ensure_ascii=False, indent=2))
    else:
        print(format_machine(machine) + f"; load average at the end {machine['load average at the end']}")
        print(format_report(results, checks, code))
    return 0


if __name__ == "__main__":
    sys.exit(main())
