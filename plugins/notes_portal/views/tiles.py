"""Category tiles on the home page: name, icon, description, count and newest note."""

from __future__ import annotations

from dataclasses import dataclass, field

from notes_portal.model.structure import Category, Note
from notes_portal.views.feed import display_title


@dataclass(frozen=True)
class Tile:
    category: Category
    url: str
    count: int
    newest_title: str | None
    newest_url: str | None
    #: LeetCode tile only: ``[("easy", 7), ("medium", 12), ("hard", 5)]``.
    difficulty_counts: list[tuple[str, int]] = field(default_factory=list)


def build_tiles(categories: list[Category], notes_by_category: dict[str, list[Note]], url_prefix: str,
                leetcode_category: str, difficulty_counts: list[tuple[str, int]]) -> list[Tile]:
    """One tile per declared category, in configured order; each category's notes are newest first."""
    tiles = []
    for category in sorted(categories, key=lambda c: c.order):
        members = notes_by_category.get(category.slug, [])
        newest = members[0] if members else None
        tiles.append(Tile(
            category=category,
            url=f"{url_prefix}{category.slug}/",
            count=len(members),
            newest_title=display_title(newest) if newest else None,
            newest_url=newest.url if newest else None,
            difficulty_counts=difficulty_counts if category.slug == leetcode_category else [],
        ))
    return tiles
