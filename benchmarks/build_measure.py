"""Build measurement: one portal built by one configuration in a fresh process, and what the
build produced (page sizes, search index, site size, the plugin's own step times).

Page sizes are read from the site on disk, not from the build, so that whatever the templates
add counts; the plugin's step times come from the child (see ``child_build``).
"""

from __future__ import annotations

import re
import shutil
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.child_build import build_in_child
from benchmarks.common import (
    blocking,
    code_fingerprint,
    progress,
    search_index_files,
    tree_bytes,
)
from benchmarks.leetcode_collection import Collection
from benchmarks.portal_config import SiteSettings
from benchmarks.portal_generator import Portal, write_portal

#: Notes in the unreported first build (see ``warm_up``).
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
    code = code_fingerprint()
    # This benchmark measures builds from scratch: the build cache (``cache.py`` measures it) is emptied.
    shutil.rmtree(portal.root / ".cache", ignore_errors=True)
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
        load_before=child["load_before"],
        code=code,
    )


def best_of(portal: Portal, variant: str, timeout: float, repeat: int) -> BuildFigures:
    """The fastest of ``repeat`` builds (the least disturbed by the rest of the machine), with the
    wall times of all of them."""
    runs = [measure_build(portal, variant, timeout) for _ in range(repeat)]
    figures = min(runs, key=lambda run: run.wall_s)
    figures.wall_runs = [run.wall_s for run in runs]
    return figures


def warm_up(root: Path, settings: SiteSettings, config_text: str, seed: int, variants: Sequence[str],
            timeout: float) -> None:
    """Build a small portal once, unreported: the first build after a cold start pays for
    compiling bytecode and filling the disk cache (about 10 s here), which isn't build time."""
    progress(f"warm-up build of {WARM_UP_SIZE} notes (not reported) ...")
    portal = write_portal(root, WARM_UP_SIZE, settings, config_text, seed)
    for variant in variants:
        measure_build(portal, variant, timeout)
    shutil.rmtree(root, ignore_errors=True)


# -- an existing LeetCode collection (issue 12) ---------------------------------------------------


@dataclass
class CollectionFigures:
    """The strict build of a generated LeetCode collection, against the usual portal of as many notes."""

    size: int
    #: Pages of notes built: each problem's Chinese page and its English translation.
    pages: int
    wall_s: float
    per_note_ms: float
    peak_mb: float
    index_kb: float
    en_index_kb: float
    #: The largest number-range page (``/leetcode/<from>-<to>/``) and how many there are.
    largest_range_kb: float
    largest_range: str
    range_pages: int
    median_page_kb: float
    site_mb: float
    #: Warnings as ``mkdocs build --strict`` counts them (the mkdocs loggers, plugins' included).
    strict_warnings: int
    strict_abort: str | None = None
    warning_samples: list[str] = field(default_factory=list)
    #: The plugin's own steps, as for the usual portal: whether a slower build is ours or Markdown's.
    plugin_s: float = 0.0
    plugin_steps: dict[str, float] = field(default_factory=dict)
    load_before: float = 0.0
    code: str = ""
    #: The usual synthetic portal of ``size`` notes built in the same run (None when it failed).
    portal_wall_s: float | None = None
    portal_per_note_ms: float | None = None


def measure_collection(collection: Collection, timeout: float,
                       portal: BuildFigures | None) -> CollectionFigures:
    """Build ``collection`` with ``--strict`` in a fresh process; the LeetCode index and range
    pages' sizes, and the time per note next to ``portal``'s (the usual portal, same size)."""
    site = collection.site_dir()
    code = code_fingerprint()
    child = build_in_child(collection.config, site, cwd=collection.root, timeout=timeout, strict=True,
                           label=f"strict build of a {collection.size}-problem LeetCode collection")
    category = site / collection.category
    ranges = sorted(((p.stat().st_size, p.parent.name) for p in category.glob("*/index.html")
                     if re.fullmatch(r"\d+-\d+", p.parent.name)), reverse=True)
    pages = [category / problem.page_dir / "index.html" for problem in collection.problems]
    sizes = sorted(p.stat().st_size for p in pages if p.is_file())
    en_index = site / "en" / collection.category / "index.html"
    return CollectionFigures(
        size=collection.size,
        pages=len(sizes) + sum((site / "en" / p.relative_to(site)).is_file() for p in pages),
        wall_s=child["wall_s"],
        per_note_ms=1000 * child["wall_s"] / collection.size,
        peak_mb=child["peak_rss_kb"] / 1024,
        index_kb=_kb(category / "index.html"),
        en_index_kb=_kb(en_index),
        largest_range_kb=ranges[0][0] / 1024 if ranges else 0.0,
        largest_range=f"/{collection.category}/{ranges[0][1]}/" if ranges else "-",
        range_pages=len(ranges),
        median_page_kb=statistics.median(sizes) / 1024 if sizes else 0.0,
        site_mb=tree_bytes(site) / 2**20,
        strict_warnings=child["strict_warnings"],
        strict_abort=child["strict_abort"],
        warning_samples=child["warnings"][:5],
        plugin_s=blocking(child["plugin_steps"]),
        plugin_steps=child["plugin_steps"],
        load_before=child["load_before"],
        code=code,
        portal_wall_s=portal.wall_s if portal else None,
        portal_per_note_ms=portal.per_note_ms if portal else None,
    )


def _kb(path: Path) -> float:
    """Size of ``path`` in KB; 0 when the build did not write it."""
    return path.stat().st_size / 1024 if path.is_file() else 0.0
