"""Material's client-side search finds Chinese words inside sentences, English words and LeetCode numbers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser_support import DOCS, SEARCH_TIMEOUT_MS, Server, hrefs, search

pytestmark = pytest.mark.browser


def files_containing(word: str) -> list[str]:
    """docs/ files that contain ``word`` (fixed string, any case), relative to docs/."""
    done = subprocess.run(["grep", "-rliF", "--include=*.md", word, str(DOCS)], capture_output=True, text=True)
    return sorted(Path(line).relative_to(DOCS).as_posix() for line in done.stdout.splitlines())


def result_paths(page: Page) -> list[str]:
    return hrefs(page.locator(".md-search-result__item a"))


@pytest.mark.parametrize(
    ("start", "query", "source", "expected_path"),
    [
        # jieba cuts this phrase into two words, and it only occurs inside longer sentences.
        ("/", "局部导数", "deep-learning/backpropagation-chain-rule.md",
         "/deep-learning/backpropagation-chain-rule/"),
        # Its English stem ("corefer") is shorter than the word: found only if queries and index agree.
        ("/en/", "coreference", "nlp/transformer.en.md", "/en/nlp/transformer/"),
    ],
    ids=["chinese-word-inside-sentence", "english-word-on-en-site"],
)
def test_search_finds_the_only_note_with_a_word(page: Page, server: Server, start: str, query: str,
                                                 source: str, expected_path: str) -> None:
    """A word that occurs in exactly one note's source finds that note."""
    assert files_containing(query) == [source], f"{query!r} must occur only in {source} for this test to mean much"
    page.goto(server.url(start))
    search(page, query)
    expect(page.locator(f".md-search-result__item a[href*='{expected_path.strip('/')}/']").first).to_be_attached(
        timeout=SEARCH_TIMEOUT_MS)
    assert expected_path in result_paths(page)


def test_search_finds_leetcode_problem_by_number(page: Page, server: Server) -> None:
    """Typing a problem number lists that problem's note."""
    page.goto(server.url("/"))
    search(page, "76")
    expect(page.locator(".md-search-result__item a[href*='leetcode/0076-minimum-window-substring/']").first
           ).to_be_attached(timeout=SEARCH_TIMEOUT_MS)
    assert "/leetcode/0076-minimum-window-substring/" in result_paths(page)
