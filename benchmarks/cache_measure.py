"""What the build cache (``.cache/notes-portal/``) saves on one portal, measured (used by ``cache.py``).

In this order, each build in a fresh process (``child_build``): a cold build (no cache folder), a
warm build with nothing changed, a warm build after changing 1% of the notes, then
``mkdocs serve --dirty`` started on the warm cache, and edits of one note under it
(``serve_edit``): the server's own rebuild time and the edit-to-preview time. The server is
started twice: first on the builds' cache, then again (a restart of ``make serve``), and the
edits are made under the second.
"""

from __future__ import annotations

import math
import os
import random
import re
import shutil
import statistics
from dataclasses import dataclass, field

from benchmarks.child_build import build_in_child
from benchmarks.common import progress
from benchmarks.portal_generator import Portal
from benchmarks.serve_edit import ServeFigures, free_port, measure_serve_edit

#: Edits under ``mkdocs serve --dirty`` per portal; the report gives their medians.
CACHE_EDITS = 5
CACHE_FOLDER = os.path.join(".cache", "notes-portal")


@dataclass
class CacheFigures:
    """One portal's builds with and without the build cache."""

    size: int
    cold_s: float = 0.0
    warm_s: float = 0.0
    #: A warm build after appending a sentence to 1% of the notes (at least one).
    changed_s: float = 0.0
    changed_notes: int = 0
    #: ``mkdocs serve --dirty`` started after the builds above: their cache, but a server's
    #: pages differ from a build's (``site_url`` is the server's address), so none is reused.
    serve_start_s: float | None = None
    #: The server started again after the first one stopped, nothing changed in between (an
    #: author restarting ``make serve``); the edits are made under this one.
    serve_restart_s: float | None = None
    rebuild_s: list[float] = field(default_factory=list)
    #: What the plugin said of each of those rebuilds ("quick refresh of …: 2 pages drawn again").
    rebuild_kinds: list[str] = field(default_factory=list)
    edit_to_preview_s: list[float] = field(default_factory=list)
    #: The 1-minute load average before each build: other work on the machine skews wall times.
    load: dict[str, float] = field(default_factory=dict)
    #: ``build cache: H pages from …, R rendered`` is not visible to a child build; its
    #: size on disk after the warm builds is.
    cache_mb: float = 0.0
    error: str | None = None

    @property
    def median_rebuild_s(self) -> float | None:
        return statistics.median(self.rebuild_s) if self.rebuild_s else None

    def median_rebuild_of_kind_s(self, kind: str) -> float | None:
        """The median rebuild of the edits the plugin described as ``kind`` (``drawn_kind``)."""
        chosen = [s for s, said in zip(self.rebuild_s, self.rebuild_kinds, strict=False) if drawn_kind(said) == kind]
        return statistics.median(chosen) if chosen else None

    @property
    def median_preview_s(self) -> float | None:
        return statistics.median(self.edit_to_preview_s) if self.edit_to_preview_s else None


def drawn_kind(said: str) -> str:
    """``quick refresh of docs/x.md: 2 pages drawn again`` → ``2 pages``; a full rebuild → ``full``.
    Edits of the same kind did the same work, whatever note they changed: a note whose excerpt or
    reading time changed also draws the feed pages listing it (10 to 12 pages, not 2)."""
    match = re.search(r": (\d+ pages?) drawn again", said)
    return match[1] if match else "full"


def measure_cache(portal: Portal, timeout: float, *, serve: bool = True, edits: int = CACHE_EDITS) -> CacheFigures:
    """Cold, warm, 1%-changed builds of ``portal``, then serve start and edits on the warm cache."""
    figures = CacheFigures(size=portal.size)
    cache = portal.root / CACHE_FOLDER
    shutil.rmtree(cache, ignore_errors=True)

    def build(label: str) -> float:
        child = build_in_child(portal.ours_config, portal.site_dir("ours"), cwd=portal.root, timeout=timeout,
                               label=f"{label} build of {portal.size} notes")
        figures.load[label] = child["load_before"]
        progress(f"{portal.size} notes: {label} build {child['wall_s']:.1f} s (load {child['load_before']:.1f})")
        return child["wall_s"]

    figures.cold_s = build("cold")
    figures.warm_s = build("warm")
    figures.changed_notes = change_notes(portal, 0.01)
    figures.changed_s = build("1%-changed")
    figures.cache_mb = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file()) / 2**20
    if serve:
        # One port for both: the server's address is in every page it draws (``site_url``).
        port = free_port()
        first = measure_serve_edit(portal, startup_timeout=max(600.0, timeout), edits=0, port=port)
        figures.serve_start_s = first.startup_s or None
        progress(f"{portal.size} notes: serve start {first.startup_s:.1f} s {first.error or ''}")
        served: ServeFigures = measure_serve_edit(portal, startup_timeout=max(600.0, timeout), edits=edits,
                                                  port=port)
        figures.serve_restart_s = served.startup_s or None
        figures.rebuild_s = served.rebuild_s
        figures.rebuild_kinds = served.rebuild_kinds
        figures.edit_to_preview_s = served.edit_to_preview_s
        figures.error = first.error or served.error
        progress(f"{portal.size} notes: serve restart {served.startup_s:.1f} s, rebuilds {served.rebuild_s}, "
                 f"edit-to-preview {[round(s, 2) for s in served.edit_to_preview_s]} {served.error or ''}")
        for said in served.rebuild_kinds:
            progress(f"{portal.size} notes:   {said}")
    return figures


def change_notes(portal: Portal, share: float) -> int:
    """Append a new sentence to ``share`` of the notes (chosen deterministically); how many."""
    count = max(1, math.ceil(len(portal.notes) * share))
    for note in random.Random(11).sample(portal.notes, count):
        with (portal.ours_docs / note.src_uri).open("a", encoding="utf-8") as handle:
            handle.write("\n这是为缓存基准测试新增的一句话。\n")
    return count
