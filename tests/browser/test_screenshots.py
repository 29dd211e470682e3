"""Screenshots of the main pages for a human look (test-output/screenshots/, gitignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from browser_support import Server, wait_for_math

pytestmark = pytest.mark.browser


def capture(page: Page, target: Path, *, full_page: bool) -> None:
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(target), full_page=full_page)
    assert target.stat().st_size > 10_000, f"{target.name} looks empty"


def test_screenshots_light(page: Page, server: Server, screenshots: Path) -> None:
    """Home (full page), the math note and the LeetCode index in the light scheme."""
    page.goto(server.url("/"))
    capture(page, screenshots / "home-light.png", full_page=True)
    page.goto(server.url("/nlp/transformer/"))
    wait_for_math(page)
    capture(page, screenshots / "math-note.png", full_page=False)
    page.goto(server.url("/leetcode/"))
    capture(page, screenshots / "leetcode-index.png", full_page=False)


def test_screenshot_home_dark(dark_context: BrowserContext, server: Server, screenshots: Path) -> None:
    """Home (full page) in the dark scheme."""
    page = dark_context.new_page()
    page.goto(server.url("/"))
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    capture(page, screenshots / "home-dark.png", full_page=True)
