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
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_HTML_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_PROBLEM = re.compile(r"lc:(\d+)", re.IGNORECASE)
#: ``transformer.en.md`` → ``transformer.md``: mkdocs-static-i18n's suffix structure.
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:[-_][A-Za-z]{2,4})?(\.md)$")


def link_targets(markdown: str) -> tuple[str, ...]:
    """Every link target written in ``markdown`` outside code, in order, as written."""
    text = _INLINE_CODE.sub("", _FENCE.sub("", markdown))
    found = [m.group(1) for pattern in (_INLINE_LINK, _REFERENCE, _HTML_HREF) for m in pattern.finditer(text)]
    return tuple(dict.fromkeys(found))


def problem_number(target: str) -> int | None:
    """``lc:76`` → 76; anything else → None."""
    match = _PROBLEM.fullmatch(target.strip())
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
