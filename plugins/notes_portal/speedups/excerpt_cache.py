"""Excerpts and reading times per source version, kept across builds.

Under ``mkdocs serve --dirty`` unchanged notes aren't rendered again, so their
excerpt can't be made again either: the feed and tiles read it from here. The
English build's untranslated copies share the Chinese build's entry.
"""

from __future__ import annotations

from notes_portal.catalog.excerpt import summarize
from notes_portal.catalog.structure import Note
from notes_portal.config import NotesPortalConfig
from notes_portal.speedups.source_version import SourceVersion, source_version


class ExcerptCache:
    def __init__(self) -> None:
        self._by_version: dict[SourceVersion, tuple[str, int]] = {}

    def restore(self, note: Note) -> None:
        """Give ``note`` its excerpt from an earlier rendering of the same source, if any."""
        cached = self._by_version.get(source_version(note.file.abs_src_path))
        if cached:
            note.excerpt, note.reading_minutes = cached

    def summarize(self, note: Note, html: str, config: NotesPortalConfig) -> None:
        """Set ``note``'s excerpt and reading time from its rendered ``html``."""
        key = source_version(note.file.abs_src_path)
        if key not in self._by_version:
            self._by_version[key] = summarize(
                html, note.meta.summary, max_chars=config.excerpt_chars, max_words=config.excerpt_words,
                cjk_per_minute=config.cjk_chars_per_minute, words_per_minute=config.words_per_minute)
        note.excerpt, note.reading_minutes = self._by_version[key]
