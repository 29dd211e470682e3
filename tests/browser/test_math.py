"""KaTeX renders every formula of a math note: on a direct load, after instant navigation and in dark mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from browser_support import (
    DOCS,
    Server,
    front_matter,
    is_same_document,
    mark_document,
    unrendered_tex_in_text,
    wait_for_math,
    wait_for_path,
)
from playwright.sync_api import BrowserContext, Page, expect

if TYPE_CHECKING:
    from sites import BuildResult

pytestmark = pytest.mark.browser

MATH_NOTE = "/nlp/transformer/"


def assert_math_rendered(page: Page, shipped_site: BuildResult) -> None:
    """Every inline and display formula the build emitted is typeset, and no raw TeX shows."""
    built = shipped_site.html(MATH_NOTE.strip("/") + "/")
    inline = len(built.select("span.arithmatex"))
    display = len(built.select("div.arithmatex"))
    assert inline > 0 and display > 0, "the math note should have both inline and display math"

    assert wait_for_math(page) == inline + display
    expect(page.locator("span.arithmatex > .katex")).to_have_count(inline)
    expect(page.locator("div.arithmatex .katex-display")).to_have_count(display)
    leftovers = unrendered_tex_in_text(page)
    assert leftovers == [], f"raw TeX delimiters visible: {leftovers}"


def test_math_note_renders_katex(page: Page, server: Server, shipped_site: BuildResult) -> None:
    """A direct load of the math note typesets all formulas."""
    page.goto(server.url(MATH_NOTE))
    assert_math_rendered(page, shipped_site)


def test_math_renders_after_instant_navigation(page: Page, server: Server,
                                               shipped_site: BuildResult) -> None:
    """Arriving by instant navigation (home, category tile, then the note link) still typesets the formulas."""
    page.goto(server.url("/"))
    page.locator("a.np-tile[data-category=nlp]").click()
    wait_for_path(page, "/nlp/")
    mark_document(page)
    page.locator(f".md-content a[href$='{MATH_NOTE.strip('/').split('/')[-1]}/']").first.click()
    wait_for_path(page, MATH_NOTE)
    expect(page.locator(".md-content h1")).to_have_text(front_matter(DOCS / "nlp/transformer.md")["title"])
    assert is_same_document(page), "the note link did not use instant navigation"
    assert_math_rendered(page, shipped_site)


def test_math_renders_in_dark_mode(dark_context: BrowserContext, server: Server,
                                   shipped_site: BuildResult) -> None:
    """With a dark system preference the slate scheme is active, and formulas render in the text colour."""
    page = dark_context.new_page()
    page.goto(server.url(MATH_NOTE))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert_math_rendered(page, shipped_site)
    colours = page.locator("span.arithmatex").first.evaluate(
        """math => [getComputedStyle(math.querySelector('.katex')).color,
                    getComputedStyle(math.closest('p, li, td') || math.parentElement).color]""")
    assert colours[0] == colours[1], f"KaTeX colour {colours[0]} differs from the text colour {colours[1]}"


def assert_feed_math_rendered(page: Page, built_count: int) -> None:
    """Every formula of the feed's excerpts is typeset inline, and no TeX shows."""
    assert built_count > 0, "the feed page should have formulas in its excerpts"
    excerpts = page.locator("p.np-feed-item__excerpt")
    expect(excerpts.locator("span.arithmatex > .katex")).to_have_count(built_count)
    expect(excerpts.locator(".katex-display")).to_have_count(0)  # inline, inside the sentence
    leftovers = unrendered_tex_in_text(page)
    assert leftovers == [], f"raw TeX delimiters visible: {leftovers}"


@pytest.mark.parametrize("path", ["/", "/math/", "/en/"])
def test_feed_excerpts_render_katex(page: Page, server: Server, shipped_site: BuildResult, path: str) -> None:
    """The home, category and English feeds typeset the formulas of their excerpts."""
    built = shipped_site.html(path.lstrip("/")).select("p.np-feed-item__excerpt span.arithmatex")
    page.goto(server.url(path))
    assert_feed_math_rendered(page, len(built))


def test_feed_math_renders_after_instant_navigation(page: Page, server: Server, shipped_site: BuildResult) -> None:
    """Arriving at a category feed by instant navigation (from home, through its tile) typesets its formulas."""
    page.goto(server.url("/"))
    mark_document(page)
    page.locator("a.np-tile[data-category=math]").click()
    wait_for_path(page, "/math/")
    assert is_same_document(page), "the tile did not use instant navigation"
    built = shipped_site.html("math/").select("p.np-feed-item__excerpt span.arithmatex")
    assert_feed_math_rendered(page, len(built))
