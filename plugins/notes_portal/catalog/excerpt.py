"""Excerpts and reading times computed from a note's rendered HTML.

Working on the HTML that Python-Markdown already produced (instead of on the
Markdown source) means every extension's syntax — math, admonitions, tabs,
footnotes — is already resolved, so the excerpt never shows raw markup.

An excerpt is text and inline formulas (``Excerpt``): the HTML feeds typeset a
formula as the note page does, plain-text places read it as text
(``math_text``). A formula is never cut: its length counts as a whole, and a
cut that would fall inside one falls before it. Display math is a block of its
own, like a code block or a table, and is left out: a feed entry is a line or
two of prose, which a centred equation would break.
"""

from __future__ import annotations

import html as html_module
import math
import re
from collections.abc import Iterable, Iterator

import lxml.html
from lxml import etree

from notes_portal.catalog.math_text import tex_to_text
from notes_portal.model.structure import Excerpt, ExcerptPart

MORE_MARKER = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]")
CJK_OR_PUNCT = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\uffef\u3000-\u303f]")
LATIN_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’-][A-Za-z0-9\u00c0-\u024f]+)*")
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SENTENCE_BREAK = "。！？；，、：.!?;,:"
ELLIPSIS = "…"

#: Elements whose text never belongs in an excerpt.
DROPPED_TAGS = frozenset({"pre", "script", "style", "table", "svg", "math", "sup", "button",
                          "template", "iframe", "object", "noscript", "textarea", "select"})
DROPPED_CLASSES = frozenset({"headerlink", "footnote", "footnote-ref", "md-annotation",
                             "admonition", "tabbed-set", "MathJax", "katex"})
TAG = re.compile(r"<[^>]*>")
HEADING_START = re.compile(r"<h[1-6][\s>]")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: What may stand between the links of a link-only paragraph (``English | 中文``).
LINK_SEPARATORS = re.compile(r"[\s|｜/·•,，、:：()（）\[\]-]*")
PARAGRAPH = re.compile(r"<p[\s>].*?</p>", re.DOTALL)
LINK_ELEMENT = re.compile(r"<a[\s>].*?</a>", re.DOTALL)
MARKDOWN_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$]+?)\$", re.DOTALL)
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_CODE = re.compile(r"`+([^`]*)`+")
MARKDOWN_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_|~~|==)(?=\S)|(?<=\S)(\*\*|__|\*|_|~~|==)(?!\w)")
#: The delimiters pymdownx.arithmatex (generic mode) writes around a formula's TeX.
MATH_DELIMITED = re.compile(r"\s*(?:\\\((.*)\\\)|\\\[(.*)\\\]|\$\$(.*)\$\$|\$(.*)\$)\s*", re.DOTALL)
#: Stands for each character of a formula while the excerpt's length is counted: no space,
#: no sentence break and no letter, so a cut never picks a place inside a formula.
FORMULA_MASK = "\ue000"


def split_at_more(html: str) -> str | None:
    """The part of a page before ``<!-- more -->``, or None when there is no marker."""
    parts = MORE_MARKER.split(html, maxsplit=1)
    return parts[0] if len(parts) == 2 else None


def summarize(html: str, summary: str | None, *, max_chars: int, max_words: int,
              cjk_per_minute: int, words_per_minute: int) -> tuple[Excerpt, int]:
    """Excerpt and reading time of a page, parsing only the opening of its HTML.

    The excerpt comes from the paragraphs before the first heading that follows
    them, so only that part is parsed; the reading time only needs the text.
    """
    opening = _opening(html)
    excerpt = _excerpt(html, _parse(opening), summary, max_chars, max_words)
    return excerpt, _count_minutes(TAG.sub(" ", html), cjk_per_minute, words_per_minute)


def html_to_text(html: str) -> str:
    """Readable text of the paragraphs of an HTML fragment: no tags, code blocks or TeX source
    (inline formulas read as text)."""
    return Excerpt(_readable_parts(_parse(html))).text


def _parse(html: str) -> etree._Element | None:
    html = clean_text(html)
    if not html.strip():
        return None
    try:
        return lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return None


def _excerpt(html: str, root: etree._Element | None, summary: str | None, max_chars: int,
             max_words: int) -> Excerpt:
    before_more = split_at_more(html)
    if before_more is not None:
        parts = _readable_parts(_parse(before_more))
    elif summary and summary.strip():
        parts = _readable_parts(_parse(f"<p>{strip_inline_markdown(summary)}</p>"))
    else:
        parts = _readable_parts(root)
    return Excerpt(truncate_parts(parts, max_chars, max_words))


def _readable_parts(root: etree._Element | None) -> tuple[ExcerptPart, ...]:
    if root is None:
        return ()
    paragraphs = [normalize_parts(_flatten(element)) for element in _readable_blocks(root)]
    return _join([p for p in paragraphs if p])


def _opening(html: str) -> str:
    """The HTML up to the first heading that comes after a paragraph of prose (a paragraph
    of links only, such as ``English Version``, doesn't count: the excerpt skips it)."""
    for paragraph in PARAGRAPH.finditer(html):
        if not is_link_only(paragraph.group(0)):
            heading = HEADING_START.search(html, paragraph.end())
            return html[: heading.start()] if heading else html
    return html


def is_link_only(paragraph_html: str) -> bool:
    """True for a paragraph whose text is all inside links (or has no text at all):
    ``[English Version](README_EN.md)``, ``[中文](…) | [English](…)``, a row of badges."""
    outside = TAG.sub("", LINK_ELEMENT.sub("", paragraph_html))
    return LINK_SEPARATORS.fullmatch(html_module.unescape(outside)) is not None


def _count_minutes(text: str, cjk_per_minute: int, words_per_minute: int) -> int:
    cjk = len(CJK.findall(text))
    words = len(LATIN_WORD.findall(text))
    return max(1, math.ceil(cjk / cjk_per_minute + words / words_per_minute))


def truncate(text: str, max_chars: int, max_words: int) -> str:
    """Cut at a word boundary: ``max_chars`` for CJK-heavy text, ``max_words`` otherwise."""
    text = " ".join(clean_text(text).split())
    if not text:
        return ""
    if _is_mostly_cjk(text):
        return _truncate_chars(text, max_chars)
    words = text.split(" ")
    if len(words) > max_words:
        return _truncate_chars(" ".join(words[:max_words]), max_chars * 3, force=True)
    return _truncate_chars(text, max_chars * 3)


def truncate_parts(parts: tuple[ExcerptPart, ...], max_chars: int, max_words: int) -> tuple[ExcerptPart, ...]:
    """``truncate`` for text with formulas (``normalize_parts``' output): a formula counts
    as one word, and as many characters as its text form has; the cut never splits one."""
    masked = "".join(FORMULA_MASK * len(part.text) if part.tex is not None else part.text for part in parts)
    cut = truncate(masked, max_chars, max_words)
    if cut == masked:
        return parts
    room = len(cut) - len(ELLIPSIS)
    kept: list[ExcerptPart] = []
    for part in parts:
        if room <= 0:
            break
        if part.tex is not None:
            if len(part.text) > room:
                if not kept:  # a formula alone is longer than the limit: shown whole, not as "…"
                    kept.append(part)
                break
            kept.append(part)
        else:
            kept.append(ExcerptPart(part.text[:room]))
        room -= len(part.text)
    if kept and kept[-1].tex is None:
        last = kept.pop().text.rstrip(" " + SENTENCE_BREAK)
        if last:
            kept.append(ExcerptPart(last))
    return normalize_parts([*kept, ExcerptPart(ELLIPSIS)])


def normalize_parts(parts: Iterable[ExcerptPart]) -> tuple[ExcerptPart, ...]:
    """Parts as ``truncate`` sees text: nothing unshowable, whitespace collapsed to single spaces
    (across parts too), none at either end, neighbouring text parts merged, no empty part."""
    merged: list[ExcerptPart] = []
    space = False  # whitespace seen since the last thing written
    for part in parts:
        if part.tex is None:
            text = clean_text(part.text)
            space = space or text[:1].isspace()
            words = " ".join(text.split())
            if words:
                _append(merged, ExcerptPart((" " if space and merged else "") + words))
                space = text[-1:].isspace()
        else:
            if space and merged:
                _append(merged, ExcerptPart(" "))
            merged.append(part)
            space = False
    return tuple(merged)


def _append(parts: list[ExcerptPart], text: ExcerptPart) -> None:
    if parts and parts[-1].tex is None:
        parts[-1] = ExcerptPart(parts[-1].text + text.text)
    else:
        parts.append(text)


def math_part(source: str) -> ExcerptPart | None:
    """An inline formula from the text of its arithmatex element (``\\(x_{k+1}\\)``), or None
    when it has nothing to show."""
    source = clean_text(source)
    delimited = MATH_DELIMITED.fullmatch(source)
    tex = next((group for group in delimited.groups() if group is not None), source) if delimited else source
    text = tex_to_text(tex)
    return ExcerptPart(text, tex.strip()) if text else None


def strip_inline_markdown(text: str) -> str:
    """Front matter summaries are written like Markdown: keep the words, drop the syntax. Inline
    math becomes the formula element the rendered page would have (its TeX escaped). The rest
    is text, escaped: ``List<String>`` and ``a<b && c>d`` read as written."""
    pieces: list[str] = []
    start = 0
    for formula in MARKDOWN_MATH.finditer(text):
        pieces.append(html_module.escape(_strip_markdown(text[start:formula.start()]), quote=False))
        tex = formula.group(1) or formula.group(2)
        pieces.append(f'<span class="arithmatex">\\({html_module.escape(tex)}\\)</span>')
        start = formula.end()
    pieces.append(html_module.escape(_strip_markdown(text[start:]), quote=False))
    return "".join(pieces)


def _strip_markdown(text: str) -> str:
    text = MARKDOWN_LINK.sub(r"\1", text)
    text = MARKDOWN_CODE.sub(r"\1", text)
    return MARKDOWN_EMPHASIS.sub("", text)


def clean_text(text: str) -> str:
    """Drop what can't be shown: lone surrogates and control characters."""
    return CONTROL.sub("", LONE_SURROGATE.sub("", text))


def _readable_blocks(root: etree._Element) -> Iterator[etree._Element]:
    """The opening paragraphs (and list items) up to the first heading after them,
    skipping code, tables, admonitions and widgets."""
    found_block = skipped = False
    for child in root:
        if not isinstance(child.tag, str) or _is_dropped(child):
            continue
        if child.tag in HEADINGS:
            if found_block:
                return
            continue  # a heading before any prose (the title, "题目描述") isn't the excerpt
        if child.tag == "p" and _is_link_only_element(child):
            skipped = True  # a language switcher or a row of badges: not the note's opening
            continue
        found_block = True
        if child.tag == "p":
            yield child
        elif child.tag in ("ul", "ol"):
            yield from (li for li in child if li.tag == "li")
    if not found_block and not skipped:  # loose inline text such as a front matter summary
        yield root


def _is_link_only_element(paragraph: etree._Element) -> bool:
    outside = [paragraph.text or ""]
    for child in paragraph:
        if child.tag != "a" and isinstance(child.tag, str):
            outside.append(child.text_content())
        outside.append(child.tail or "")
    text = "".join(outside)
    if not any(element.tag in ("a", "img") for element in paragraph.iter() if isinstance(element.tag, str)):
        return not text.strip()  # an empty paragraph; "，" alone is still text
    return LINK_SEPARATORS.fullmatch(text) is not None


def _is_dropped(element: etree._Element) -> bool:
    if element.tag in DROPPED_TAGS:
        return True
    classes = set((element.get("class") or "").split())
    if classes & DROPPED_CLASSES:
        return True
    # Display math is a block of its own; inline math is handled in _flatten.
    return "arithmatex" in classes and element.tag == "div"


def _flatten(element: etree._Element) -> list[ExcerptPart]:
    parts = [ExcerptPart(element.text or "")] if element.tag not in DROPPED_TAGS else []
    for child in element:
        if isinstance(child.tag, str):
            classes = (child.get("class") or "").split()
            if "arithmatex" in classes:
                formula = math_part(child.text_content()) if child.tag != "div" else None
                if formula:
                    parts.append(formula)
            elif not _is_dropped(child):
                parts.extend(_flatten(child))
        parts.append(ExcerptPart(child.tail or ""))
    return parts


def _join(paragraphs: list[tuple[ExcerptPart, ...]]) -> tuple[ExcerptPart, ...]:
    """Join paragraphs with a space, except between two CJK characters where none belongs."""
    joined: list[ExcerptPart] = []
    for paragraph in paragraphs:
        if joined and not (CJK_OR_PUNCT.match(joined[-1].text[-1]) and CJK_OR_PUNCT.match(paragraph[0].text[0])):
            joined.append(ExcerptPart(" "))
        joined.extend(paragraph)
    return normalize_parts(joined)


def _is_mostly_cjk(text: str) -> bool:
    letters = len(text.replace(" ", ""))
    return letters > 0 and len(CJK.findall(text)) * 3 >= letters


def _truncate_chars(text: str, limit: int, force: bool = False) -> str:
    """At most ``limit`` characters, the ellipsis included, cut at a sentence or word break.

    ``force`` adds the ellipsis even when ``text`` fits (it was already cut by words).
    """
    if len(text) <= limit and not force:
        return text
    budget = limit - 1  # room for the ellipsis
    if budget < 1:
        return ELLIPSIS
    cut = text[:budget]
    if len(text) > budget:
        window_start = int(budget * 0.75)
        best = max(cut.rfind(mark, window_start) for mark in SENTENCE_BREAK)
        if best > 0:
            cut = cut[:best]
        elif _is_latin(cut[-1]) and _is_latin(text[len(cut)]):
            # Inside a Latin word: back up to the last space, unless the word is all there is.
            space = cut.rfind(" ")
            if space > 0:
                cut = cut[:space]
    return cut.rstrip(" " + SENTENCE_BREAK) + ELLIPSIS


def _is_latin(character: str) -> bool:
    return bool(LATIN_WORD.match(character))
