"""The build benchmark's targets (PASS/FAIL) and its human-readable report."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from common import Check, format_checks, verdict
from serve_edit import SERVE_EDIT_SIZE, ServeFigures

if TYPE_CHECKING:
    from build import BuildFigures

# Targets from the issue.
TARGET_SCALING = 1.3
TARGET_SPEEDUP = 3.0
TARGET_MEDIAN_PAGE_KB = 80.0
TARGET_PLUGIN_SHARE = 0.05
TARGET_INDEX_REDUCTION = 0.40
TARGET_PREVIEW_S = 2.0


def target_checks(builds: list[BuildFigures], serve: ServeFigures | None) -> list[Check]:
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


def format_report(builds: list[BuildFigures], serve: ServeFigures | None, checks: list[Check],
                  code: dict[str, Any]) -> str:
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

    out += format_checks(checks)
    return "\n".join(out)

