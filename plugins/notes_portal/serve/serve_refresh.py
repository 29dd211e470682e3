"""Under ``mkdocs serve``, a save that changes one note's text draws only that note's pages.

MkDocs answers every save with a full build: it lists the files, builds the navigation and
a ``Page`` per file, and mkdocs-static-i18n does it all again per language. Even with every
page served from the build cache that costs time in proportion to the portal (4.9 s at 3000
notes here, 0.5 s at 300), so a writer's preview got slower as the notes piled up.

Most saves change a note's text and nothing any other page shows of it. For those, the
pages are drawn again from what the last full build made (its files, navigation, template
environment and portal, per language), with the same steps MkDocs runs for a page, and
the server reloads: the time no longer depends on how many notes there are.

A quick refresh is only taken when it gives the pages a full build would:

* only files that exist were saved (none added or removed), all of them pages;
* for a note, what its front matter, dates and links say is as before (the navigation, lists,
  tags, related notes and backlinks of other pages show them);
* the page's title and front matter are as last read (the navigation shows them).

A note whose excerpt or reading time changed is drawn with the feeds that list it (home,
category and tag pages: the only pages that show either) and its language's Atom feed.
Anything else, or any error, gives MkDocs' full build, which is always right.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from notes_portal.compat.i18n import normalized_src_uri
from notes_portal.compat.mkdocs import (
    build_page_again,
    observe_serve_changes,
    pages_built_by_serve,
    replace_is_modified,
    show_as_last_read,
    wrap_serve_builder,
)
from notes_portal.serve.source_events import SourceChanges, SourceEvents
from notes_portal.views.portal import Portal

log = get_plugin_logger(__name__)
#: How long a refresh waits for the watcher to hand over the events it has seen.
WATCHER_PATIENCE_S = 1.0


@dataclass(eq=False)
class LanguageBuild:
    """What one language's build made, as drawing one of its pages again needs it."""

    config: MkDocsConfig
    files: Files
    portal: Portal
    nav: Navigation | None = None
    env: Environment | None = None
    _pages_by_source: dict[str, list[Page]] | None = field(default=None, repr=False)
    _doc_files: list[File] | None = field(default=None, repr=False)
    _pages_by_src_uri: dict[str, Page] | None = field(default=None, repr=False)

    @property
    def language(self) -> str:
        return self.portal.language.current

    def index_pages(self) -> None:
        """List this build's pages by source file, and the pages ``build()`` draws."""
        self._doc_files = pages_built_by_serve(self.files)
        self._pages_by_source, self._pages_by_src_uri = {}, {}
        for file in self.files.documentation_pages():
            if file.page is not None:
                self._pages_by_src_uri[normalized_src_uri(file)] = file.page
                if file.abs_src_path:
                    self._pages_by_source.setdefault(os.path.abspath(file.abs_src_path), []).append(file.page)

    def draw_again(self, page: Page, config: MkDocsConfig) -> None:
        """Read, render and write one of this build's pages again."""
        assert self.nav is not None and self.env is not None  # kept in ``on_nav``, ``on_env``
        assert self._doc_files is not None  # ``index_pages`` ran when the build finished
        build_page_again(page, config, self.files, self._doc_files, self.nav, self.env)

    def pages_from(self, path: str) -> list[Page]:
        """The pages this language built from the source file ``path`` (a fallback page too)."""
        return (self._pages_by_source or {}).get(path, [])

    def page_of(self, src_uri: str) -> Page | None:
        """The page of ``src_uri`` (a note's, without its language suffix; a portal page's)."""
        return (self._pages_by_src_uri or {}).get(src_uri)


class Declined(Exception):
    """A quick refresh can't give what a full build would: the reason, for the log."""


#: ``enter(build)``: make the plugin draw ``build``'s language; gives the config reconfigured for it.
EnterLanguage = Callable[[LanguageBuild], MkDocsConfig]
#: ``leave(build, config, feeds_changed)``: its pages are drawn (write its search bundle, and its
#: Atom feed when a note's excerpt changed).
LeaveLanguage = Callable[[LanguageBuild, MkDocsConfig, bool], None]


class ServeRefresh:
    def __init__(self, enter: EnterLanguage, leave: LeaveLanguage) -> None:
        self._enter = enter
        self._leave = leave
        #: What the server's file watcher saw change since the last full build started (or the
        #: last quick refresh); ``_settled`` says when it has told everything it saw.
        self._events = SourceEvents()
        self._settled: Callable[[float], bool] | None = None
        #: The language builds of the full build under way, in build order.
        self._building: list[LanguageBuild] = []
        #: Those of the last full build that finished: what a quick refresh draws from.
        self._ready: list[LanguageBuild] = []
        #: Title and front matter of each page as last read, by (language, source path), across
        #: builds: ``serve --dirty`` reads only the pages that changed, and the others' ``Page``
        #: objects are never read, while what the site shows of them is what was read last.
        self._last_read: dict[tuple[str, str], tuple[str | None, dict]] = {}
        #: Files the watcher saw saved before the full build under way: MkDocs' ``--dirty``
        #: rebuilds a page only when its source is newer than its output, which a rewrite that
        #: keeps the modification time (``rsync -t``, ``git checkout`` within a second) isn't.
        self._saved_before_build: frozenset[str] = frozenset()
        self._declined: frozenset[str] = frozenset()

    # -- the full build, as it goes ------------------------------------------------------------

    def start_full_build(self, config: MkDocsConfig) -> None:
        """A full build starts (the default language's ``on_config``, before MkDocs lists files)."""
        # What changed before is what this build reads: the saves a declined refresh took, and
        # any the watcher told since.
        self._saved_before_build = self._declined | self._events.take().modified
        self._declined = frozenset()
        self._building = []
        self._ready = []

    def start_language(self, build: LanguageBuild) -> None:
        self._building.append(build)
        for file in build.files.documentation_pages():
            if file.abs_src_path and os.path.abspath(file.abs_src_path) in self._saved_before_build:
                replace_is_modified(file, _saved)

    @property
    def current(self) -> LanguageBuild | None:
        return self._building[-1] if self._building else None

    def page_read(self, language: str, page: Page) -> None:
        """``page`` was read and rendered (``on_page_context``): remember what other pages show of it."""
        self._last_read[(language, page.file.src_uri)] = (page.title, copy.deepcopy(page.meta))

    def show_unread_pages_as_last_read(self, language: str, files: Files) -> None:
        """Under ``serve --dirty`` MkDocs reads only the pages that changed: give the others the
        title and front matter they had when last read, which the navigation shows (``on_env``)."""
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.markdown is None:
                last_read = self._last_read.get((language, file.src_uri))
                if last_read is not None:
                    show_as_last_read(page, last_read[0], copy.deepcopy(last_read[1]))

    def finish_full_build(self) -> None:
        """Every language is built: the next save may be drawn from this build (whose page lists
        are made now, while the build's own time is being counted, not on the first save)."""
        self._ready, self._building = self._building, []
        for build in self._ready:
            build.index_pages()

    # -- a save under ``serve`` ------------------------------------------------------------------

    def install(self, server: Any, config: MkDocsConfig) -> None:
        """Listen to ``server``'s file watcher and try a quick refresh before each full build."""
        self._settled = observe_serve_changes(server, _watched_paths(config), self._events.record)
        wrap_serve_builder(server, self._wrap)

    def _wrap(self, builder: Callable[..., None]) -> Callable[..., None]:
        """``mkdocs serve``'s builder, trying a quick refresh before the full build."""

        def build(config: MkDocsConfig | None = None) -> None:
            if config is None and self.refresh():
                return
            builder(config) if config is not None else builder()

        return build

    def refresh(self) -> bool:
        """Draw the saved pages again, if that gives what a full build would; False: build fully."""
        if not self._ready or self._settled is None:
            return False
        started = time.monotonic()
        changes = SourceChanges(frozenset(), frozenset(), frozenset())
        try:
            if not self._settled(WATCHER_PATIENCE_S):
                raise Declined("the file watcher has not told every change yet")
            changes = self._events.take()
            drawn = self._draw_saved_pages(changes)
        except Declined as reason:
            log.info(f"full rebuild: {reason}")
            self._ready = []  # what was drawn is drawn again by the full build
            self._declined = changes.modified
            return False
        except Exception as error:  # noqa: BLE001  # the full build reports it where it belongs
            log.info(f"full rebuild: the quick refresh failed ({type(error).__name__}: {error})")
            self._ready = []
            self._declined = changes.modified
            return False
        names = ", ".join(sorted(os.path.relpath(path) for path in changes.modified))
        log.info(f"quick refresh of {names}: {drawn} page{'s' if drawn != 1 else ''} drawn again")
        # MkDocs' own wording, which tools waiting for a rebuild look for (ms: it takes a few dozen).
        log.info(f"Documentation built in {time.monotonic() - started:.3f} seconds")
        return True

    def _draw_saved_pages(self, changes: SourceChanges) -> int:
        if not changes.only_modified:
            what = "nothing changed" if not (changes.added or changes.removed) else "files were added or removed"
            raise Declined(what)
        pages = {build: [page for path in sorted(changes.modified) for page in build.pages_from(path)]
                 for build in self._ready}
        built_from = {os.path.abspath(page.file.abs_src_path or "") for found in pages.values() for page in found}
        if not_pages := sorted(changes.modified - built_from):
            raise Declined(f"{os.path.relpath(not_pages[0])} is not a page")
        drawn = 0
        for build, found in pages.items():
            if not found:
                continue
            config = self._enter(build)
            summarized: set[str] = set()  # notes whose excerpt or reading time is new
            for page in found:
                last_read = self._last_read.get((build.language, page.file.src_uri))
                if last_read is None:
                    raise Declined(f"{os.path.relpath(page.file.abs_src_path or '')} was not read before")
                if _draw_again(build, config, page, last_read):
                    summarized.add(normalized_src_uri(page.file))
                drawn += 1
            if summarized:  # the feeds that list them show both: drawn again too
                build.portal.renew_feed_entries(summarized)
                for src_uri in build.portal.pages_listing(summarized):
                    if (listing := build.page_of(src_uri)) is not None:
                        build.draw_again(listing, config)
                        drawn += 1
            self._leave(build, config, bool(summarized))
        return drawn


def _draw_again(build: LanguageBuild, config: MkDocsConfig, page: Page,
                last_read: tuple[str | None, dict]) -> bool:
    """Read, render and write ``page`` again; ``Declined`` when other pages show what changed
    (``last_read``: its title and front matter as other pages show them). True when the page is
    a note whose excerpt or reading time changed: the feeds listing it must be drawn again."""
    source = os.path.relpath(page.file.abs_src_path or page.file.src_uri)
    note = build.portal.note_for(normalized_src_uri(page.file))
    if note is not None and note.file is not page.file:
        note = None  # the page is not the note's (a translation's page in the other language)
    summary = None
    if note is not None:
        reader = build.portal.catalog.reader
        if reader is None:
            raise Declined(f"{source}: the catalog can't read it again")
        try:
            again, problems = reader.read(note.file, note.category)
        except UnicodeDecodeError:
            raise Declined(f"{source}: it is no longer UTF-8 text") from None
        if problems or any(d.path == reader.display_path(note.file) for d in build.portal.catalog.diagnostics):
            raise Declined(f"{source}: its front matter has problems to report")
        if dataclasses.replace(again, excerpt=note.excerpt, reading_minutes=note.reading_minutes) != note:
            raise Declined(f"{source}: its front matter, dates or links changed")
        summary = (note.excerpt, note.reading_minutes)
    build.draw_again(page, config)
    if (page.title, page.meta) != last_read:
        raise Declined(f"{source}: its title or front matter changed")
    return note is not None and (note.excerpt, note.reading_minutes) != summary


def _saved() -> bool:
    return True


def _watched_paths(config: MkDocsConfig) -> list[str]:
    """What ``mkdocs serve`` watches that the author writes: the notes, the configuration,
    the template overrides and any ``watch:`` folders (installed themes change only on upgrades,
    and then nothing here looks changed, which gives a full build)."""
    paths: Iterable[str | None] = [config.docs_dir, config.config_file_path, config.theme.custom_dir,
                                   *(config.watch or [])]
    return [os.path.abspath(path) for path in dict.fromkeys(paths) if path]
