"""The "latest updates" feed: entries as readers see them, on the home page and category pages."""

from __future__ import annotations

from dataclasses import dataclass

from notes_portal.model.structure import Category, Excerpt, Note
from notes_portal.views.labels import format_date, labels_for


@dataclass(frozen=True)
class FeedEntry:
    title: str
    url: str
    category_slug: str
    category_name: str
    #: ISO date for ``<time datetime>``, and the same date as readers write it: the date the
    #: feed is ordered by, the updated date when there is one (``updated`` then says so).
    date_iso: str
    date_text: str
    updated: bool
    #: The date written, shown beside an updated date (the note's page and the archive show it).
    written_text: str
    #: Text and inline formulas: the template typesets the formulas (``np-note-list.html``).
    excerpt: Excerpt
    reading_time: str
    #: True when the English site shows a note that has no translation yet.
    untranslated: bool
    draft: bool


def display_title(note: Note) -> str:
    """LeetCode notes are known by number: ``76. 最小覆盖子串``."""
    if note.leetcode:
        return f"{note.leetcode.id}. {note.title}"
    return note.title


def feed_entry(note: Note, categories: dict[str, Category], language: str) -> FeedEntry:
    labels = labels_for(language)
    category = categories[note.category]
    return FeedEntry(
        title=display_title(note),
        url=note.url,
        category_slug=category.slug,
        category_name=category.name,
        date_iso=note.sort_date.isoformat(),
        date_text=format_date(note.sort_date, language),
        updated=note.updated is not None,
        written_text=format_date(note.date, language),
        excerpt=note.excerpt,
        reading_time=labels["reading_time"].format(n=note.reading_minutes),
        untranslated=not note.translated,
        draft=note.draft,
    )


def feed_entries(notes: list[Note], categories: list[Category], language: str) -> list[FeedEntry]:
    by_slug = {category.slug: category for category in categories}
    return [feed_entry(note, by_slug, language) for note in notes]
