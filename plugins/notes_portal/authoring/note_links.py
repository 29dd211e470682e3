"""Which other notes a note links to, read from its Markdown source.

Backlinks come from the source rather than the rendered HTML: the source is read for
every note in every build (its front matter is), while under ``mkdocs serve --dirty``
MkDocs renders only the notes that changed. What counts is what Markdown renders as a
link: code (fenced, indented, inline), HTML comments, escaped brackets and reference
definitions nothing uses are no links. The navigation and the lists the portal adds
are never part of a note's source, so they can never count.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_INLINE_LINK = re.compile(r"(?<!\\)\]\(\s*<?([^)\s>]+)")
#: Also never links: comments, raw <pre> blocks, display math and images.
_COMMENT = re.compile(r"<!--.*?-->|<pre\b.*?</pre>|\$\$.*?\$\$|!\[[^\]\n]*\]\([^)\n]*\)", re.DOTALL | re.IGNORECASE)
_REFERENCE = re.compile(r"^[ ]{0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*<?([^\s>]+)>?.*$", re.MULTILINE)
#: ``[text][label]``, ``[label][]`` and ``[label]``: the uses that make a reference definition a link.
_REFERENCE_USE = re.compile(r"(?<!\\)\[([^\]\n]*)\]\[([^\]\n]*)\]|(?<![\\\]])\[([^\]\n]+)\](?![(\[:])")
_HTML_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
#: Lines that open a block whose text is indented four more spaces: a list item, an admonition or
#: collapsible block (``!!!``, ``???``, ``???+``), a content tab (``===``), a footnote (``[^1]:``).
_BLOCK_OPENER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|(?:!!!|\?\?\?\+?|===)[ \t]|\[\^[^\]]+\]:")
#: Case-sensitive, as ``output.links`` resolves it: ``LC:76`` stays text, ``lc:76#part`` is a link.
_PROBLEM = re.compile(r"lc:(\d+)(?:#.*)?")
#: ``transformer.en.md`` → ``transformer.md``: mkdocs-static-i18n's suffix structure.
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2,4})?(\.md)$")


def link_targets(markdown: str) -> tuple[str, ...]:
    """Every link target written in ``markdown`` outside code, in order, as written."""
    text = _COMMENT.sub("", _INLINE_CODE.sub("", _without_indented_code(_FENCE.sub("", markdown))))
    references = {m.group(1).casefold(): m.group(2) for m in _REFERENCE.finditer(text)}
    used = {label.casefold() for match in _REFERENCE_USE.finditer(_REFERENCE.sub("", text))
            for label in match.groups() if label}
    found = [m.group(1) for m in _INLINE_LINK.finditer(text)]
    found += [target for label, target in references.items() if label in used]
    found += [m.group(1) for m in _HTML_HREF.finditer(text)]
    return tuple(dict.fromkeys(found))


def _without_indented_code(markdown: str) -> str:
    """``markdown`` with its indented code blocks blanked out.

    Code is indented four spaces (or a tab) past the text it follows, after a blank line.
    List items, admonitions, collapsible blocks, content tabs and footnotes hold text indented
    by four more spaces, so each open block raises the indentation that makes code.
    """
    lines = markdown.split("\n")
    blocks: list[int] = []  # the text indentation of each open block, innermost last
    in_code, after_blank = False, True
    for number, line in enumerate(lines):
        if not line.strip():
            after_blank = True
            continue
        indent = _indentation(line)
        if in_code and indent >= (blocks[-1] if blocks else 0) + 4:
            lines[number] = ""
            continue
        in_code = False
        while blocks and indent < blocks[-1] and (after_blank or not _continues(line)):
            blocks.pop()
        text_indent = blocks[-1] if blocks else 0
        if after_blank and indent >= text_indent + 4:
            in_code = True
            lines[number] = ""
            continue
        if _BLOCK_OPENER.match(line[indent:]):
            blocks.append(indent + 4)
        after_blank = False
    return "\n".join(lines)


def _indentation(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _continues(line: str) -> bool:
    """A lazy continuation line of the paragraph above (not a new block opener)."""
    return not _BLOCK_OPENER.match(line.lstrip())


def problem_number(target: str) -> int | None:
    """``lc:76`` → 76; anything else → None."""
    match = _PROBLEM.fullmatch(target)
    return int(match.group(1)) if match else None


def linked_src_uri(target: str, from_src_uri: str) -> str | None:
    """The normalized source URI a relative Markdown link points to, or None for other links."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
        return None
    path = unquote(parts.path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(from_src_uri), path)
    normalized = posixpath.normpath(joined)
    if normalized.startswith(".."):
        return None
    return _LANGUAGE_SUFFIX.sub(r"\1", normalized)
