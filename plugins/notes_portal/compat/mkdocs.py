"""MkDocs beyond its documented plugin API (verified against MkDocs 1.6.1).

``File.is_modified`` for ``serve --dirty``; the title, table of contents, anchors and rewritten
links a render gives a page, which the build cache restores without rendering; whether
``--clean`` was given on the command line; for the quick refresh under ``serve``, the server's
builder and file observer and the two steps ``build()`` runs for one page."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from watchdog.events import FileSystemEventHandler

from notes_portal.compat.internals import IncompatibleVersion, internal


def replace_is_modified(file: File, is_modified: Callable[[], bool]) -> None:
    """Let ``is_modified`` decide whether ``serve --dirty`` rebuilds ``file``: MkDocs asks
    ``File.is_modified()`` and offers no event to answer it."""
    file.is_modified = is_modified  # type: ignore[method-assign]


def title_from_render(page: Page) -> str | None:
    """The title MkDocs took from the page's first heading while rendering it."""
    return internal("mkdocs", page, "_title_from_render", "the title MkDocs took from the first heading")


def read_page_with(page: Page, read: Callable[[], tuple[str, dict]]) -> None:
    """Let ``read()`` give ``page`` its Markdown and meta instead of MkDocs' own parse.

    ``Page.read_source`` parses the front matter itself (``mkdocs.utils.meta.get_data``, a
    second YAML parse besides the catalog's): on any YAML error it keeps the front matter as
    page text and meta empty, and a front matter-less page opening with ``word: text`` lines
    loses them as MultiMarkdown meta. The event before (``on_page_read_source``) can only hand
    it the text to parse; this instance's ``read_source`` sets what the catalog read, once,
    and then the method is MkDocs' again.
    """
    internal("mkdocs", page, "read_source", "how MkDocs reads a page's Markdown and meta")

    def read_source(config: MkDocsConfig) -> None:
        del page.read_source  # type: ignore[attr-defined]  # the instance attribute; MkDocs' method again
        page.markdown, page.meta = read()

    page.read_source = read_source  # type: ignore[method-assign]


def set_title_from_render(page: Page, title: str | None) -> None:
    """Restore it on a page whose rendering is reused instead of repeated (``Page.render`` sets it)."""
    internal("mkdocs", page, "_title_from_render", "the title MkDocs took from the first heading")
    page._title_from_render = title


# -- links of a page, for the build cache (verified against MkDocs 1.6.1) -------------------------
#
# MkDocs rewrites every relative link while it renders Markdown (``_RelativePathTreeprocessor``):
# the HTML depends on which other files exist and where they go, and missing targets are
# warnings that ``--strict`` counts. A page served from the build cache skips that render, so
# the cache records each link with its rewritten form and resolves the links again against
# this build's files: same answers, same HTML, and MkDocs' own warnings, logged again.

#: Links recorded per page being rendered, by ``id`` of the page's ``File``.
_recording: dict[int, list[tuple[str, str]]] = {}


def _link_processor_class() -> type:
    from mkdocs.structure import pages

    return internal("mkdocs", pages, "_RelativePathTreeprocessor", "the links MkDocs rewrites in a page")


def _install_link_recorder() -> None:
    """Wrap ``path_to_url`` once so that it reports each link of a page being recorded."""
    processor = _link_processor_class()
    original = internal("mkdocs", processor, "path_to_url", "the links MkDocs rewrites in a page")
    if getattr(original, "_notes_portal_recorder", False):
        return

    def path_to_url(self: object, url: str) -> str:
        result = original(self, url)
        links = _recording.get(id(getattr(self, "file", None)))
        if links is not None:
            links.append((url, result))
        return result

    path_to_url._notes_portal_recorder = True  # type: ignore[attr-defined]
    processor.path_to_url = path_to_url


def start_recording_links(page: Page) -> None:
    """Record the links MkDocs rewrites while it renders ``page`` (until ``recorded_links``)."""
    _install_link_recorder()
    _recording[id(page.file)] = []


def recorded_links(page: Page) -> list[tuple[str, str]] | None:
    """``(link as written, link as rewritten)`` for each link of ``page``'s render; None if not recorded."""
    return _recording.pop(id(page.file), None)


def resolve_links_again(page: Page, files: Files, config: MkDocsConfig,
                        links: list[tuple[str, str]]) -> dict | None:
    """Resolve ``links`` for ``page`` in this build as MkDocs' render would. When every link
    resolves as recorded, MkDocs' warnings about them are logged as a render logs them, and the
    page's links to anchors (for MkDocs' anchor check, ``restore_render``) are returned; else
    None, and nothing is logged (the page is rendered, which logs them itself)."""
    processor = _link_processor_class()(page.file, files, config)
    held: list[logging.LogRecord] = []
    logger = logging.getLogger("mkdocs.structure.pages")

    def hold(record: logging.LogRecord) -> bool:
        held.append(record)
        return False

    logger.addFilter(hold)
    try:
        same = all(processor.path_to_url(url) == rewritten for url, rewritten in links)
    finally:
        logger.removeFilter(hold)
    if not same:
        return None
    for record in held:
        logger.handle(record)
    return internal("mkdocs", processor, "links_to_anchors", "links to other pages' anchors")


def restore_render(page: Page, *, toc: list[dict], title: str | None, anchor_ids: list[str],
                   links_to_anchors: dict) -> None:
    """Give ``page`` what ``Page.render`` sets besides its HTML, from the build cache."""
    page.toc = get_toc(toc)  # type: ignore[arg-type]
    set_title_from_render(page, title)
    page.present_anchor_ids = set(anchor_ids)
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:  # as ``Page.render``
        page.links_to_anchors = links_to_anchors


def render_state(page: Page) -> tuple[list[dict], str | None, list[str]]:
    """What ``restore_render`` needs, taken from a page MkDocs has just rendered."""
    return _toc_tokens(page.toc), title_from_render(page), sorted(page.present_anchor_ids or ())


def _toc_tokens(items: Any) -> list[dict]:
    """The tokens ``get_toc`` builds ``items`` from (its inverse)."""
    return [{"level": item.level, "id": item.id, "name": item.title, "children": _toc_tokens(item.children)}
            for item in items]


def clean_requested() -> bool:
    """True when ``--clean`` was typed on MkDocs' command line (``build``, ``gh-deploy``, ``serve``).

    ``mkdocs build`` cleans ``site_dir`` whether or not ``--clean`` is given (it is the
    default), so only the option's source on the command line tells an explicit request
    apart; MkDocs' CLI is click, which records it (``build``/``gh-deploy``: ``clean``,
    ``serve``: ``build_type == "clean"``, MkDocs 1.6.1).
    """
    import click
    from click.core import ParameterSource

    context = click.get_current_context(silent=True)
    if context is None:  # MkDocs driven from Python (the benchmark): nothing was typed
        return False
    if context.params.get("build_type") == "clean":
        return True
    return bool(context.params.get("clean")) and \
        context.get_parameter_source("clean") == ParameterSource.COMMANDLINE


def skip_render(page: Page) -> None:
    """Let MkDocs' render of ``page`` (whose Markdown a plugin emptied) be nothing at all.

    ``Page.render`` builds a new ``markdown.Markdown`` with every extension for each page,
    even for empty Markdown: about 6 ms a page here, most of a warm build's page reading.
    For ``""`` a render gives no HTML, no table of contents, no title and no anchors; this
    instance's ``render`` gives exactly that, once, and then the method is MkDocs' again.
    """
    internal("mkdocs", page, "render", "the render of a page's Markdown")

    def render(config: MkDocsConfig, files: Files) -> None:
        del page.render  # type: ignore[attr-defined]  # the instance attribute; MkDocs' method again
        page.content = ""
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    page.render = render  # type: ignore[method-assign]


# -- pages drawn before their template is rendered (verified against MkDocs 1.6.1) --------------
#
# MkDocs draws a page with ``env.get_template(name).render(context)``, the context being what
# the plugins' ``on_page_context`` returned, and offers no event that can stand in for the
# render. The page output cache puts a kept page into the context under ``PRERENDERED``;
# templates of the environment (``env.template_class``, a documented Jinja setting) then
# return it instead of rendering. ``on_post_page`` still runs for every plugin.

#: The context key under which a page's finished HTML is handed to its template.
PRERENDERED = "__notes_portal_prerendered__"


class _PrerenderedTemplate(jinja2.Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        if args and isinstance(args[0], dict):
            prerendered = args[0].get(PRERENDERED)
            if prerendered is not None:
                return prerendered
        return super().render(*args, **kwargs)


def allow_prerendered_pages(env: jinja2.Environment) -> None:
    """Let templates loaded from ``env`` from now on return a page handed to them in their context."""
    internal("mkdocs", _build_module(), "get_context", "the context MkDocs renders a page's template with")
    env.template_class = _PrerenderedTemplate


def hand_prerendered(context: dict, html: str) -> None:
    """Let ``html`` stand for what the page's template would render from ``context``."""
    context[PRERENDERED] = html


def _build_module() -> Any:
    from mkdocs.commands import build

    return build


#: What MkDocs says on every ``--dirty`` build (``mkdocs.commands.build``), verified in its source.
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"


class _DirtyBuildWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_BUILD_WARNING)


def silence_dirty_build_warning() -> None:
    """Under ``make serve`` (``serve --dirty``) the portal redraws every page whose inputs changed
    and removes the pages that are gone (``serve.freshness``), so MkDocs' warning that a dirty
    build is inaccurate no longer holds: keep it off the author's screen. Checked against MkDocs'
    wording first, as a filter on a message that changed would silently stop working."""
    import inspect

    build = _build_module()
    if DIRTY_BUILD_WARNING not in inspect.getsource(build):
        raise IncompatibleVersion("mkdocs", "its dirty build warning", "the warning `make serve` filters")
    logger = internal("mkdocs", build, "log", "the logger of its dirty build warning")
    if not any(isinstance(f, _DirtyBuildWarningFilter) for f in logger.filters):
        logger.addFilter(_DirtyBuildWarningFilter())


# -- one page built again outside a build, for ``serve`` (verified against MkDocs 1.6.1) ---------
#
# ``mkdocs serve`` calls its builder, a full ``build()``, after every save. The portal's quick
# refresh (``serve.serve_refresh``) builds only the saved note's pages instead, with the very
# steps ``build()`` runs for one page: ``_populate_page`` (every plugin's page events up to
# ``on_page_content``, the render) and ``_build_page`` (context, template, ``on_post_page``,
# the write), then the anchor check.


def pages_built_by_serve(files: Files) -> list[File]:
    """The documentation files ``build()`` draws under ``serve`` (drafts included), in its order."""
    from mkdocs.structure.files import InclusionLevel

    return list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))


def build_page_again(page: Page, config: MkDocsConfig, files: Files, doc_files: list[File], nav: Any,
                     env: jinja2.Environment) -> None:
    """Read, render and write ``page`` as the last build did, against that build's files
    (``doc_files``: ``pages_built_by_serve(files)``) and navigation."""
    build = _build_module()
    populate = internal("mkdocs", build, "_populate_page", "reading and rendering one page")
    draw = internal("mkdocs", build, "_build_page", "drawing and writing one page")
    populate(page, config, files, False)
    draw(page, config, doc_files, nav, env, False, excluded=page.file.inclusion.is_excluded())
    page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)


def wrap_serve_builder(server: Any, wrap: Callable[[Callable[..., None]], Callable[..., None]]) -> None:
    """Let ``wrap(builder)`` be what ``mkdocs serve`` calls after a change (``on_serve`` gets the
    server; its rebuild loop calls ``server.builder``, which the API offers no way to replace)."""
    server.builder = wrap(internal("mkdocs", server, "builder", "what serve calls after a change"))


def show_as_last_read(page: Page, title: str | None, meta: dict) -> None:
    """Let a page that ``serve --dirty`` skipped reading show the title it had when last read.

    MkDocs reads only the changed pages under ``--dirty``; ``Page.title`` of the others is
    None (it is None until ``read_source``), so every page drawn in such a build listed them
    as "None" in its navigation. Giving the page its front matter and the title its render
    took restores what it showed; nothing else reads a page that isn't built.
    """
    internal("mkdocs", page, "_title_from_render", "the title MkDocs took from the first heading")
    page.markdown = ""
    page.meta = meta
    page._title_from_render = title


def observe_serve_changes(server: Any, paths: list[str], on_event: Callable[[Any], None]) -> Callable[[float], bool]:
    """Tell ``on_event`` of every change ``mkdocs serve``'s file observer sees under ``paths``.

    The observer (``server.observer``, a watchdog ``PollingObserver``) is MkDocs' own; handlers
    scheduled on it go through watchdog's public API. Returns ``settled(timeout)``: True once
    every event observed so far has been handed to the handlers (watchdog's event queue is
    joined), False if that took longer than ``timeout`` seconds.
    """
    observer = internal("mkdocs", server, "observer", "the file observer of mkdocs serve")

    class _Handler(FileSystemEventHandler):
        def on_any_event(self, event: Any) -> None:
            on_event(event)

    handler = _Handler()
    for path in paths:
        if os.path.exists(path):
            observer.schedule(handler, path, recursive=os.path.isdir(path))

    def settled(timeout: float) -> bool:
        queue = observer.event_queue
        if not queue.unfinished_tasks:  # the usual case: no thread to hand over to and back
            return True
        waiter = threading.Thread(target=queue.join, daemon=True)
        waiter.start()
        waiter.join(timeout)
        return not waiter.is_alive()

    return settled
