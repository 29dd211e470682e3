"""The portal's own pages (home feed pages, category pages, LeetCode index) as MkDocs files.

They are virtual files that MkDocs renders like any page, with Material's
layout and one of the ``np-*.html`` templates from ``overrides/``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from notes_portal.catalog.collect import Catalog
from notes_portal.compat.i18n import (
    BuildLanguage,
    give_language_alternates,
    normalized_src_uri,
)
from notes_portal.config import NotesPortalConfig
from notes_portal.views.labels import labels_for
from notes_portal.views.leetcode import list_pages as leetcode_list_pages
from notes_portal.views.pagination import page_count
from notes_portal.views.portal import Portal
from notes_portal.views.portal_pages import (
    ARCHIVE,
    CATEGORY,
    HOME,
    LEETCODE,
    LEETCODE_LIST,
    TAG,
    TAGS,
    PortalPage,
    TagPageSpec,
    category_src_uri,
    home_src_uri,
    tag_src_uri,
)


def add_portal_pages(files: Files, config: MkDocsConfig, language: BuildLanguage, *,
                     feed_size: int, category_sizes: dict[str, int], category_titles: dict[str, str],
                     labels: dict[str, str], per_page: int, leetcode_category: str,
                     leetcode_lists: Sequence[tuple[str, str]] = (),
                     tags: Sequence[TagPageSpec] = ()) -> dict[str, PortalPage]:
    """Add the pages the author didn't write; return what to show on each portal page.

    ``leetcode_lists`` are ``(path, title)`` of the LeetCode index's own pages (one per
    number range and topic, see ``views.leetcode.list_page_paths``): with them the index
    page only links to the lists, so it stays small however many problems there are.
    """
    pages: dict[str, PortalPage] = {}
    existing = {normalized_src_uri(f) for f in files.documentation_pages()}

    def register(src_uri: str, page: PortalPage, title: str, in_nav: bool,
                 twins: Mapping[str, str] | None = None) -> None:
        pages[src_uri] = page
        if src_uri in existing:
            pages[src_uri] = dataclasses.replace(page, authored=True)
            return
        files.append(_virtual_page(config, src_uri, title, page, language, in_nav, twins))

    prefix = language.url_prefix
    home_title = labels["latest"]
    for number in range(1, page_count(feed_size, per_page) + 1):
        register(home_src_uri(number), PortalPage(HOME, number, base_url=prefix),
                 home_title if number == 1 else f"{home_title} · {number}", in_nav=number == 1)
    for slug, size in category_sizes.items():
        base_url = f"{prefix}{slug}/"
        if slug == leetcode_category:
            register(category_src_uri(slug, 1), PortalPage(LEETCODE, 1, slug, base_url),
                     category_titles[slug], in_nav=True)
            for path, title in leetcode_lists:  # reached from the index, never listed in the nav
                register(f"{slug}/{path}/index.md", PortalPage(LEETCODE_LIST, 1, slug, base_url, listing=path),
                         title, in_nav=False)
            continue
        for number in range(1, page_count(size, per_page) + 1):
            title = category_titles[slug] if number == 1 else f"{category_titles[slug]} · {number}"
            register(category_src_uri(slug, number), PortalPage(CATEGORY, number, slug, base_url),
                     title, in_nav=number == 1)
    register("tags/index.md", PortalPage(TAGS, base_url=f"{prefix}tags/"), labels["tags"], in_nav=True)
    for tag in tags:
        base_url = f"{prefix}tags/{tag.slug}/"
        title = labels["tag_title"].format(name=tag.name)
        # A tag's name, so its slug, may differ per language: the selector leads to its first page there.
        twins = {code: f"tags/{slug}/" for code, slug in tag.slugs.items()} or None
        for number in range(1, page_count(tag.count, per_page) + 1):
            register(tag_src_uri(tag.slug, number),
                     PortalPage(TAG, number, base_url=base_url, tag=tag.slug),
                     title if number == 1 else f"{title} · {number}", in_nav=False, twins=twins)
    register("archive/index.md", PortalPage(ARCHIVE, base_url=f"{prefix}archive/"), labels["archive"], in_nav=True)
    return pages


def _virtual_page(config: MkDocsConfig, src_uri: str, title: str, page: PortalPage,
                  language: BuildLanguage, in_nav: bool, twins: Mapping[str, str] | None = None) -> File:
    front_matter = {
        "title": title,
        "template": f"np-{page.kind}.html",
        # The lists on these pages repeat the notes' own text: keep them out of search.
        "search": {"exclude": True},
    }
    if page.kind == HOME:
        front_matter["hide"] = ["navigation", "toc"]
    else:
        front_matter["hide"] = ["toc"]
    # JSON is YAML too, and writing it is far cheaper than yaml.safe_dump.
    content = f"---\n{json.dumps(front_matter, ensure_ascii=False)}\n---\n"
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, src_uri, content=content, inclusion=inclusion)
    # mkdocs-static-i18n puts every language but the default under its own folder.
    file.dest_uri = language.url_prefix + file.dest_uri
    _add_language_alternates(file, src_uri, language, twins or {})
    return file


def _add_language_alternates(file: File, src_uri: str, language: BuildLanguage,
                             twins: Mapping[str, str]) -> None:
    """Give the language switcher this page's twin in every language, as the i18n plugin does:
    the same path there, unless ``twins`` names another (language → path below its root)."""
    same = src_uri[: -len("index.md")]
    give_language_alternates(file, language, {
        code: ("" if code == language.default else f"{code}/") + twins.get(code, same) or "./"
        for code in language.languages
    })




def portal_with_pages(files: Files, mkdocs_config: MkDocsConfig, config: NotesPortalConfig,
                      language: BuildLanguage, catalog: Catalog) -> Portal:
    """Add the portal's pages for ``catalog`` to ``files``; the portal then shows them."""
    categories = catalog.categories
    pages = add_portal_pages(
        files, mkdocs_config, language, feed_size=len(catalog.notes),
        category_sizes={c.slug: len(catalog.in_category(c.slug)) for c in categories},
        category_titles={c.slug: c.name for c in categories}, labels=labels_for(language.current),
        per_page=config.per_page, leetcode_category=config.leetcode.category,
        leetcode_lists=leetcode_list_pages(catalog, config.leetcode, language.current),
        tags=[TagPageSpec(tag.slug, tag.name, tag.count, tag.slugs) for tag in catalog.tags.tags])
    return Portal(config, language, catalog, pages)
