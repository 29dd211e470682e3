"""Screenshots of the main pages (test-output/screenshots/, gitignored; the README's pictures),
checked for what they show: the picture is as tall as the page, and the feed, the tiles, the math
and the index rendered into it."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from browser_support import Server, wait_for_math
from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser
#: The browser contexts' viewport height (conftest.VIEWPORT).
VIEWPORT_HEIGHT = 900


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def capture(page: Page, target: Path, *, full_page: bool, shows: dict[str, int], width: int = 1280) -> None:
    """Screenshot the page once each selector in ``shows`` has at least that many visible
    elements inside the picture; the picture must cover the page (or the viewport)."""
    page.evaluate("document.fonts.ready.then(() => true)")
    page_height = page.evaluate("document.documentElement.scrollHeight")
    picture_height = page_height if full_page else VIEWPORT_HEIGHT
    for selector, minimum in shows.items():
        tops = page.locator(selector).evaluate_all(
            "els => els.filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().top + scrollY)")
        inside = [top for top in tops if top < picture_height]
        assert len(inside) >= minimum, f"{target.name}: {len(inside)} of {selector} in the picture, expected {minimum}"
    page.screenshot(path=str(target), full_page=full_page)
    _, height = png_size(target)
    assert png_size(target)[0] == width
    assert height == (page_height if full_page else VIEWPORT_HEIGHT), (target.name, height, page_height)
    assert page_height > 1200 or not full_page, f"{target.name}: the page is only {page_height}px tall"


def test_screenshots_light(page: Page, server: Server, screenshots: Path) -> None:
    """Home (full page), the math note and the LeetCode index in the light scheme."""
    page.goto(server.url("/"))
    capture(page, screenshots / "home-light.png", full_page=True,
            shows={"article.np-feed-item": 10, "a.np-tile": 8, "nav.np-pager": 1})
    page.goto(server.url("/nlp/transformer/"))
    wait_for_math(page)
    capture(page, screenshots / "math-note.png", full_page=False, shows={".katex": 3, "article h1": 1})
    page.goto(server.url("/leetcode/"))
    capture(page, screenshots / "leetcode-index.png", full_page=False,
            shows={"form[data-np-goto]": 1, "a.np-lc-tab": 10, ".np-lc-list tr[data-lc-id]": 5})


def test_screenshot_home_dark(dark_context: BrowserContext, server: Server, screenshots: Path) -> None:
    """Home (full page) in the dark scheme."""
    page = dark_context.new_page()
    page.goto(server.url("/"))
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    capture(page, screenshots / "home-dark.png", full_page=True,
            shows={"article.np-feed-item": 10, "a.np-tile": 8})


def test_screenshot_note_on_a_phone(browser: Browser, server: Server, screenshots: Path) -> None:
    """A note with math and a table at 390 px: the header folds into the drawer, formulas typeset."""
    context = browser.new_context(viewport={"width": 390, "height": VIEWPORT_HEIGHT}, locale="zh-CN",
                                  color_scheme="light")
    try:
        page = context.new_page()
        page.goto(server.url("/leetcode/0003-longest-substring-without-repeating-characters/"))
        wait_for_math(page)
        capture(page, screenshots / "note-phone.png", full_page=False, width=390,
                shows={".katex": 2, "article h1": 1, "label.md-header__button[for=__drawer]": 1})
    finally:
        context.close()
