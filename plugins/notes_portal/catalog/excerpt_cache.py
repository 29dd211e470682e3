"""Excerpts and reading times per source version, kept across builds.

Under ``mkdocs serve --dirty`` unchanged notes aren't rendered again, so their
excerpt can't be made again either: the feed and tiles read it from here. The
English build's untranslated copies share the Chinese build's entry. With the build
cache, an excerpt is also kept by the HTML it was made of, for the next process.
"""

from __future__ import annotations

from notes_portal.caching.build_cache import BuildCache
from notes_portal.caching.source_version import SourceVersion, source_version
from notes_portal.catalog.excerpt import summarize
from notes_portal.config import NotesPortalConfig
from notes_portal.model.structure import Excerpt, Note

#: The cache's kind for excerpts; its version changes with their shape (2: text and formulas).
EXCERPT_KIND = "excerpt-2"


class ExcerptCache:
    def __init__(self, persistent: BuildCache | None = None) -> None:
        self._by_version: dict[SourceVersion, tuple[Excerpt, int]] = {}
        #: Excerpts by the HTML they are made of, across processes (``.cache/notes-portal``).
        self._persistent = persistent

    def forget(self) -> None:
        """Drop the excerpts kept in memory (the options they were made with changed)."""
        self._by_version.clear()

    def restore(self, note: Note) -> None:
        """Give ``note`` its excerpt from an earlier rendering of the same source, if any."""
        cached = self._by_version.get(source_version(note.file.abs_src_path))
        if cached:
            note.excerpt, note.reading_minutes = cached

    def summarize(self, note: Note, html: str, config: NotesPortalConfig) -> None:
        """Set ``note``'s excerpt and reading time from its rendered ``html``."""
        key = source_version(note.file.abs_src_path)
        if key not in self._by_version:
            options = dict(max_chars=config.excerpt_chars, max_words=config.excerpt_words,
                           cjk_per_minute=config.cjk_chars_per_minute, words_per_minute=config.words_per_minute)

            def make() -> list:
                excerpt, minutes = summarize(html, note.meta.summary, **options)
                return [excerpt.to_json(), minutes]

            made = (self._persistent.memo(EXCERPT_KIND, [html, repr(note.meta.summary), repr(sorted(options.items()))],
                                          make) if self._persistent else make())
            excerpt = Excerpt.from_json(made[0]) if isinstance(made, list) and len(made) == 2 else None
            if excerpt is None or not isinstance(made[1], int):  # an entry of another shape: made again
                made = make()
                excerpt = Excerpt.from_json(made[0]) or Excerpt()
            self._by_version[key] = (excerpt, made[1])
        note.excerpt, note.reading_minutes = self._by_version[key]
