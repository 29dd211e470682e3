"""What the portal adds to each page as MkDocs renders it, in render order:

1. ``content_of_note`` (``on_page_content``): the HTML of a page with ``lc:N`` links
   resolved and script links neutralized; for a note, its excerpt and reading time
   are taken from that HTML, which is the author's text only;
2. ``page_context`` (``on_page_context``): the template variables of portal pages and
   of every page (feed link, language links), a note's facts, related notes and
   backlinks (``np_note``, drawn by ``partials/np-note.html``), and what its share card
   shows (``partials/np-head-meta.html``).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from notes_portal.catalog.excerpt import is_link_only
from notes_portal.catalog.excerpt_cache import ExcerptCache
from notes_portal.catalog.reporting import Reporter
from notes_portal.compat.i18n import normalized_src_uri, split_language_links
from notes_portal.compat.mkdocs import read_page_with
from notes_portal.config import NotesPortalConfig
from notes_portal.model.structure import Note
from notes_portal.output.atom import feed_path
from notes_portal.output.links import rewrite_links
from notes_portal.output.share_image import share_image
from notes_portal.views.feed import display_title
from notes_portal.views.portal import PageView, Portal

_LEADING_H1 = re.compile(r"\s*<h1\b[^>]*>.*?</h1>", re.DOTALL | re.IGNORECASE)
#: What may stand before a note's own title: HTML comments (``<!-- problem:start -->``) and
#: paragraphs of links or badges only (``[English Version](…)``, shields).
_BEFORE_TITLE = re.compile(r"\s*(?:<!--.*?-->|<p\b[^>]*>.*?</p>)", re.DOTALL | re.IGNORECASE)


def read_from_catalog(page: Page, portal: Portal) -> None:
    """Have MkDocs read a note's page from the catalog's parse: the same fields, the title readers
    see everywhere else, and never the front matter as text, however broken it is."""
    if (reader := portal.catalog.reader) is None:
        return
    note = portal.note_for(normalized_src_uri(page.file))
    if note is None or note.file.abs_src_path != page.file.abs_src_path:
        return

    def read() -> tuple[str, dict]:
        markdown, meta = reader.read_page(page.file, note.category)
        meta["title"] = display_title(note)  # MkDocs' guess from the file name never wins
        return markdown, meta

    read_page_with(page, read)


def content_of_note(html: str, page: Page, note: Note | None, *, portal: Portal, config: MkDocsConfig,
                    settings: NotesPortalConfig, reporter: Reporter, excerpts: ExcerptCache) -> str:
    html = rewrite_links(
        html,
        resolve_problem=lambda problem_id: _problem_link(problem_id, page, portal, config, reporter),
        on_script_link=lambda url: reporter.report_script_link(page, config, url),
    )
    if note is not None:
        excerpts.summarize(note, html, settings)
    return html


def page_context(context: dict, page: Page, *, portal: Portal, config: MkDocsConfig
                 ) -> tuple[dict, Note | None, PageView | None]:
    """The context with the portal's variables; the page's note and view (either may be None)."""
    src_uri = normalized_src_uri(page.file)
    note, view = portal.note_for(src_uri), portal.view_for(src_uri)
    context["np_feed_url"] = feed_path(portal.language.url_prefix)
    context["np_alternates"] = split_language_links(config)
    if note is not None:
        portal.place_in_category(page, note)
        context["np_note"] = note_view = portal.note_view(note)
        note_view.heading, note_view.body = split_heading(page.content or "")
        note_view.image = share_image(page.content or "", page.canonical_url)
    if view is not None:
        context["np"] = view
    return context, note, view


def split_heading(html: str) -> tuple[str, str]:
    """``<h1>…</h1>`` at the top of a note's HTML, and the rest; ``""`` and all when it has none.

    The note's facts go between the two (``partials/np-note.html``), under the title as readers
    expect. Comments, badges and link-only paragraphs before the heading stay above it, in the
    order written: the heading is still the note's title, and the page's only ``<h1>``.
    """
    position = 0
    while (heading := _LEADING_H1.match(html, position)) is None:
        before = _BEFORE_TITLE.match(html, position)
        if before is None or (not before.group(0).lstrip().startswith("<!--") and not is_link_only(before.group(0))):
            return "", html
        position = before.end()
    return html[:heading.end()], html[heading.end():]


def _problem_link(problem_id: int, page: Page, portal: Portal, config: MkDocsConfig, reporter: Reporter) -> str:
    url = portal.problem_url(problem_id)
    if url is not None:
        return get_relative_url(url, page.url)
    reporter.report_missing_problem(page, config, problem_id)
    return portal.statement_url(problem_id)
