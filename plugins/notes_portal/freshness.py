"""Re-render portal pages under ``mkdocs serve --dirty`` exactly when what they show changed.

With ``--dirty`` MkDocs rebuilds a page only when its own source changed.
Portal pages (home feed, category pages, LeetCode index) show other notes, so
that rule would leave them stale; rendering all of them on every save instead
costs seconds on a large portal. Each portal page gets a fingerprint of what it
shows, and is rebuilt when the fingerprint differs from the last build's.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs.structure.files import File


class PortalPageFreshness:
    def __init__(self) -> None:
        #: Fingerprint of each portal page as last written, by destination; kept across rebuilds.
        self.written: dict[str, str] = {}
        #: MkDocs asks whether a page is modified twice: before reading pages (when the
        #: portal's views aren't known yet) and before rendering it.
        self.rendering = False

    def start_build(self) -> None:
        self.rendering = False

    def start_rendering(self) -> None:
        self.rendering = True

    def watch(self, file: File, fingerprint: Callable[[], str], *, authored: bool) -> None:
        """Make ``file.is_modified()`` answer for a portal page (replacing MkDocs' mtime check)."""
        source_changed = file.is_modified

        def is_modified() -> bool:
            if not self.rendering:
                return True  # reading a portal page's (short) source is cheap: always do it
            current = fingerprint()
            previous = self.written.get(file.dest_uri)
            self.written[file.dest_uri] = current
            return (current != previous or not os.path.isfile(file.abs_dest_path)
                    or (authored and source_changed()))

        file.is_modified = is_modified  # type: ignore[method-assign]
