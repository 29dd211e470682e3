"""Everything the plugin keeps between builds so that the next build does less work.

One object, so that the plugin wires each MkDocs event to one call; the parts, in the
order a page meets them:

* ``parsed_notes``: front matter by source version (the en build and ``serve`` rebuilds
  parse only changed notes);
* ``render_reuse``: the default language's HTML of notes another language shows untranslated;
* ``build_cache``: a page's Markdown → HTML, on disk across processes, and per-note data
  (``excerpts``, search records) by what it is made of;
* ``freshness``: which portal pages ``serve --dirty`` must draw again;
* ``template_cache``: compiled templates across the environments MkDocs makes, and on disk;
* ``page_cache``: whole pages under a digest of everything their template reads;
* ``kept_bundles``: each language's search bundle, reused while no record in it changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from notes_portal.caching.build_cache import BuildCache
from notes_portal.catalog.excerpt_cache import ExcerptCache
from notes_portal.compat.i18n import build_language
from notes_portal.compat.mkdocs import replace_is_modified
from notes_portal.model.structure import Note, ParsedNote
from notes_portal.search.kept_bundles import KeptBundles
from notes_portal.serve.freshness import PortalPageFreshness
from notes_portal.serve.render_reuse import RenderReuse
from notes_portal.speedups.page_cache import PageOutputCache
from notes_portal.speedups.template_cache import KeptBytecodeCache


class BuildSpeedups:
    def __init__(self) -> None:
        self.parsed_notes: dict[tuple, ParsedNote] = {}
        self.render_reuse = RenderReuse()
        self.build_cache = BuildCache()
        self.excerpts = ExcerptCache(self.build_cache)
        self.freshness = PortalPageFreshness()
        self.template_cache = KeptBytecodeCache(self.build_cache)
        self.page_cache = PageOutputCache(self.build_cache)
        self.kept_bundles = KeptBundles(self.build_cache)
        #: Digest of the configuration file the in-memory parts were made under.
        self._configuration: bytes | None = None
        #: Languages built since the configuration file last changed.
        self._languages_built: set[str] = set()

    def start_build(self, config: MkDocsConfig, files: Files, *, cold: bool) -> None:
        """A language's build starts (``on_files``); ``cold``: read nothing kept on disk."""
        configuration = configuration_digest(config)
        if configuration != self._configuration:
            # MkDocs keeps this plugin instance when ``serve`` reloads a changed mkdocs.yml, and
            # what is kept in memory is keyed by source only: an option such as ``excerpt_chars``
            # or a Markdown extension's would otherwise go on shaping the output it no longer does.
            self.parsed_notes.clear()
            self.render_reuse.forget()
            self.excerpts.forget()
            self._configuration = configuration
            self._languages_built.clear()
        language = build_language(config).current
        if language not in self._languages_built:
            # The first build of a language under this configuration renders every page, even
            # under ``serve --dirty``: pages MkDocs would skip as unmodified were made under
            # other options, and their excerpts were just forgotten.
            for file in files.documentation_pages():
                replace_is_modified(file, _modified)
            self._languages_built.add(language)
        self.build_cache.start_build(config, cold=cold)

    def restore_excerpts(self, notes: Iterable[Note]) -> None:
        """Give the catalog's notes the excerpts and reading times kept for their HTML."""
        for note in notes:
            self.excerpts.restore(note)

    def start_rendering(self, env: Environment) -> None:
        """MkDocs has read every page and made the environment it draws them with (``on_env``)."""
        env.bytecode_cache = self.template_cache
        self.page_cache.start_rendering(env)
        self.freshness.start_rendering()

    def markdown_of_untranslated(self, page: Page, markdown: str) -> str:
        """``""`` when the default language's HTML of this untranslated note is known (then reused)."""
        return "" if self.render_reuse.skip_markdown(page) else markdown

    def markdown(self, page: Page, markdown: str, *, files: Files, config: MkDocsConfig) -> str:
        """``""`` when the page's HTML is kept (MkDocs then renders nothing), else ``markdown``.
        Call last in ``on_page_markdown``: the Markdown as every plugin left it is the key."""
        return self.build_cache.markdown(page, markdown, files=files, config=config)

    def content(self, page: Page, html: str) -> str:
        """The page's HTML as rendered, kept or reused. Call first in ``on_page_content``."""
        return self.render_reuse.content(page, self.build_cache.content(page, html))

    def look_up_page(self, context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
        """Hand a kept page to its template. Call last in ``on_page_context``."""
        self.page_cache.look_up(context, page, config, nav)

    def keep_page(self, page: Page, output: str) -> None:
        """Keep a page as its template drew it. Call first in ``on_post_page``."""
        self.page_cache.keep(page, output)

    def finish(self, *, prune: bool) -> None:
        """The site is built: say what was reused; ``prune`` (a full build): forget what wasn't."""
        self.build_cache.finish(prune=prune, pages=self.page_cache.finish())


def configuration_digest(config: MkDocsConfig) -> bytes:
    """SHA-256 of the configuration file as written: every option, ours and any other plugin's.
    The same for every language's build of one configuration (mkdocs-static-i18n changes the
    loaded configuration per language, not the file)."""
    try:
        with open(config.config_file_path, "rb") as file:
            return hashlib.sha256(file.read()).digest()
    except (OSError, TypeError):  # a configuration given without a file
        return b""


def _modified() -> bool:
    return True
