"""Reuse the default language's rendering of notes that another language shows untranslated.

mkdocs-static-i18n builds the English site with every untranslated Chinese
note as a fallback page. Its Markdown is the same as in the Chinese build, and
so is the HTML (relative links keep working: both trees have the same shape).
Rendering it again, and indexing it for search only to have the i18n plugin
drop the duplicate entries afterwards, doubled the build time of a portal
that is mostly untranslated.

Pages have the same shape in both trees, but images and other files don't: the English build
links them in the default language's tree (``../../../nlp/images/a.png``), so a rendering that
links a local file is never reused (it would point at ``/en/nlp/images/``, which doesn't exist).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.pages import Page

from notes_portal.caching.source_version import SourceVersion, source_version
from notes_portal.compat.mkdocs import set_title_from_render, title_from_render

#: A relative URL of a file that isn't a page: ``src="images/a.png"``, ``href="../files/b.pdf"``.
_VALUE = r"""\s*=\s*(?:["']|(?=[^"'\s>]))(?![a-z][a-z0-9+.-]*:|/|#)"""  # relative: no scheme, no /
LOCAL_FILE_LINK = re.compile(
    rf"""\b(?:src|srcset|poster|data){_VALUE}"""
    rf"""|\bhref{_VALUE}[^"'\s>?#]*\.(?!html?\b)[A-Za-z0-9]{{1,8}}(?=["'\s>?#])""",
    re.IGNORECASE)


@dataclass(frozen=True)
class RenderedNote:
    html: str
    toc: Any
    title_from_render: str | None


class RenderReuse:
    """Rendered HTML of notes by source version (path and content), kept across builds."""

    def __init__(self) -> None:
        self._rendered: dict[SourceVersion, RenderedNote] = {}
        #: Pages of the current build whose Markdown was skipped, waiting for their HTML.
        self._pending: dict[int, RenderedNote] = {}

    def forget(self) -> None:
        """Drop every kept rendering (the configuration they were rendered under changed)."""
        self._rendered.clear()
        self._pending.clear()

    def skip_markdown(self, page: Page) -> bool:
        """True when ``page``'s HTML is known: its Markdown need not be converted again."""
        rendered = self._rendered.get(_key(page))
        if rendered is None:
            return False
        self._pending[id(page)] = rendered
        return True

    def content(self, page: Page, html: str) -> str:
        """The HTML of ``page``: the reused rendering, or ``html`` (remembered for reuse)."""
        rendered = self._pending.pop(id(page), None)
        if rendered is not None:
            page.toc = rendered.toc
            set_title_from_render(page, rendered.title_from_render)
            return rendered.html
        if LOCAL_FILE_LINK.search(html) is None:
            self._rendered[_key(page)] = RenderedNote(html, page.toc, title_from_render(page))
        else:  # and never an older rendering of the same source: its links may lead elsewhere now
            self._rendered.pop(_key(page), None)  # (a note it linked was renamed: a link to a .md file)
        return html


def _key(page: Page) -> SourceVersion:
    return source_version(page.file.abs_src_path or page.file.src_uri)
