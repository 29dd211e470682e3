"""The language switcher leads to the same note in the other language, also after instant navigation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_support import DOCS, front_matter, is_same_document, mark_document, path_of, wait_for_path
from conftest import Server

pytestmark = pytest.mark.browser

ZH_NOTE = "/nlp/transformer/"
EN_NOTE = "/en/nlp/transformer/"


def switch_language(page: Page, hreflang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    link = page.locator(f"a.md-select__link[hreflang={hreflang}]")
    expect(link).to_be_visible()
    link.click()


def assert_round_trip(page: Page) -> None:
    """From the Chinese note to its English translation and back, by the switcher."""
    zh_title = front_matter(DOCS / "nlp/transformer.md")["title"]
    en_title = front_matter(DOCS / "nlp/transformer.en.md")["title"]
    expect(page.locator(".md-content h1")).to_have_text(zh_title)

    switch_language(page, "en")
    wait_for_path(page, EN_NOTE)
    expect(page.locator(".md-content h1")).to_have_text(en_title)

    switch_language(page, "zh")
    wait_for_path(page, ZH_NOTE)
    expect(page.locator(".md-content h1")).to_have_text(zh_title)


def test_switcher_round_trip_on_a_translated_note(page: Page, server: Server) -> None:
    """Loaded directly, the switcher goes to /en/nlp/transformer/ and back to /nlp/transformer/."""
    page.goto(server.url(ZH_NOTE))
    assert_round_trip(page)


def test_switcher_round_trip_after_instant_navigation(page: Page, server: Server) -> None:
    """After reaching the note by instant navigation, the switcher points at this note, not the home page."""
    page.goto(server.url("/"))
    mark_document(page)
    page.locator("a.np-tile[data-category=nlp]").click()
    wait_for_path(page, "/nlp/")
    page.locator(".md-content a[href$='transformer/']").first.click()
    wait_for_path(page, ZH_NOTE)
    assert is_same_document(page), "the clicks did not use instant navigation"
    switch_hrefs = page.locator("a.md-select__link[hreflang]").evaluate_all(
        "links => Object.fromEntries(links.map(link => [link.hreflang, link.href]))")
    assert {lang: path_of(url) for lang, url in switch_hrefs.items()} == {"zh": ZH_NOTE, "en": EN_NOTE}
    assert_round_trip(page)
