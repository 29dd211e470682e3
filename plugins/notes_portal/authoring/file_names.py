"""ASCII file names for new notes, so URLs stay readable and copy-paste safely.

A title in Chinese is spelled in pinyin (``LRU 缓存`` → ``lru-huan-cun``). A LeetCode note's
name is its number and LeetCode's own slug of the English title
(``0003-longest-substring-without-repeating-characters``), because the build takes that slug
as the address of the problem statement; without an English title it is the number alone.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

_WORD = re.compile(r"[a-z0-9]+")


def ascii_slug(title: str) -> str:
    """``LRU 缓存`` → ``lru-huan-cun``, ``Café`` → ``cafe``; ``""`` when no letter or digit remains
    (a title in a script pinyin doesn't cover, or only symbols)."""
    spelled = " ".join(lazy_pinyin(unicodedata.normalize("NFKC", title), style=Style.NORMAL))
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    return "-".join(_WORD.findall(ascii_text.lower()))


def leetcode_slug(english_title: str) -> str:
    """LeetCode's slug of a problem's English title: punctuation dropped, words joined by ``-``
    (``Pow(x, n)`` → ``powx-n``, ``Two Sum II - Input Array Is Sorted`` →
    ``two-sum-ii-input-array-is-sorted``)."""
    text = unicodedata.normalize("NFKC", english_title).lower()
    return "-".join(_WORD.findall(re.sub(r"[^a-z0-9\s-]", "", text)))


def is_english(title: str) -> bool:
    """A title with Latin letters and no other script: LeetCode's English title."""
    text = unicodedata.normalize("NFKC", title)
    return text.isascii() and any(char.isalpha() for char in text)
