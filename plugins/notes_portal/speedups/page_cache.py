"""The page output cache: whole pages, kept under a digest of everything their template reads.

With every note's Markdown in the build cache, what is left of a warm build is drawing
the pages: Material's ``base.html`` with its navigation, header and footer, our partials
around the author's text. That is a function of the page's template context, the templates
and the packages drawing them, so the finished page is kept under a digest of all of them
(``template_inputs``), in the build cache's store (kind ``page``, zlib-compressed). A page
whose inputs are as in an earlier build, in any process, is not drawn again: its template
returns the kept HTML (``compat.mkdocs.hand_prerendered``).

Nothing is kept *instead of* recomputing: the navigation, lists, backlinks, related notes
and prev/next links are made on every build as before and are part of the digest, so a
change to any of them (a new note changes the navigation of every page) draws the pages
it touches again. A context value this cache can't describe by its contents leaves its
page uncached, never cached under an incomplete key.
"""

from __future__ import annotations

import hashlib
import os
import weakref
import zlib
from typing import Any

import jinja2
import material
import mkdocs
from jinja2.defaults import DEFAULT_NAMESPACE
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from notes_portal.caching.build_cache import BuildCache
from notes_portal.caching.template_inputs import (
    Describer,
    Undescribable,
    describe_config,
    describe_navigation,
    describe_page,
    describe_pages,
    describe_templates,
)
from notes_portal.compat.mkdocs import allow_prerendered_pages, hand_prerendered
from notes_portal.views.labels import LABEL_TABLES

log = get_plugin_logger(__name__)
#: The plugins whose effect on a page the key is known to hold: what they set is in the page's
#: content, meta, title, table of contents, navigation or template context, which the key describes.
#: Any other plugin (or ``hooks:`` file) may set a page attribute a template shows (Material's blog
#: sets ``page.authors``) that no key could list in advance: with one configured, the whole page
#: cache is off, and every page is drawn (the Markdown build cache still holds). Closed, not guessed.
KNOWN_PLUGINS = frozenset({"material/search", "search", "i18n", "notes-portal", "glightbox"})
#: Template folders of installed packages, whose versions the render fingerprint holds.
PACKAGED_TEMPLATES = [os.path.dirname(material.__file__), os.path.dirname(mkdocs.__file__)]


class PageOutputCache:
    def __init__(self, build_cache: BuildCache) -> None:
        self.build_cache = build_cache
        self.describer = Describer()
        self._env: jinja2.Environment | None = None
        #: Digest of what every page of this build reads alike; "" until the first page, None: no caching.
        self._shared: str | None = ""
        #: The digest of each environment that drew pages, while it lives.
        self._shared_by_env: weakref.WeakKeyDictionary[jinja2.Environment, str | None] = weakref.WeakKeyDictionary()
        #: Keys of pages being drawn, by ``id`` of the page, for ``keep``.
        self._pending: dict[int, str] = {}
        self.hits = 0
        self.drawn = 0

    def start_rendering(self, env: jinja2.Environment) -> None:
        """A build's environment is made: its pages are drawn next (call from ``on_env``); or,
        under ``serve``, a quick refresh draws more pages with an earlier build's environment,
        whose shared inputs are as they were (``serve.serve_refresh`` checks what they show),
        so their digest is reused rather than described again (it holds every page's title)."""
        allow_prerendered_pages(env)
        if self._env is not None:
            self._shared_by_env[self._env] = self._shared
        self._env = env
        self.describer = Describer()
        self._shared = self._shared_by_env.get(env, "")
        self._pending.clear()

    def look_up(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
        """Hand the page's kept HTML to its template, or note the key to ``keep`` it under.
        Call last in ``on_page_context``: every plugin's additions are part of the key."""
        store = self.build_cache.store
        if store is None or self._env is None:
            return
        shared = self._shared_digest(context, config, nav)
        if shared is None:
            return
        try:
            own = describe_page(context, page, config, self.describer)
        except Undescribable as error:
            log.debug(f"{page.file.src_uri}: not cached (its context holds a {error})")
            return
        key = hashlib.sha256(f"{shared}\0{own}".encode()).hexdigest()
        kept = store.get_bytes("page", key) if self.build_cache.read else None
        if kept is not None:
            try:
                hand_prerendered(context, zlib.decompress(kept).decode("utf-8"))
                self.hits += 1
                return
            except (zlib.error, UnicodeDecodeError):
                pass  # a checksum-valid entry that isn't a page: drawn again and replaced
        self._pending[id(page)] = key

    def keep(self, page: Page, output: str) -> None:
        """Keep a page just drawn (call first in ``on_post_page``, before plugins change it)."""
        key = self._pending.pop(id(page), None)
        store = self.build_cache.store
        if key is not None and store is not None:
            store.put_later("page", key, lambda: zlib.compress(output.encode("utf-8"), 1))
            self.drawn += 1

    def finish(self) -> str | None:
        """The site is built: what the cache gave, for the build log. The build's descriptions are
        let go now, not in the next save's quick refresh, which spent tens of milliseconds freeing
        thousands of them."""
        self.describer = Describer()
        if not (self.hits or self.drawn):
            return None
        text = f"{self.hits} pages drawn from the cache, {self.drawn} drawn"
        self.hits = self.drawn = 0
        return text

    def _shared_digest(self, context: dict, config: MkDocsConfig, nav: Navigation) -> str | None:
        if self._shared == "":
            self._shared = self._describe_shared(context, config, nav)
        return self._shared

    def _describe_shared(self, context: dict, config: MkDocsConfig, nav: Navigation) -> str | None:
        unknown = [name for name in config.plugins if name not in KNOWN_PLUGINS]
        if unknown:
            log.info(f"page cache off: the plugin or hook {', '.join(map(repr, unknown))} may set what a "
                     f"template shows where the page's key can't see it (known: {', '.join(sorted(KNOWN_PLUGINS))})")
            return None
        templates = describe_templates(list(config.theme.dirs), PACKAGED_TEMPLATES)
        if templates is None:
            log.info("page cache off: a template shows build_date_utc")
            return None
        assert self._env is not None
        # Functions (MkDocs' and Babel's ``gettext`` for the theme's language) by name: what
        # they give follows from the code's versions and the configuration, described apart.
        own_globals = {k: f"{getattr(v, '__module__', '')}.{v.__qualname__}" if callable(v) else v
                       for k, v in self._env.globals.items() if k not in DEFAULT_NAMESPACE}
        # The portal's label tables are read-only constants of our code (in the fingerprint):
        # every note's view holds its language's, described once.
        for language, table in LABEL_TABLES.items():
            self.describer.share(table, f"labels.{language}")
        try:
            parts: list[Any] = [self.build_cache.fingerprint, templates, describe_config(config, self.describer),
                                describe_navigation(nav, self.describer), describe_pages(context.get("pages") or []),
                                self.describer.of(own_globals)]
        except Undescribable as error:
            log.debug(f"page cache off for this build: a shared input holds a {error}")
            return None
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()
