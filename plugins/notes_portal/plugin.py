"""The ``notes-portal`` MkDocs plugin: MkDocs events, each handed to the step that owns it.

Per build (one per language under mkdocs-static-i18n, one per ``serve`` rebuild) data
flows one way: ``on_files`` reads the notes into a catalog and adds the portal's pages
(``Portal``); pages are rendered (``output.note_page``), then listed in views; ``on_post_build``
writes what each language needs besides its pages. State that outlives a build is only
caches keyed by content (``caching/``, ``speedups/``, ``serve/``) and the search records (``search/``).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from notes_portal.catalog.collect import read_catalog
from notes_portal.catalog.gitdates import history_file
from notes_portal.catalog.reporting import Reporter
from notes_portal.compat import glightbox, i18n, material
from notes_portal.compat.i18n import normalized_src_uri
from notes_portal.compat.material_search import finish_search_index
from notes_portal.compat.mkdocs import clean_requested, silence_dirty_build_warning
from notes_portal.config import NotesPortalConfig
from notes_portal.output.asset_versions import (
    AssetVersions,
    give_templates_versions,
    version_extra_assets,
)
from notes_portal.output.atom import write_language_feed
from notes_portal.output.language_files import write_language_files
from notes_portal.output.navigation import PortalNavigation
from notes_portal.output.note_page import (
    content_of_note,
    page_context,
    read_from_catalog,
)
from notes_portal.output.pages import portal_with_pages
from notes_portal.search.site_search import SiteSearch
from notes_portal.serve.serve_refresh import LanguageBuild, ServeRefresh
from notes_portal.speedups.build_speedups import BuildSpeedups
from notes_portal.speedups.timing import StepTimes
from notes_portal.views.labels import labels_for
from notes_portal.views.portal import Portal

log = get_plugin_logger(__name__)


class NotesPortalPlugin(BasePlugin[NotesPortalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.portal: Portal | None = None
        self.env: Environment | None = None
        #: Versions of the site's stylesheets and scripts, read again by every build.
        self.assets = AssetVersions([])
        self.navigation = PortalNavigation()
        self.reporter = Reporter(log)
        self.speedups = BuildSpeedups()
        self.full_build = False
        #: Time of the plugin's own steps, read by the benchmark.
        self.times = StepTimes()
        self.search = SiteSearch(log, on_timing=self.times.add, memo=self.speedups.build_cache.memo,
                                 kept=self.speedups.kept_bundles)
        self.not_found_pages = i18n.NotFoundPages()
        self.refresh = ServeRefresh(enter=self._enter_language, leave=self._leave_language)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.full_build = command in ("build", "gh-deploy") and not dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.navigation.remember_authored(config)
        self.assets = AssetVersions.for_config(config) if self.config.enabled else AssetVersions([])
        version_extra_assets(config, self.assets)
        self.search.enabled = self.config.enabled and self.config.search_engine == "pagefind"
        i18n.silence_instant_navigation_warning()
        i18n.restore_settings_by_copy(config)
        if self.serving and self.config.enabled:
            silence_dirty_build_warning()
        if self.serving and self.config.enabled and not i18n.building_another_language(config):
            self.refresh.start_full_build(config)
        return config

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # MkDocs passes its own server and builder
        if self.config.enabled:  # MkDocs watches the theme only if asked, and never git's history
            for path in (config.theme.custom_dir, history_file(config.docs_dir)):
                if path:
                    server.watch(path)
        if self.config.enabled and self.config.serve_quick_refresh:
            self.refresh.install(server, config)
        return server

    @event_priority(-110)  # after mkdocs-static-i18n (-100) picked this language's files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.config.enabled:
            self.speedups.start_build(config, files, cold=clean_requested())
            with self.times.measure("files: catalog, pages, nav"):
                self._start_language_build(files, config)
        return files

    def _start_language_build(self, files: Files, config: MkDocsConfig) -> None:
        language = i18n.build_language(config)
        if language.current == language.default:
            self.reporter.start_run()
        catalog = read_catalog(files, config, self.config, language, reporter=self.reporter,
                               parsed_cache=self.speedups.parsed_notes, include_drafts=self.serving)
        self.speedups.restore_excerpts(catalog.notes)
        self.portal = portal_with_pages(files, config, self.config, language, catalog)
        self.search.start_build(language.current, {f.src_uri for f in files.documentation_pages()})
        i18n.list_in_i18n_sitemap(config, language, files)
        nav = self.navigation.apply(config, catalog, self.config.nav_notes_per_category, labels_for(language.current))
        if self.serving:  # only `serve --dirty` asks whether a page changed
            self.speedups.freshness.watch_portal_pages(files, self.portal, nav, config.theme.custom_dir)
            self.refresh.start_language(LanguageBuild(config, files, self.portal))

    def _attach_navigation(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.portal is not None:
            self.portal.attach_navigation(nav)
        return nav

    @event_priority(-120)  # after mkdocs-static-i18n (-100): the navigation pages are drawn with
    def _keep_navigation(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if (build := self.refresh.current) is not None:
            build.nav = nav
        return nav

    on_nav = CombinedEvent(_attach_navigation, _keep_navigation)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        worker = (self.search.worker_for(self.portal.language, labels_for(self.portal.language.current)["untranslated"])
                  if self.portal else None)
        give_templates_versions(env, self.assets, custom_dir=config.theme.custom_dir if self.config.enabled else None,
                                search_worker=worker)
        self.env = env
        self.speedups.start_rendering(env)
        if (build := self.refresh.current) is not None:
            build.env = env
            self.refresh.show_unread_pages_as_last_read(build.language, files)
        return env

    def _enter_language(self, build: LanguageBuild) -> MkDocsConfig:
        """A quick refresh under ``serve`` draws pages of ``build``'s language next."""
        config = i18n.switch_language(build.config, build.language)
        # The build cache stays as the full build left it: its fingerprint is the same for every
        # language (mkdocs-static-i18n may not override Markdown options) and nothing it is
        # made of changed, or the refresh would have been declined.
        assert build.env is not None  # kept in ``on_env``, before any page was drawn
        self.portal, self.env = build.portal, build.env
        self.speedups.start_rendering(build.env)
        return config

    def _leave_language(self, build: LanguageBuild, config: MkDocsConfig, feeds_changed: bool) -> None:
        if feeds_changed:
            write_language_feed(build.portal.catalog, build.portal.language, config, entries=self.config.atom_entries)
        self.search.write(build.language, config.site_dir, build.portal.language.url_prefix, serving=True,
                          full_build=False)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.portal is not None:
            read_from_catalog(page, self.portal)
        return page

    def _page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        material.escape_title(page)
        if self.portal is None:
            return markdown
        self.search.take_over_from_material(page, self.portal.language.current)
        note = self.portal.note_for(normalized_src_uri(page.file))
        if note is not None and not note.translated:  # its own language's page is indexed, same HTML
            self.search.leave_to_default_language(page)
            return self.speedups.markdown_of_untranslated(page, markdown)
        return markdown

    @event_priority(-200)  # last: the Markdown as every plugin left it is what gets rendered
    def _cached_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.speedups.markdown(page, markdown, files=files, config=config) if self.portal else markdown

    on_page_markdown = CombinedEvent(_page_markdown, _cached_markdown)

    @event_priority(200)  # first: every step after it sees the HTML as rendered
    def _cached_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.speedups.content(page, html) if self.portal else html

    def _page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.portal is None:
            return html
        with self.times.measure("page content: links, excerpt"):
            return content_of_note(
                html, page, self.portal.note_for(normalized_src_uri(page.file)), portal=self.portal,
                config=config, settings=self.config, reporter=self.reporter, excerpts=self.speedups.excerpts)

    @event_priority(-100)  # after the lightbox plugin (mkdocs-glightbox) wrapped the page's images
    def _page_fragment(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return glightbox.page_fragment(html)

    on_page_content = CombinedEvent(_cached_content, _page_content, _page_fragment)

    def _page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        if self.portal is None or self.env is None:
            return context
        # Two steps, timed apart: the benchmark adds the steps up, so neither may contain the other.
        with self.times.measure("page context: views"):
            context, note, view = page_context(context, page, portal=self.portal, config=config)
        with self.times.measure("search: records"):
            tags = [tag.name for tag in self.portal.catalog.tags.of(note)] if note else []
            self.search.index_page(self.env, self.portal.language, page, note, tags, listing=view is not None)
        if self.serving:
            self.refresh.page_read(self.portal.language.current, page)
        return context

    @event_priority(-200)  # last: every plugin's additions to the context are part of the page's key
    def _kept_page(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        if self.portal is not None:
            self.speedups.look_up_page(context, page, config, nav)
        return context

    on_page_context = CombinedEvent(_page_context, _kept_page)

    def on_template_context(self, context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
        if template_name == "sitemap.xml":  # hreflang links between a page and its translations
            context["np_translations"] = i18n.translation_links(config)
        return context

    @event_priority(200)  # first: the page as its template drew it, before any plugin changes it
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.speedups.keep_page(page, output)
        return output

    def _write_language_files(self, *, config: MkDocsConfig) -> None:
        """Per-language output; runs before mkdocs-static-i18n starts the next language."""
        if self.portal is None:
            return
        with self.times.measure("post build: atom, sitemap"):
            write_language_files(self.portal, config, self.not_found_pages)
        language = self.portal.language
        self.search.write(language.current, config.site_dir, language.url_prefix, serving=self.serving,
                          full_build=True)

    @event_priority(-120)  # after mkdocs-static-i18n built and merged every language
    def _finish_site(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or i18n.building_another_language(config):
            return
        with self.times.measure("post build: search index"):
            finish_search_index(config)
        if not self.serving:  # `serve` reloads first; search follows
            with self.times.measure("search: waiting for pagefind"):
                self.search.wait()  # before pruning: the bundles just kept are in the cache
        self.speedups.finish(prune=self.full_build)
        self.refresh.finish_full_build()

    on_post_build = CombinedEvent(_write_language_files, _finish_site)
