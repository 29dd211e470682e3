"""The declared categories of ``mkdocs.yml``, resolved to the language being built."""

from __future__ import annotations

from notes_portal.config import NotesPortalConfig, localized
from notes_portal.model.structure import Category


def categories_for(config: NotesPortalConfig, language: str, default_language: str) -> list[Category]:
    """The categories named in ``language``; their order is the order of tabs and tiles."""
    return [
        Category(slug=item["slug"], name=localized(item["name"], language, default_language),
                 icon=item["icon"], description=localized(item["description"], language, default_language),
                 order=index)
        for index, item in enumerate(config.categories)
    ]
