"""A site navigation that stays small however many notes there are.

Listing every note in the navigation makes every page carry all of them (a
megabyte of HTML per page at a few thousand notes). The portal lists each
category's index page and its newest few notes; readers reach the rest through
the category pages, the LeetCode index, previous/next links and search.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import InclusionLevel

from notes_portal.catalog.collect import Catalog
from notes_portal.views.feed import display_title
from notes_portal.views.portal_pages import category_src_uri, home_src_uri


def portal_nav(catalog: Catalog, notes_per_category: int, labels: Mapping[str, str]) -> tuple[list[dict], set[str]]:
    """An MkDocs ``nav`` list (home, a section per category, tags, archive) and the notes it lists."""
    nav: list[dict] = [{labels["home"]: home_src_uri(1)}]
    listed: set[str] = set()
    for category in sorted(catalog.categories, key=lambda c: c.order):
        newest = [note.src_uri for note in catalog.in_category(category.slug)[:notes_per_category]]
        listed.update(newest)
        nav.append({category.name: [category_src_uri(category.slug, 1), *newest]})
    nav.append({labels["tags"]: "tags/index.md"})
    nav.append({labels["archive"]: "archive/index.md"})
    return nav, listed


def apply_portal_nav(catalog: Catalog, notes_per_category: int,
                     labels: Mapping[str, str]) -> tuple[list[dict], set[str]]:
    """The portal's ``nav`` and the notes it lists; the notes it doesn't list are built but kept
    out of the navigation (so that MkDocs doesn't warn about them, nor add them to the nav)."""
    nav, listed = portal_nav(catalog, notes_per_category, labels)
    for note in catalog.notes:
        if note.src_uri not in listed and note.file.inclusion.is_included():
            note.file.inclusion = InclusionLevel.NOT_IN_NAV
    return nav, listed


class PortalNavigation:
    """The site's ``nav``: the author's, when ``mkdocs.yml`` has one, else the portal's, made
    again for every language build (MkDocs keeps the config between ``serve`` rebuilds, so
    the portal's own ``nav`` of the last build must not be taken for the author's)."""

    def __init__(self) -> None:
        self._authored: Any = None
        self._generated: Any = None

    def remember_authored(self, config: MkDocsConfig) -> None:
        if config.nav is not self._generated:
            self._authored = config.nav

    def apply(self, config: MkDocsConfig, catalog: Catalog, notes_per_category: int,
              labels: Mapping[str, str]) -> str:
        """Give ``config`` the portal's nav unless the author wrote one. Returns what every page's
        navigation shows, as a fingerprint: its entries and the titles of the notes it lists (all
        notes, for an author's nav), which MkDocs reads from each note's page."""
        listed: set[str] | None = None  # an author's nav may list any note
        if self._authored is None:
            self._generated, listed = apply_portal_nav(catalog, notes_per_category, labels)
            config.nav = self._generated
        nav = self._generated if self._authored is None else self._authored
        titles = [(note.src_uri, display_title(note)) for note in catalog.notes
                  if listed is None or note.src_uri in listed]
        return repr((nav, titles))
