"""How a tag is folded and spelled in an address: pure functions of its text.

Authors write ``Transformer`` in one note and ``transformer`` or a full-width ``Ｔｒａｎｓｆｏｒｍｅｒ``
in another; readers mean one tag. The configuration, the authoring checks and the catalog all fold
tags the same way, so the folding lives below all three.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w]+")
#: Kept as words, so that ``C++`` and ``C#`` don't both become ``c``.
_SYMBOL_WORDS = {"+": "plus", "#": "sharp"}


def tag_key(tag: str) -> str:
    """What two spellings of one tag have in common."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", tag)).strip().casefold()


def tag_slug(tag: str) -> str:
    """``Large Model`` → ``large-model``; ``注意力`` → ``注意力``; ``C++`` → ``cplusplus``."""
    text = tag_key(tag)
    for symbol, word in _SYMBOL_WORDS.items():
        text = text.replace(symbol, word)
    return _NOT_WORD.sub("-", text).strip("-_") or "tag"
