"""Material for MkDocs beyond its documented options (verified against Material 9.7 and 9.8)."""

from __future__ import annotations

import html

from mkdocs.structure.pages import Page


def escape_title(page: Page) -> None:
    """Material prints ``page.title`` (heading, navigation, tabs) without escaping it, so a
    front matter title like ``<img src=x onerror=…>`` would become markup: store it escaped."""
    title = page.meta.get("title")
    if isinstance(title, str) and title != html.escape(title, quote=False):
        page.meta["title"] = html.escape(title, quote=False)
