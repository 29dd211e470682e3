"""The ``notes-portal`` MkDocs plugin: wires MkDocs events to the portal's steps."""

from __future__ import annotations

import datetime as dt
import html
import os
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from notes_portal.authoring.frontmatter import Rules
from notes_portal.authoring.validation import duplicate_problems, undeclared_folder
from notes_portal.catalog.collect import collect_notes, normalized_src_uri
from notes_portal.catalog.excerpt import summarize
from notes_portal.catalog.gitdates import read_git_dates
from notes_portal.catalog.structure import Category, Diagnostic, Note, ParsedNote
from notes_portal.compat.i18n import (
    BuildLanguage,
    build_language,
    list_in_i18n_sitemap,
    silence_instant_navigation_warning,
    split_language_links,
)
from notes_portal.compat.material_search import finish_search_index
from notes_portal.compat.sitemap import copy_sitemap_for_language
from notes_portal.config import NotesPortalConfig
from notes_portal.output.atom import feed_path, write_atom_feed
from notes_portal.output.links import rewrite_links
from notes_portal.output.pages import add_portal_pages
from notes_portal.output.render import render_partial
from notes_portal.search.indexer import SearchIndexer
from notes_portal.search.records import make_record
from notes_portal.speedups.freshness import PortalPageFreshness
from notes_portal.speedups.render_reuse import RenderReuse
from notes_portal.speedups.template_cache import InMemoryBytecodeCache
from notes_portal.speedups.timing import StepTimes
from notes_portal.views.labels import labels_for, localized
from notes_portal.views.navigation import portal_nav
from notes_portal.views.portal import Portal

log = get_plugin_logger(__name__)

#: Where an author's own category page (or home page) wants the plugin's list.
LIST_MARKER = "<!-- notes-portal:list -->"
#: Our search worker (Material's protocol, answered by Pagefind), relative to the site root.
SEARCH_WORKER = "assets/javascripts/workers/np-search.js"


class NotesPortalPlugin(BasePlugin[NotesPortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.portal: Portal | None = None
        self.env: Environment | None = None
        self.user_nav: Any = None
        self.generated_nav: Any = None
        #: Excerpts by (source path, mtime): kept across ``mkdocs serve --dirty``
        #: rebuilds, in which unchanged notes aren't rendered again.
        self.excerpt_cache: dict[tuple[str, float], tuple[str, int]] = {}
        #: Messages already logged in this run, so the en build doesn't repeat the zh one's.
        self.reported: set[str] = set()
        self.render_reuse = RenderReuse()
        #: Parsed front matter by (path, mtime, category, rules): the en build and
        #: ``serve`` rebuilds read only the notes that changed.
        self.parsed_notes: dict[tuple, ParsedNote] = {}
        self.freshness = PortalPageFreshness()
        self.template_cache = InMemoryBytecodeCache()
        #: Time of the plugin's own steps, read by the benchmark.
        self.times = StepTimes()
        self.search = SearchIndexer(on_error=log.error, on_timing=self._add_time)
        #: Pages of this build whose author asked to keep them out of search.
        self.search_excluded: set[str] = set()

    # -- configuration -----------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.nav is not self.generated_nav:
            self.user_nav = config.nav
        silence_instant_navigation_warning()
        return config

    # -- files, catalog and navigation ----------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) picked this language's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        with self.times.measure("files: catalog, pages, nav"):
            return self._prepare_build(files, config)

    def _prepare_build(self, files: Files, config: MkDocsConfig) -> Files:
        language = build_language(config)
        if language.current == language.default:
            self.reported.clear()
        categories = self._categories(language)
        catalog = collect_notes(
            files,
            language=language.current,
            default_language=language.default,
            categories=categories,
            rules=self._rules(),
            git_dates=read_git_dates(config.docs_dir),
            parsed_cache=self.parsed_notes,
            project_dir=_project_dir(config),
            include_drafts=self.serving,
        )
        self._report(catalog.diagnostics)
        self._report_undeclared(catalog.undeclared_folders, categories, config)
        self._report_duplicate_problems(catalog.notes, config)
        for note in catalog.drafts:
            note.file.inclusion = InclusionLevel.DRAFT
        for note in catalog.notes:
            self._restore_excerpt(note)

        pages = add_portal_pages(
            files, config, language,
            feed_size=len(catalog.notes),
            category_sizes={c.slug: len(catalog.in_category(c.slug)) for c in categories},
            category_titles={c.slug: c.name for c in categories},
            home_title=labels_for(language.current)["latest"],
            per_page=self.config.per_page,
            leetcode_category=self.config.leetcode.category,
        )
        self.portal = Portal(self.config, language, catalog, pages)
        self.search_excluded = set()
        if self._pagefind:
            self.search.keep_only(language.current, {f.src_uri for f in files.documentation_pages()})
        list_in_i18n_sitemap(config, language, files)
        # MkDocs renders page content before on_env; the LeetCode header needs templates then.
        self.env = config.theme.get_env()
        self.env.bytecode_cache = self.template_cache
        if self.user_nav is None:
            self.generated_nav, listed = portal_nav(catalog, self.config.nav_notes_per_category,
                                                    labels_for(language.current)["home"])
            config.nav = self.generated_nav
            for note in catalog.notes:
                if note.src_uri not in listed and note.file.inclusion.is_included():
                    note.file.inclusion = InclusionLevel.NOT_IN_NAV
        if self.serving:  # only `serve --dirty` asks whether a page changed
            self._watch_portal_pages(files)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.portal is not None:
            self.portal.attach_navigation(nav)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = self.template_cache
        # A global, so that every template (404.html too) points the search box at our worker.
        env.globals["np_search_worker"] = self._search_worker()
        self.env = env
        self.freshness.start_rendering()  # MkDocs has read every page; now it renders them
        return env

    # -- pages -------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        escape_title(page)
        if self._pagefind:
            # Pagefind indexes the site: Material's search plugin only keeps the search box
            # and writes an empty index (``search: exclude`` is its documented switch).
            search_meta = page.meta.get("search") or {}
            if search_meta.get("exclude"):
                self.search_excluded.add(page.file.src_uri)
            page.meta["search"] = {**search_meta, "exclude": True}
        note = self.portal.note_for(normalized_src_uri(page.file)) if self.portal else None
        if note is None or note.translated:
            return markdown
        # An untranslated note on another language's site: its search entries would
        # duplicate the default language's, which mkdocs-static-i18n drops anyway.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if self.render_reuse.skip_markdown(page):
            return ""
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.portal is None:
            return html
        html = self.render_reuse.content(page, html)
        with self.times.measure("page content: links, excerpt, header"):
            return self._process_content(html, page, config)

    def _process_content(self, html: str, page: Page, config: MkDocsConfig) -> str:
        assert self.portal is not None
        note = self.portal.note_for(normalized_src_uri(page.file))
        html = rewrite_links(
            html,
            resolve_problem=lambda problem_id: self._problem_link(problem_id, page, config),
            on_script_link=lambda url: self._report([Diagnostic(
                _display_path(page, config), _source_line(page, url), "link",
                f"{url!r} runs script in the reader's browser (expected an http(s) or relative "
                "link); it was replaced by '#'")]),
        )
        if note is None:
            return html
        key = _cache_key(note.file.abs_src_path)
        if key not in self.excerpt_cache:  # a fallback page has the same text as its original
            self.excerpt_cache[key] = summarize(
                html, note.meta.summary, max_chars=self.config.excerpt_chars,
                max_words=self.config.excerpt_words, cjk_per_minute=self.config.cjk_chars_per_minute,
                words_per_minute=self.config.words_per_minute)
        note.excerpt, note.reading_minutes = self.excerpt_cache[key]
        if note.leetcode and self.env is not None:
            row = self.portal.problem_row(note)
            if row is not None:
                header = render_partial(self.env, "np-leetcode-header.html", row=row, page=page,
                                        base_url=_base_url(page), np_t=labels_for(self.portal.language.current))
                html = header + html
        return html

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        if self.portal is None:
            return context
        with self.times.measure("page context: views"):
            return self._add_page_context(context, page, config)

    def _add_page_context(self, context: dict, page: Page, config: MkDocsConfig) -> dict:
        assert self.portal is not None
        context["np_feed_url"] = feed_path(self.portal.language.url_prefix)
        context["np_alternates"] = split_language_links(config)
        note = self.portal.note_for(normalized_src_uri(page.file))
        if note is not None:
            self.portal.place_in_category(page, note)
        view = self.portal.view_for(normalized_src_uri(page.file))
        if self._pagefind:
            with self.times.measure("search: records"):
                self._index_page(page, note, listing=view is not None)
        if view is not None:
            context["np"] = view
            if self.env is not None and page.content and LIST_MARKER in page.content:
                listing = render_partial(self.env, "np-note-list.html", np=view, page=page,
                                         base_url=_base_url(page))
                page.content = page.content.replace(LIST_MARKER, listing, 1)
        return context

    def _write_language_files(self, *, config: MkDocsConfig) -> None:
        """Per-language output; runs before mkdocs-static-i18n starts the next language."""
        if self.portal is None:
            return
        with self.times.measure("post build: atom, sitemap"):
            self._write_feed_and_sitemap(config)
        if self._pagefind:  # in the background, while the next language builds
            language = self.portal.language
            self.search.write(language.current, os.path.join(config.site_dir, language.url_prefix))

    def _write_feed_and_sitemap(self, config: MkDocsConfig) -> None:
        assert self.portal is not None
        language = self.portal.language
        if language.url_prefix:
            copy_sitemap_for_language(config.site_dir, language.url_prefix)
        write_atom_feed(
            self.portal.catalog.notes,
            site_dir=config.site_dir,
            site_url=config.site_url or "",
            site_name=config.site_name,
            description=config.site_description or "",
            author=config.site_author,
            language=language.current,
            url_prefix=language.url_prefix,
            category_names={c.slug: c.name for c in self.portal.catalog.categories},
            entries=self.config.atom_entries,
        )

    @event_priority(-120)  # after mkdocs-static-i18n wrote the index merged from all languages
    def _finish_search_index(self, *, config: MkDocsConfig) -> None:
        # Inside mkdocs-static-i18n's build of another language the index isn't final yet.
        if self.config.enabled and not getattr(config.plugins.get("i18n"), "building", False):
            with self.times.measure("post build: search index"):
                finish_search_index(config)
            if self._pagefind and not self.serving:  # `serve` reloads first; search follows
                with self.times.measure("search: waiting for pagefind"):
                    self.search.wait()

    on_post_build = CombinedEvent(_write_language_files, _finish_search_index)

    # -- steps ---------------------------------------------------------------

    @property
    def _pagefind(self) -> bool:
        return self.config.enabled and self.config.search_engine == "pagefind"

    def _search_worker(self) -> str | None:
        """Our worker's URL; every language shares it (mkdocs-static-i18n keeps one set of
        assets at the root), so it is told which language's bundle to search."""
        if not self._pagefind or self.portal is None:
            return None
        prefix = self.portal.language.url_prefix.strip("/")
        return f"{SEARCH_WORKER}?index={prefix}" if prefix else SEARCH_WORKER

    def _add_time(self, step: str, seconds: float) -> None:
        self.times.seconds[step] += seconds

    def _index_page(self, page: Page, note: Note | None, *, listing: bool) -> None:
        """Keep this page's search record, or keep it out of search.

        Left out: listing pages (the feed, category lists, the LeetCode index), whose
        text is only other notes' titles and excerpts and would outrank the notes;
        untranslated notes on another language's site (their own language has them);
        pages whose author set ``search: exclude``.
        """
        assert self.portal is not None and self.env is not None
        language, src_uri = self.portal.language.current, page.file.src_uri
        if listing or (note is not None and not note.translated) or src_uri in self.search_excluded \
                or page.content is None:
            self.search.add(language, src_uri, None)
            return
        title = html.unescape(page.title or "")
        record = make_record(self.env, url=page.url, title=title, content=page.content,
                             tags=list(note.meta.tags) if note else [],
                             problem=note.leetcode.id if note and note.leetcode else None)
        self.search.add(language, src_uri, record)

    def _categories(self, language: BuildLanguage) -> list[Category]:
        return [
            Category(
                slug=item["slug"],
                name=localized(item["name"], language.current, language.default),
                icon=item["icon"],
                description=localized(item["description"], language.current, language.default),
                order=index,
            )
            for index, item in enumerate(self.config.categories)
        ]

    def _rules(self) -> Rules:
        return Rules(topics=tuple(t["name"] for t in self.config.leetcode.topics), today=dt.date.today(),
                     leetcode_category=self.config.leetcode.category)

    def _watch_portal_pages(self, files: Files) -> None:
        """Under ``serve --dirty``, rebuild portal pages when what they show changed."""
        assert self.portal is not None
        portal, nav = self.portal, repr(self.generated_nav)
        self.freshness.start_build()
        for file in files.documentation_pages():
            src_uri = normalized_src_uri(file)
            page = portal.pages.get(src_uri)
            if page is not None:
                self.freshness.watch(file, lambda src_uri=src_uri: repr(portal.view_for(src_uri)) + nav,
                                     authored=page.authored)

    def _restore_excerpt(self, note: Note) -> None:
        cached = self.excerpt_cache.get(_cache_key(note.file.abs_src_path))
        if cached:
            note.excerpt, note.reading_minutes = cached

    def _problem_link(self, problem_id: int, page: Page, config: MkDocsConfig) -> str:
        assert self.portal is not None
        url = self.portal.problem_url(problem_id)
        if url is not None:
            return _relative_url(url, page)
        self._report([Diagnostic(_display_path(page, config), 1, "link",
                                 f"lc:{problem_id} has no note (expected a LeetCode note with "
                                 f"leetcode.id {problem_id}); linking to the problem statement")])
        return self.portal.statement_url(problem_id)

    def _report(self, diagnostics: list[Diagnostic]) -> None:
        for diagnostic in diagnostics:
            message = str(diagnostic)
            if message in self.reported:
                continue
            self.reported.add(message)
            (log.error if diagnostic.level == "error" else log.warning)(message)

    def _report_undeclared(self, folders: dict[str, list[str]], categories: list[Category],
                           config: MkDocsConfig) -> None:
        for folder, notes in sorted(folders.items()):
            path = os.path.relpath(os.path.join(config.docs_dir, folder), _project_dir(config))
            self._report([undeclared_folder(path, len(notes), [c.slug for c in categories])])

    def _report_duplicate_problems(self, notes: list[Note], config: MkDocsConfig) -> None:
        project_dir = _project_dir(config)
        self._report(duplicate_problems(
            (note.leetcode.id, os.path.relpath(note.file.abs_src_path, project_dir))
            for note in notes if note.leetcode
        ))


def escape_title(page: Page) -> None:
    """Material prints ``page.title`` (heading, navigation, tabs) without escaping it, so a
    front matter title like ``<img src=x onerror=…>`` would become markup: store it escaped."""
    title = page.meta.get("title")
    if isinstance(title, str) and title != html.escape(title, quote=False):
        page.meta["title"] = html.escape(title, quote=False)


def _cache_key(path: str) -> tuple[str, float]:
    try:
        return path, os.path.getmtime(path)
    except OSError:
        return path, 0.0


def _project_dir(config: MkDocsConfig) -> str:
    return os.path.dirname(config.config_file_path) if config.config_file_path else os.getcwd()


def _display_path(page: Page, config: MkDocsConfig) -> str:
    if page.file.abs_src_path:
        return os.path.relpath(page.file.abs_src_path, _project_dir(config))
    return page.file.src_uri


def _source_line(page: Page, text: str) -> int:
    """The line of the note's source where ``text`` first appears (1 when it can't be found)."""
    try:
        source = open(page.file.abs_src_path or "", encoding="utf-8-sig").read()
    except OSError:
        return 1
    position = source.find(text)
    return source.count("\n", 0, position) + 1 if position >= 0 else 1


def _base_url(page: Page) -> str:
    depth = page.url.rstrip("/").count("/") + 1 if page.url else 0
    return "/".join([".."] * depth) or "."


def _relative_url(url: str, page: Page) -> str:
    return get_relative_url(url, page.url)
