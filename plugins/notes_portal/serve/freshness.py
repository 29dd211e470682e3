"""Re-render portal pages under ``mkdocs serve --dirty`` exactly when what they show changed.

With ``--dirty`` MkDocs rebuilds a page only when its own source changed.
Portal pages (home feed, category pages, LeetCode index) show other notes, so
that rule would leave them stale; rendering all of them on every save instead
costs seconds on a large portal. Each portal page gets a fingerprint of what it
shows, and is rebuilt when the fingerprint differs from the last build's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from collections.abc import Callable

from mkdocs.structure.files import File, Files

from notes_portal.caching.template_inputs import Describer
from notes_portal.compat.i18n import normalized_src_uri
from notes_portal.compat.mkdocs import replace_is_modified
from notes_portal.views.portal import Portal


class PortalPageFreshness:
    def __init__(self) -> None:
        #: Fingerprint of each portal page as last written, by destination; kept across rebuilds.
        self.written: dict[str, str] = {}
        #: This build's answer per destination: MkDocs asks twice (before reading, before rendering).
        self.decided: dict[str, bool] = {}
        self.rendering = False
        #: Views as text; entries shared by several pages are described once per build.
        self.describer = Describer()
        #: What every portal page is made of (the catalog's notes, ...) per language, as last computed.
        self._inputs: dict[str, str] = {}
        #: Whether they are as last time, in this build (known once the first portal page is decided).
        self._unchanged: bool | None = None
        #: The pages each language's last build wrote, by absolute path.
        self._pages: dict[str, set[str]] = {}

    def start_build(self) -> None:
        self.decided.clear()
        self.rendering = False
        self.describer = Describer()
        self._unchanged = None

    def _portal_inputs_unchanged(self, portal: Portal, nav_fingerprint: str) -> bool:
        """True when nothing any portal page is made of changed since the last build: then
        no view needs to be made and compared (the usual save, which changes a note's text
        beyond its excerpt). Views are functions of the catalog's notes (their metadata,
        dates, excerpts, reading times, links), the portal's pages, the options, the
        navigation and today's date (the activity calendar)."""
        if self._unchanged is None:
            notes = [repr(note) for note in [*portal.catalog.notes, *portal.catalog.drafts]]
            now = repr((notes, sorted(portal.pages), repr(portal.config), portal.language,
                        dt.date.today().isoformat(), nav_fingerprint))
            self._unchanged = now == self._inputs.get(portal.language.current)
            self._inputs[portal.language.current] = now
        return self._unchanged

    def _remove_pages_gone(self, language: str, files: Files) -> None:
        """Delete the pages the last build of ``language`` wrote whose source is gone (a renamed or
        deleted note, a tag no note uses any more): a cold build has no such page, and MkDocs
        never removes one from the folder it serves."""
        pages = {file.abs_dest_path for file in files.documentation_pages()}
        for path in self._pages.get(language, set()) - pages:
            if os.path.isfile(path):
                os.remove(path)
                with contextlib.suppress(OSError):  # its folder, once empty
                    os.removedirs(os.path.dirname(path))
        self._pages[language] = pages

    def start_rendering(self) -> None:
        """MkDocs has read every page: every view is final now."""
        self.rendering = True

    def watch(self, file: File, fingerprint: Callable[[], str], *, authored: bool, note: bool = False,
              unchanged: Callable[[], bool] = lambda: False) -> None:
        """Make ``file.is_modified()`` answer for a portal page (replacing MkDocs' mtime check).

        A generated page's view is known when MkDocs reads it, because MkDocs reads the
        notes first (the portal appends its pages to the files); an authored page such
        as ``index.md`` is read before the notes, so it is always read and decided later.
        A note is rebuilt when its source changed, as MkDocs would, and also when what
        other notes give it changed (its backlinks, its folded tags).
        """
        source_changed = file.is_modified

        def is_modified() -> bool:
            if authored and not self.rendering:
                return True
            if file.dest_uri not in self.decided:
                if file.dest_uri in self.written and unchanged():
                    changed = False  # what it was made of is as last time: so is its fingerprint
                else:
                    current = fingerprint()
                    changed = current != self.written.get(file.dest_uri)
                    self.written[file.dest_uri] = current
                changed = changed or not os.path.isfile(file.abs_dest_path) or ((authored or note) and source_changed())
                self.decided[file.dest_uri] = changed
            return self.decided[file.dest_uri]

        replace_is_modified(file, is_modified)

    def watch_portal_pages(self, files: Files, portal: Portal, nav_fingerprint: str, theme_folder: str | None) -> None:
        """Watch every portal page of this build (its view and the navigation are what it shows)
        and every note (its source, what other notes decide on its page, and the navigation);
        remove the pages of the last build that this one no longer has. Every page is drawn by
        the templates and links the stylesheets and scripts of ``theme_folder`` (the author's
        ``overrides/``): a change there draws every page again."""
        nav_fingerprint += folder_digest(theme_folder) if theme_folder else ""
        self.start_build()
        self._remove_pages_gone(portal.language.current, files)
        for file in files.documentation_pages():
            src_uri = normalized_src_uri(file)
            page = portal.pages.get(src_uri)
            if page is not None:
                self.watch(file, lambda src_uri=src_uri: self.describer.of(portal.view_for(src_uri)) + nav_fingerprint,
                           authored=page.authored,
                           unchanged=lambda: self._portal_inputs_unchanged(portal, nav_fingerprint))
            elif (note := portal.note_for(src_uri)) is not None:  # a translation, or the original shown
                # Its fingerprint is a function of the catalog, the navigation and the theme too.
                self.watch(file, lambda note=note: portal.links_fingerprint(note) + nav_fingerprint, authored=False,
                           note=True, unchanged=lambda: self._portal_inputs_unchanged(portal, nav_fingerprint))


def folder_digest(folder: str) -> str:
    """SHA-256 of every file under ``folder``: paths and contents (a few megabytes: milliseconds)."""
    digest = hashlib.sha256()
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            digest.update(os.path.relpath(path, folder).encode() + b"\0")
            with contextlib.suppress(OSError), open(path, "rb") as file:
                digest.update(hashlib.sha256(file.read()).digest())
    return digest.hexdigest()
