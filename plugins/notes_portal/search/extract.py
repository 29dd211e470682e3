"""The readable text of a rendered page, in sections, as search should see it.

Search indexes what a reader reads: prose, headings, tables and lists. Code
blocks are left out (a collection with solutions in seven languages doubled
its index with them, and their tokens drown prose matches), and so is display
math: TeX source is not something anyone types into a search box, nor something
a snippet should show. Inline math is part of its sentence: it is indexed as the
text a reader would read aloud (``D_KL(p ‖ q)``, ``√d_k``), so a snippet has no
hole where the formula was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from notes_portal.catalog.excerpt import math_part
from notes_portal.search.tokens import HAN

#: Elements whose text is never indexed, as an XPath union.
_LEFT_OUT = " | ".join([
    ".//pre", ".//script", ".//style", ".//svg", ".//*[local-name()='svg']",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' highlight ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' highlighttable ')]",
    # Display math; inline math (a <span>) becomes text first (_INLINE_MATH).
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' arithmatex ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' katex ')]",
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]",
    ".//*[@data-search-exclude]",
    # The LeetCode header repeats the number, difficulty and topics, indexed on their own.
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' np-lc-header ')]",
])
#: Elements after which words must not run together once tags are gone.
_BLOCKS = {"p", "div", "li", "ul", "ol", "dt", "dd", "dl", "tr", "td", "th", "table", "blockquote",
           "section", "details", "summary", "figure", "figcaption", "br", "hr",
           "h1", "h2", "h3", "h4", "h5", "h6"}
#: Inline formulas, as pymdownx.arithmatex (generic mode) writes them.
_INLINE_MATH = ".//span[contains(concat(' ', normalize-space(@class), ' '), ' arithmatex ')]"
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = re.compile(r"\s+")
_PRE_BLOCK = re.compile(r"<pre\b.*?</pre>|<script\b.*?</script>|<style\b.*?</style>", re.DOTALL | re.IGNORECASE)
#: A line break inside a Chinese sentence (authors who wrap their lines) is no word boundary.
_WRAPPED_HAN = re.compile(f"(?<=[{HAN}])[ \t]*\n\\s*(?=[{HAN}])")


@dataclass(frozen=True)
class Section:
    """A heading and the text up to the next heading; the page's opening has no heading."""

    heading: str
    #: The heading's ``id``, so that a result can link into the page.
    anchor: str | None
    level: int
    text: str


def page_sections(content: str) -> list[Section]:
    """Sections of a page's rendered content (``page.content``), its ``<h1>`` left out:
    the title is indexed on its own."""
    if not content.strip():
        return []
    # Code blocks are most of a solution note's HTML (a span per token, in several languages):
    # cut them out as text before parsing. A <pre> can't nest, and its code has every "<"
    # escaped, so the first </pre> closes it.
    content = _PRE_BLOCK.sub(" ", content)
    root = lxml_html.fragment_fromstring(content, create_parent="div")
    for element in root.xpath(_INLINE_MATH):
        formula = math_part(element.text_content())
        element.tail = f" {formula.text if formula else ''} {element.tail or ''}"
        _remove_keeping_tail(element)
    for element in root.xpath(_LEFT_OUT):
        _remove_keeping_tail(element)
    sections: list[Section] = []
    heading, anchor, level, parts = "", None, 0, [root.text or ""]
    for child in root:
        if not isinstance(child.tag, str):  # comments, processing instructions
            continue
        if child.tag in _HEADINGS:
            if parts or heading:
                sections.append(Section(heading, anchor, level, _joined(parts)))
            heading, anchor, level, parts = "", None, 0, []
            if child.tag != "h1":
                heading, anchor, level = _text(child), child.get("id"), _HEADINGS[child.tag]
            if child.tail:
                parts.append(child.tail)
            continue
        parts.append(_text(child))
        if child.tail:
            parts.append(child.tail)
    if parts or heading:
        sections.append(Section(heading, anchor, level, _joined(parts)))
    return [section for section in sections if section.heading or section.text]


def _remove_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + " " + tail
        else:
            parent.text = (parent.text or "") + " " + tail
    parent.remove(element)


def _text(element: etree._Element) -> str:
    """The element's text, with a space wherever a block ends."""
    pieces: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if not isinstance(node.tag, str):
            if event == "end" and node.tail:
                pieces.append(node.tail)
            continue
        if event == "start":
            if node.text:
                pieces.append(node.text)
        else:
            if node.tag in _BLOCKS:
                pieces.append(" ")
            if node is not element and node.tail:
                pieces.append(node.tail)
    return _joined(pieces, "")


def _joined(parts: list[str], separator: str = " ") -> str:
    return _SPACE.sub(" ", _WRAPPED_HAN.sub("", separator.join(parts))).strip()
