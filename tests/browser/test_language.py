"""The language switcher leads to the same note in the other language, also after instant navigation."""

from __future__ import annotations

import pytest
from browser_support import (
    DOCS,
    Server,
    front_matter,
    is_same_document,
    mark_document,
    path_of,
    wait_for_path,
)
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = pytest.mark.browser

ZH_NOTE = "/nlp/transformer/"
EN_NOTE = "/en/nlp/transformer/"


def switcher_paths(page: Page) -> dict[str, str]:
    """Where each language link of the header's switcher points, as paths."""
    urls = page.locator("a.md-select__link[hreflang]").evaluate_all(
        "links => Object.fromEntries(links.map(link => [link.hreflang, link.href]))")
    return {lang: path_of(url) for lang, url in urls.items()}


def assert_switcher_paths(page: Page, expected: dict[str, str]) -> None:
    """The switcher points at ``expected``; after instant navigation the page script may need a moment."""
    try:
        page.wait_for_function(
            """expected => Object.entries(expected).every(([lang, path]) => {
                   const link = document.querySelector(`a.md-select__link[hreflang="${lang}"]`);
                   return link !== null && new URL(link.href).pathname === path;
               })""",
            arg=expected, timeout=5_000)
    except PlaywrightTimeoutError:
        pass  # the assertion below reports what the switcher shows instead
    assert switcher_paths(page) == expected


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
    page.locator("a.np-tile[data-category=nlp]").click()
    wait_for_path(page, "/nlp/")
    mark_document(page)
    page.locator(".md-content a[href$='transformer/']").first.click()
    wait_for_path(page, ZH_NOTE)
    assert is_same_document(page), "the note link did not use instant navigation"
    assert_switcher_paths(page, {"zh": ZH_NOTE, "en": EN_NOTE})
    assert_round_trip(page)


def test_switcher_follows_instant_navigation_to_a_portal_page(page: Page, server: Server) -> None:
    """Going from a note to its category page by instant navigation re-points the switcher at the category page."""
    page.goto(server.url(ZH_NOTE))
    mark_document(page)
    page.locator(".md-tabs__link[href$='/nlp/']").click()
    wait_for_path(page, "/nlp/")
    assert is_same_document(page), "the category tab did not use instant navigation"
    assert_switcher_paths(page, {"zh": "/nlp/", "en": "/en/nlp/"})
