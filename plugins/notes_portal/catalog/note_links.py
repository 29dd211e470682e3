"""Which other notes a note links to, read from its Markdown source.

Backlinks come from the source rather than the rendered HTML: the source is read for
every note in every build (its front matter is), while under ``mkdocs serve --dirty``
MkDocs renders only the notes that changed. Links in code are examples, not links,
so fenced blocks and inline code are removed first; the navigation and the lists the
portal adds are never part of a note's source, so they can never count.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_INLINE_LINK = re.compile(r"(?<!\\)\]\(\s*<?([^)\s>]+)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_HTML_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
#: Case-sensitive, as ``output.links`` resolves it: ``LC:76`` stays text, ``lc:76#part`` is a link.
_PROBLEM = re.compile(r"lc:(\d+)(?:#.*)?")
#: ``transformer.en.md`` → ``transformer.md``: mkdocs-static-i18n's suffix structure.
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2,4})?(\.md)$")


def link_targets(markdown: str) -> tuple[str, ...]:
    """Every link target written in ``markdown`` outside code, in order, as written."""
    text = _COMMENT.sub("", _INLINE_CODE.sub("", _without_indented_code(_FENCE.sub("", markdown))))
    found = [m.group(1) for pattern in (_INLINE_LINK, _REFERENCE, _HTML_HREF) for m in pattern.finditer(text)]
    return tuple(dict.fromkeys(found))


def _without_indented_code(markdown: str) -> str:
    """``markdown`` with its indented code blocks blanked out.

    A line indented by four spaces (or a tab) after a blank line starts a code block, unless it
    continues a list item, where the same indentation is the item's own text.
    """
    lines = markdown.split("\n")
    in_code = in_list = False
    after_blank = True
    for number, line in enumerate(lines):
        if not line.strip():
            after_blank = True
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and (in_code or (after_blank and not in_list)):
            in_code = True
            lines[number] = ""
            continue
        in_code = False
        if _LIST_ITEM.match(line):
            in_list = True
        elif not indented:
            in_list = False
        after_blank = False
    return "\n".join(lines)


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
