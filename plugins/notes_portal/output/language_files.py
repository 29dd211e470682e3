"""What each language's site needs besides its pages, written once that language is built:
its Atom feed, its own ``sitemap.xml``, its ``404.html`` and the LeetCode index's list data."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from notes_portal.compat import i18n
from notes_portal.output.atom import write_language_feed
from notes_portal.views.leetcode import LIST_DATA_FILE
from notes_portal.views.portal import Portal


def write_language_files(portal: Portal, config: MkDocsConfig, not_found_pages: i18n.NotFoundPages) -> None:
    """Runs in ``on_post_build`` of each language, before mkdocs-static-i18n starts the next."""
    language = portal.language
    i18n.copy_sitemap_for_language(config.site_dir, language.url_prefix, config.site_url or "")
    write_language_feed(portal.catalog, language, config, entries=portal.config.atom_entries)
    not_found_pages.after_language(config.site_dir, language)
    write_leetcode_data(portal, config.site_dir)


def write_leetcode_data(portal: Portal, site_dir: str) -> None:
    """The problems the LeetCode index page loads when the reader picks a tab, filter or sort."""
    data = portal.leetcode_data
    if data is None:
        return
    target = Path(site_dir, data.base, LIST_DATA_FILE)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(data.text, encoding="utf-8")
