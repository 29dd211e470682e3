"""Han text as overlapping character pairs (bigrams), the same way at index and at query time.

Chinese has no spaces, and no segmenter cuts a phrase the same way in every
sentence: jieba splits 编码的外推能力 into 编码/的/外推/能力 here and
的/外/推 elsewhere, so a query segmented on its own rarely matches the index.
Every run of Han characters is therefore written as its overlapping pairs
(自注意力 → 自注 注意 意力) before Pagefind sees it, and the search worker
cuts the query the same way. Any phrase of two or more characters that occurs
in a note then matches it, wherever the phrase sits in a sentence, and with or
without Latin text or spaces around it. The cost is an index of pairs instead
of words; the worker turns the pairs back into readable text for snippets.

``overrides/assets/javascripts/workers/np-search.js`` implements the same
``HAN`` ranges and the same cut: change both together.
"""

from __future__ import annotations

import re
import unicodedata

#: CJK Unified Ideographs (with extension A and the compatibility block) and the
#: supplementary ideographic plane: the characters written as pairs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
#: CJK symbols and punctuation, full-width forms: kept as separate tokens, so
#: that they never glue onto a neighbouring word.
CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"

_PIECES = re.compile(rf"([{HAN}]+)|([{CJK_PUNCTUATION}]+)|([^\s{HAN}{CJK_PUNCTUATION}]+)")


def han_pairs(run: str) -> list[str]:
    """自注意力 → [自注, 注意, 意力]; a single character stays as it is."""
    if len(run) < 2:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)]


def index_tokens(text: str) -> list[str]:
    """The whitespace-separated tokens Pagefind indexes for ``text``.

    Words and Han runs are NFKC-normalized, as the worker normalizes queries:
    full-width ＫＶ and ２０１７ are found by KV and 2017, a compatibility
    ideograph by its unified form. Punctuation keeps its width (it is never searched,
    and full-width commas read better in snippets)."""
    tokens: list[str] = []
    for match in _PIECES.finditer(text):
        han, punctuation, other = match.groups()
        if han:
            tokens.extend(han_pairs(unicodedata.normalize("NFKC", han)))
        elif punctuation:
            tokens.append(punctuation)
        else:
            tokens.append(unicodedata.normalize("NFKC", other))
    return tokens


def index_text(text: str) -> str:
    """``text`` with every Han run written as its pairs, ready for Pagefind."""
    return " ".join(index_tokens(text))
