"""The excerpt and reading time of a page, through the function the build calls (``summarize``)."""

from __future__ import annotations

from notes_portal.catalog.excerpt import summarize
from notes_portal.model.structure import Excerpt

#: The plugin's default reading speeds (config.py).
CJK_PER_MINUTE = 400
WORDS_PER_MINUTE = 220


def excerpt_of(html: str, summary: str | None, max_chars: int, max_words: int) -> str:
    """The excerpt as plain text (Atom's form: formulas read as text)."""
    return excerpt_parts_of(html, summary, max_chars, max_words).text


def excerpt_parts_of(html: str, summary: str | None, max_chars: int, max_words: int) -> Excerpt:
    """The excerpt with its formulas, as the feeds show it."""
    return summarize(html, summary, max_chars=max_chars, max_words=max_words,
                     cjk_per_minute=CJK_PER_MINUTE, words_per_minute=WORDS_PER_MINUTE)[0]


def minutes_of(html: str, cjk_per_minute: int, words_per_minute: int) -> int:
    return summarize(html, None, max_chars=120, max_words=50,
                     cjk_per_minute=cjk_per_minute, words_per_minute=words_per_minute)[1]
