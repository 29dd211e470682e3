"""The search worker (np-search.js) cuts queries exactly as tokens.py cuts the index, run in real Chromium."""

from __future__ import annotations

import pytest
from browser_support import REPO
from notes_portal.search.tokens import index_tokens
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

WORKER = REPO / "overrides" / "assets" / "javascripts" / "workers" / "np-search.js"

#: (query, the tokens the worker sends to Pagefind). The index side must agree once Pagefind has
#: lowercased it and dropped punctuation, or the query cannot match.
PARITY = [
    ("自注意力", ["自注", "注意", "意力"]),
    ("外推", ["外推"]),
    ("键", ["键"]),
    ("KV缓存", ["kv", "缓存"]),
    ("LoRA微调", ["lora", "微调"]),
    ("LeetCode 76", ["leetcode", "76"]),
    ("缩放点积注意力，softmax", ["缩放", "放点", "点积", "积注", "注意", "意力", "softmax"]),
    ("「注意力」机制。", ["注意", "意力", "机制"]),
    ("Transformer与自注意力机制", ["transformer", "与自", "自注", "注意", "意力", "力机", "机制"]),
]


@pytest.fixture
def worker_page(page: Page) -> Page:
    """A blank page with the worker's script evaluated in it (``self`` is the window, so its message
    listener is registered harmlessly and its functions become globals)."""
    page.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
    return page


def index_side(text: str) -> list[str]:
    """What Pagefind ends up holding for ``text``: our tokens, lowercased, punctuation-only tokens dropped."""
    return [token.lower() for token in index_tokens(text) if any(ch.isalnum() for ch in token)]


@pytest.mark.parametrize(("query", "expected"), PARITY, ids=[case[0] for case in PARITY])
def test_worker_cuts_queries_like_the_index(worker_page, query: str, expected: list[str]) -> None:
    assert worker_page.evaluate("query => cutQuery(query).tokens", query) == expected
    assert index_side(query) == expected


def test_full_width_query_matches_full_width_text(worker_page) -> None:
    assert worker_page.evaluate("query => cutQuery(query).tokens", "ＫＶ缓存") == index_side("ＫＶ缓存")


def test_worker_pairs_supplementary_plane_characters(worker_page) -> None:
    assert index_side("文字𠮷") == ["文字", "字𠮷"]
    assert worker_page.evaluate("query => cutQuery(query).tokens", "文字𠮷") == ["文字", "字𠮷"]


def test_a_note_titled_as_typed_comes_first(worker_page) -> None:
    """Pagefind ranks "最长课程表 VI" as high as "最长课程表 V" itself (every pair, and V as a prefix
    of VI); the note whose title is what the reader typed goes first, the rest keep their order."""
    found = [{"item": "2892 VI", "exact": False}, {"item": "3670", "exact": False},
             {"item": "1545 V", "exact": True}, {"item": "4091", "exact": False}]
    assert worker_page.evaluate("found => byTitleFirst(found)", found) == ["1545 V", "2892 VI", "3670", "4091"]
    key = "text => titleKey(text)"
    assert worker_page.evaluate(key, "2892. 最长课程表 V") == worker_page.evaluate(key, "最长课程表V")
    assert worker_page.evaluate(key, "76．最小覆盖子串") == worker_page.evaluate(key, "最小覆盖子串")
    assert worker_page.evaluate(key, "House Robber II") == worker_page.evaluate(key, "house robber ii")
    assert worker_page.evaluate(key, "最长课程表 VI") != worker_page.evaluate(key, "最长课程表 V")
    assert worker_page.evaluate(key, "3Sum") == "3sum"  # a number that is the title, not a problem number
