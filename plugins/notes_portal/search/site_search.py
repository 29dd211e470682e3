"""Site search as the plugin runs it, event by event: which pages are indexed, the worker
each page talks to, and when each language's bundle is written.

Material's search plugin stays configured, because its templates draw the search box and
its front end fetches ``search_index.json``; every page is ``search: exclude``d for it
(its documented switch), so it indexes nothing and writes an index without documents.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from jinja2 import Environment
from mkdocs.structure.pages import Page

from notes_portal.compat.i18n import BuildLanguage, shown_untranslated_in
from notes_portal.model.structure import Note
from notes_portal.search.indexer import SearchIndexer
from notes_portal.search.records import SearchRecord, make_record

if TYPE_CHECKING:
    from notes_portal.search.kept_bundles import KeptBundles

#: ``memo(kind, parts, make)``: ``make()``, or what it gave before for the same parts.
Memo = Callable[[str, Sequence[str], Callable[[], Any]], Any]
#: The template a record is made with (``make_record``): part of what a kept record depends on.
RECORD_TEMPLATE = "partials/np-search-record.html"


def _template_source(env: Environment, name: str) -> str:
    """The source of template ``name`` as this build's theme has it (its overrides included)."""
    cached = getattr(env, "_np_template_sources", None)
    if cached is None:
        cached = {}
        env._np_template_sources = cached  # type: ignore[attr-defined]  # one read per build's env
    if name not in cached:
        cached[name] = env.loader.get_source(env, name)[0] if env.loader else ""
    return cached[name]


#: Under ``serve``, search is re-indexed this long after a rebuild, unless another one started.
SERVE_SEARCH_DELAY_S = 1.5
#: Our worker (Material's protocol, answered by Pagefind), relative to the site root.
SEARCH_WORKER = "assets/javascripts/workers/np-search.js"


class SiteSearch:
    def __init__(self, logger: logging.LoggerAdapter | logging.Logger,
                 on_timing: Callable[[str, float], None], memo: Memo | None = None,
                 kept: KeptBundles | None = None) -> None:
        self._indexer = SearchIndexer(on_error=logger.error, on_timing=on_timing, on_info=logger.info, kept=kept)
        #: Keeps a record by everything it is made of (``caching.build_cache``), across builds.
        self._memo = memo
        #: Per language, pages whose author asked to keep them out of search (as last read).
        self._excluded: dict[str, set[str]] = {}
        #: False with ``search_engine: material``: Material's own search indexes the site.
        self.enabled = True

    def start_build(self, language: str, src_uris: set[str]) -> None:
        if not self.enabled:
            return
        self._excluded[language] = set()
        self._indexer.keep_only(language, src_uris)

    def leave_to_default_language(self, page: Page) -> None:
        """An untranslated note on another language's site: its own language's page is indexed."""
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}

    def take_over_from_material(self, page: Page, language: str) -> None:
        """Remember an author's ``search: exclude``, then exclude the page from Material's index."""
        if not self.enabled:
            return
        search_meta = page.meta.get("search") or {}
        excluded = self._excluded.setdefault(language, set())
        if search_meta.get("exclude"):
            excluded.add(page.file.src_uri)
        else:  # a page read again under ``serve`` may have lost it
            excluded.discard(page.file.src_uri)
        page.meta["search"] = {**search_meta, "exclude": True}

    def worker_for(self, language: BuildLanguage, untranslated_label: str) -> str | None:
        """The worker the search box of a language's pages talks to (None: Material's own)."""
        return self.worker_url(language, untranslated_label) if self.enabled else None

    @staticmethod
    def worker_url(language: BuildLanguage, untranslated_label: str) -> str:
        """Every language shares the worker (mkdocs-static-i18n keeps one set of assets at the
        root), so it is told which language's bundle to search. A language other than the
        default also searches the default language's bundle, at the root, for the notes its
        site shows untranslated (``fallback``), and labels those results (``label``): they
        are indexed once, in their own language, rather than again in every language."""
        prefix = language.url_prefix.strip("/")
        if not prefix:
            return SEARCH_WORKER
        query = urlencode({"index": prefix, "fallback": language.default, "label": untranslated_label},
                          quote_via=quote)
        return f"{SEARCH_WORKER}?{query}"

    def index_page(self, env: Environment, build_language: BuildLanguage, page: Page, note: Note | None,
                   tags: list[str], *, listing: bool) -> None:
        """Keep this page's search record, or keep it out of search. ``tags`` are the note's tags
        as its page names them (one name per concept in this language, not as the author wrote them).

        Left out: listing pages (the feed, category lists, the LeetCode index), whose
        text is only other notes' titles and excerpts and would outrank the notes;
        untranslated notes on another language's site (their own language has them, and
        says which sites show them: the worker of those sites searches it too);
        pages whose author set ``search: exclude``.
        """
        if not self.enabled:
            return
        language = build_language.current
        src_uri = page.file.src_uri
        if listing or (note is not None and not note.translated) or src_uri in self._excluded.get(language, ()) \
                or page.content is None:
            self._indexer.add(language, src_uri, None)
            return
        problem = note.leetcode.id if note and note.leetcode else None
        title = html.unescape(str(page.title or ""))  # a page's own ``title: 12345`` is text too
        if problem is not None and not title.startswith(str(problem)):
            title = f"{problem}. {title}"  # results show problems as the index does: 76. 最小覆盖子串
        shown_in = shown_untranslated_in(page.file, build_language) if note is not None else ()

        def make() -> str:
            return make_record(env, url=page.url, title=title, content=page.content or "",
                               tags=tags, problem=problem, language=language,
                               shown_untranslated_in=shown_in).html

        parts = [_template_source(env, RECORD_TEMPLATE), page.url, title, page.content, repr(tags), repr(problem),
                 language, repr(shown_in)]
        html_text = self._memo("search-record", parts, make) if self._memo else make()
        self._indexer.add(language, src_uri, SearchRecord(url=page.url, html=html_text))

    def write(self, language: str, site_dir: str, url_prefix: str, *, serving: bool, full_build: bool) -> None:
        """Write ``language``'s bundle in the background, while the next language builds; under
        ``serve``, a moment later, unless another rebuild started meanwhile. A full build's bundle
        is kept in the build cache for the next build whose records are the same."""
        if self.enabled:
            self._indexer.write(language, os.path.join(site_dir, url_prefix),
                                SERVE_SEARCH_DELAY_S if serving else 0.0, serving=serving, keep=full_build)

    def wait(self) -> None:
        if self.enabled:
            self._indexer.wait()
