"""mkdocs-glightbox beyond its documented options (verified against 0.5.3).

Its ``on_page_content`` parses a page's HTML with selectolax to wrap each image in a lightbox
link, and returns the parser's whole document: ``<html><head></head><body>…</body></html>``, with
comments at the very start put before ``<html>`` and leading ``<style>``, ``<script>``, ``<meta>``
or ``<link>`` elements moved into its ``<head>``. Browsers drop the nested document tags, but the
portal reads the page's HTML after it: a note's first-level heading is split from its text (its
facts go between them), and search records are made from it. So the fragment is put back.
"""

from __future__ import annotations

import re

#: The document selectolax makes of a fragment; anything else is left as it is.
_DOCUMENT = re.compile(r"\A(?P<before>(?:\s|<!--.*?-->)*)<html><head>(?P<head>.*?)</head><body>(?P<body>.*)"
                       r"</body></html>\s*\Z", re.DOTALL)


def page_fragment(html: str) -> str:
    """The page's HTML as a fragment again, in its order: leading comments, what went into
    ``<head>`` (it came first in the page), then the rest."""
    match = _DOCUMENT.match(html)
    if match is None:
        return html
    return match.group("before") + match.group("head") + match.group("body")
