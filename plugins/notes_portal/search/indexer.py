"""The search index of every language: records collected while MkDocs renders, bundles
written in the background.

Records are kept per language across builds, so that under ``mkdocs serve --dirty``
a rebuild that renders one note re-indexes with every other note's record as it
was. Writing a bundle runs Pagefind in its own process; the plugin starts it
as soon as a language is built, so it overlaps the next language's build. ``mkdocs
build`` waits for all bundles before it ends; ``mkdocs serve`` doesn't wait, and a
newer rebuild's bundle supersedes an older one that hasn't started yet.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from notes_portal.search.bundle import InstalledBundle, write_bundle
from notes_portal.search.records import SearchRecord

if TYPE_CHECKING:
    from notes_portal.search.kept_bundles import KeptBundles


@dataclass
class _Writer:
    """Writes one output folder's bundle; the newest request wins."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latest: int = 0
    #: The bundle written last into the folder: not written again while its records are the same.
    installed: InstalledBundle | None = None


class SearchIndexer:
    def __init__(self, on_error: Callable[[str], None], on_timing: Callable[[str, float], None],
                 on_info: Callable[[str], None], kept: KeptBundles | None = None) -> None:
        #: The last full build's bundles (``search.kept_bundles``): reused when nothing changed.
        self._kept = kept
        self._on_info = on_info
        self._records: dict[str, dict[str, SearchRecord]] = {}
        self._writers: dict[str, _Writer] = {}
        self._threads: list[threading.Thread] = []
        self._on_error = on_error
        self._on_timing = on_timing
        #: Builds started so far per language: a bundle waiting to start is dropped when a newer
        #: build of its language began.
        self._builds: dict[str, int] = {}

    def keep_only(self, language: str, src_uris: set[str]) -> None:
        """Forget the records of pages that no longer exist in ``language``'s build."""
        self._builds[language] = self._builds.get(language, 0) + 1
        records = self._records.setdefault(language, {})
        for src_uri in [uri for uri in records if uri not in src_uris]:
            del records[src_uri]

    def add(self, language: str, src_uri: str, record: SearchRecord | None) -> None:
        """Record (or, with ``None``, stop indexing) one page of ``language``."""
        records = self._records.setdefault(language, {})
        if record is None:
            records.pop(src_uri, None)
        else:
            records[src_uri] = record

    def write(self, language: str, site_dir: str, after_s: float = 0.0, *, serving: bool = False,
              keep: bool = False) -> None:
        """Start writing ``language``'s bundle into ``site_dir`` in the background, ``after_s``
        seconds from now unless another build has started by then; ``keep``: a full build's,
        kept for the next build with the same records (a quick refresh's would only be replaced).

        Pagefind indexes every record again (it has no incremental update): at 3000 notes
        seconds of CPU, which on a two-core machine slowed the next rebuild when an author
        saves again soon. ``serve`` waits a moment, so a burst of saves is indexed once, and
        (``serving``) runs Pagefind at a lower CPU priority than the server's next rebuild; pages
        it served may still read the bundle being replaced (``bundle.write_bundle``)."""
        # A snapshot, not sorted: under ``serve`` this runs after every save, and Pagefind reads the
        # records as files of a folder, in its own order.
        records = list(self._records.get(language, {}).values())
        writer = self._writers.setdefault(site_dir, _Writer())
        if not writer.latest:  # the first bundle (a server starting): readers search right away
            after_s = 0.0
        writer.latest += 1
        generation = writer.latest
        builds = self._builds.get(language, 0)

        def run() -> None:
            if serving:
                _lower_this_threads_priority()
            if after_s:
                time.sleep(after_s)
                if builds != self._builds.get(language, 0):  # a newer build writes its own bundle
                    return
            with writer.lock:
                if generation != writer.latest:  # a newer rebuild has its own bundle coming
                    return
                start = time.perf_counter()
                try:
                    writer.installed, source = write_bundle(
                        records, site_dir=site_dir, language=language, kept=self._kept, keep=keep,
                        installed=writer.installed, serving=serving)
                    if source == "kept":
                        self._on_info(f"search: the {language} index is the one kept in the build cache "
                                      "(no page it holds changed)")
                except Exception as error:  # noqa: BLE001 - any failure must reach the build log
                    self._on_error(f"search: the {language} index was not written "
                                   f"({type(error).__name__}: {error})")
                finally:
                    self._on_timing(f"search: pagefind {language} (background)",
                                    time.perf_counter() - start)

        thread = threading.Thread(target=run, name=f"pagefind-{language}", daemon=True)
        self._threads.append(thread)
        thread.start()

    def wait(self) -> None:
        """Wait until every bundle started so far is written."""
        threads, self._threads = self._threads, []
        for thread in threads:
            thread.join()


def _lower_this_threads_priority() -> None:
    """Let what this thread starts (Pagefind) give way to the build on the other threads.

    On Linux a thread has a nice value of its own, and processes it starts inherit it, so
    the server's rebuilds keep their priority; where that isn't so (the call fails, or would
    apply to the whole process) nothing is changed."""
    if not sys.platform.startswith("linux"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except OSError:
        pass
