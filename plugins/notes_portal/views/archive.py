"""The archive: every note by the year and month it was written."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from notes_portal.model.structure import Note
from notes_portal.views.feed import display_title
from notes_portal.views.labels import format_date, month_name


@dataclass(frozen=True)
class ArchiveEntry:
    title: str
    url: str
    date_iso: str
    date_text: str
    untranslated: bool


@dataclass(frozen=True)
class ArchiveMonth:
    key: str  # "2025-10"
    name: str
    entries: list[ArchiveEntry]


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    months: list[ArchiveMonth]

    @property
    def count(self) -> int:
        return sum(len(month.entries) for month in self.months)


def archive_years(notes: list[Note], language: str) -> list[ArchiveYear]:
    """Years and months newest first, each month's notes newest first, by the date written."""
    written = sorted((note for note in notes if not note.draft),
                     key=lambda note: (note.date, note.src_uri), reverse=True)
    years = []
    for year, in_year in itertools.groupby(written, key=lambda note: note.date.year):
        months = [
            ArchiveMonth(key=f"{year}-{month:02d}", name=month_name(month, language),
                         entries=[_entry(note, language) for note in in_month])
            for month, in_month in itertools.groupby(in_year, key=lambda note: note.date.month)
        ]
        years.append(ArchiveYear(year=year, months=months))
    return years


def _entry(note: Note, language: str) -> ArchiveEntry:
    return ArchiveEntry(title=display_title(note), url=note.url, date_iso=note.date.isoformat(),
                        date_text=format_date(note.date, language), untranslated=not note.translated)
