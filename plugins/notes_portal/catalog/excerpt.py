"""Plain-text excerpts and reading times computed from a note's rendered HTML.

Working on the HTML that Python-Markdown already produced (instead of on the
Markdown source) means every extension's syntax — math, admonitions, tabs,
footnotes — is already resolved, so the excerpt never shows raw markup.
"""

from __future__ import annotations

import html as html_module
import math
import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

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
#: Inline formulas this short read fine as text (``O(n)``); longer ones are dropped.
INLINE_MATH_MAX = 24

TEX_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "times": "×", "cdot": "·", "le": "≤",
    "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "infty": "∞",
    "sum": "Σ", "prod": "Π", "in": "∈", "to": "→", "rightarrow": "→", "leftarrow": "←",
    "partial": "∂", "nabla": "∇", "pm": "±", "log": "log", "ln": "ln", "exp": "exp",
    "max": "max", "min": "min", "sim": "~", "propto": "∝", "mid": "|", "ldots": "…",
    "cdots": "⋯", "dots": "…",
}
MARKDOWN_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$]+?)\$", re.DOTALL)
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_CODE = re.compile(r"`+([^`]*)`+")
MARKDOWN_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_|~~|==)(?=\S)|(?<=\S)(\*\*|__|\*|_|~~|==)(?!\w)")
TEX_COMMAND = re.compile(r"\\([A-Za-z]+)\s*")
TEX_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
TEX_SQRT = re.compile(r"\\sqrt\s*\{([^{}]*)\}")
TEX_DELIMITERS = re.compile(r"\\[()\[\]]|\$+")


def split_at_more(html: str) -> str | None:
    """The part of a page before ``<!-- more -->``, or None when there is no marker."""
    parts = MORE_MARKER.split(html, maxsplit=1)
    return parts[0] if len(parts) == 2 else None


def summarize(html: str, summary: str | None, *, max_chars: int, max_words: int,
              cjk_per_minute: int, words_per_minute: int) -> tuple[str, int]:
    """Excerpt and reading time of a page, parsing only the opening of its HTML.

    The excerpt comes from the paragraphs before the first heading that follows
    them, so only that part is parsed; the reading time only needs the text.
    """
    opening = _opening(html)
    excerpt = _excerpt(html, _parse(opening), summary, max_chars, max_words)
    return excerpt, _count_minutes(TAG.sub(" ", html), cjk_per_minute, words_per_minute)


def html_to_text(html: str) -> str:
    """Readable text of the paragraphs of an HTML fragment: no tags, code blocks or TeX source."""
    return _readable_text(_parse(html))


def _parse(html: str) -> etree._Element | None:
    html = clean_text(html)
    if not html.strip():
        return None
    try:
        return lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return None


def _excerpt(html: str, root: etree._Element | None, summary: str | None, max_chars: int,
             max_words: int) -> str:
    before_more = split_at_more(html)
    if before_more is not None:
        text = html_to_text(before_more)
    elif summary and summary.strip():
        text = html_to_text(f"<p>{strip_inline_markdown(summary)}</p>")
    else:
        text = _readable_text(root)
    return truncate(text, max_chars, max_words)


def _readable_text(root: etree._Element | None) -> str:
    if root is None:
        return ""
    paragraphs = [_flatten(element) for element in _readable_blocks(root)]
    return clean_text(_join(p.strip() for p in paragraphs if p.strip()))


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



def tex_to_text(tex: str) -> str:
    """A short formula as plain text (``\\mathcal{O}(n^2)`` → ``O(n^2)``), without TeX syntax."""
    tex = TEX_DELIMITERS.sub(" ", tex)
    tex = TEX_FRAC.sub(r"\1/\2", tex)
    tex = TEX_SQRT.sub(r"√\1", tex)
    tex = TEX_COMMAND.sub(lambda m: TEX_SYMBOLS.get(m.group(1), ""), tex)
    tex = tex.replace("\\", "").replace("{", "").replace("}", "").replace("&", "")
    return " ".join(tex.split())


def strip_inline_markdown(text: str) -> str:
    """Front matter summaries are written like Markdown: keep the words, drop the syntax."""
    text = MARKDOWN_MATH.sub(lambda m: short_formula(m.group(1) or m.group(2)), text)
    text = MARKDOWN_LINK.sub(r"\1", text)
    text = MARKDOWN_CODE.sub(r"\1", text)
    return MARKDOWN_EMPHASIS.sub("", text)


def short_formula(tex: str) -> str:
    """An inline formula as text when it reads well that way (``O(n)``), else nothing."""
    formula = tex_to_text(tex)
    return formula if len(formula) <= INLINE_MATH_MAX else ""


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


def _flatten(element: etree._Element) -> str:
    parts: list[str] = [element.text or ""] if element.tag not in DROPPED_TAGS else []
    for child in element:
        if isinstance(child.tag, str):
            classes = (child.get("class") or "").split()
            if "arithmatex" in classes:
                if child.tag != "div":
                    parts.append(short_formula(child.text_content()))
            elif not _is_dropped(child):
                parts.append(_flatten(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split()) if element.tag == "p" else "".join(parts)


def _join(paragraphs: Iterator[str]) -> str:
    """Join paragraphs with a space, except between two CJK characters where none belongs."""
    text = ""
    for paragraph in paragraphs:
        if text and not (CJK_OR_PUNCT.match(text[-1]) and CJK_OR_PUNCT.match(paragraph[0])):
            text += " "
        text += paragraph
    return text


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
