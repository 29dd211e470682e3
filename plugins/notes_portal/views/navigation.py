"""A site navigation that stays small however many notes there are.

Listing every note in the navigation makes every page carry all of them (a
megabyte of HTML per page at a few thousand notes). The portal lists each
category's index page and its newest few notes; readers reach the rest through
the category pages, the LeetCode index, previous/next links and search.
"""

from __future__ import annotations

from mkdocs.structure.files import InclusionLevel

from notes_portal.catalog.collect import Catalog
from notes_portal.output.pages import category_src_uri, home_src_uri


def portal_nav(catalog: Catalog, notes_per_category: int, labels: dict[str, str]) -> tuple[list[dict], set[str]]:
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


def apply_portal_nav(catalog: Catalog, notes_per_category: int, labels: dict[str, str]) -> list[dict]:
    """The portal's ``nav``; the notes it doesn't list are built but kept out of the navigation
    (so that MkDocs doesn't warn about them, nor add them to the nav)."""
    nav, listed = portal_nav(catalog, notes_per_category, labels)
    for note in catalog.notes:
        if note.src_uri not in listed and note.file.inclusion.is_included():
            note.file.inclusion = InclusionLevel.NOT_IN_NAV
    return nav
