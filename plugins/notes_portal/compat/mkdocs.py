"""MkDocs beyond its documented plugin API (verified against MkDocs 1.6.1)."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from notes_portal.compat.internals import internal


def replace_is_modified(file: File, is_modified: Callable[[], bool]) -> None:
    """Let ``is_modified`` decide whether ``serve --dirty`` rebuilds ``file``: MkDocs asks
    ``File.is_modified()`` and offers no event to answer it."""
    file.is_modified = is_modified  # type: ignore[method-assign]


def title_from_render(page: Page) -> str | None:
    """The title MkDocs took from the page's first heading while rendering it."""
    return internal("mkdocs", page, "_title_from_render", "the title MkDocs took from the first heading")


def set_title_from_render(page: Page, title: str | None) -> None:
    """Restore it on a page whose rendering is reused instead of repeated (``Page.render`` sets it)."""
    internal("mkdocs", page, "_title_from_render", "the title MkDocs took from the first heading")
    page._title_from_render = title
