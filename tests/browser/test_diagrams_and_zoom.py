"""Mermaid diagrams and image zoom, as a reader meets them: reached by instant navigation, in both
colour schemes, with every request answered by the site itself, and no Mermaid on pages without a
diagram."""

from __future__ import annotations

import pytest
from browser_support import (
    PageLog,
    Server,
    is_same_document,
    mark_document,
    wait_for_path,
)
from playwright.sync_api import BrowserContext, Page, expect

pytestmark = pytest.mark.browser

#: The shipped notes that show a diagram (docs/nlp/transformer*.md) and an image
#: (docs/deep-learning/backpropagation-chain-rule*.md), and the category pages that list them.
DIAGRAM_NOTE = {"zh": ("/nlp/", "/nlp/transformer/"), "en": ("/en/nlp/", "/en/nlp/transformer/")}
IMAGE_NOTE = ("/deep-learning/", "/deep-learning/backpropagation-chain-rule/")
IMAGE_FILE = "/deep-learning/images/dense-layer-backprop.svg"
MERMAID_FILE = "/assets/mermaid/mermaid.min.js"

#: Material renders a diagram into a *closed* shadow root, which no script can read. Opened here,
#: before any page script runs, so that the test can look at the SVG a reader sees.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""

#: The rendered diagram: its node count, and the luminance of a node label's text and of the page behind it.
DIAGRAM_FACTS = """host => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector("svg");
  if (!svg) return null;
  const luminance = colour => {
    const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  const label = svg.querySelector(".node .nodeLabel, .node text");
  return {
    nodes: svg.querySelectorAll(".node").length,
    text: luminance(getComputedStyle(label).color),
    page: luminance(getComputedStyle(document.body).backgroundColor),
    width: svg.getBoundingClientRect().width,
  };
}"""


def requests_elsewhere(log: PageLog, server: Server) -> list[str]:
    return [url for url in log.requests
            if not url.startswith(server.origin + "/") and not url.startswith(("data:", "blob:"))]


def go_by_instant_navigation(page: Page, server: Server, start: str, target: str) -> None:
    """Open ``start``, then click its link to ``target``: Material swaps the content, no page load."""
    page.goto(server.url(start))
    mark_document(page)
    page.locator(f".md-content a[href$='{target.rstrip('/').rsplit('/', 1)[-1]}/']").first.click()
    wait_for_path(page, target)
    assert is_same_document(page), f"the link to {target} did not use instant navigation"


def diagram_after_instant_navigation(context: BrowserContext, server: Server, language: str) -> tuple[dict, PageLog]:
    page = context.new_page()
    page.add_init_script(OPEN_SHADOW_ROOTS)
    log = PageLog()
    log.attach(page)
    start, note = DIAGRAM_NOTE[language]
    page.goto(server.url(start))
    page.wait_for_load_state("networkidle")
    assert not [url for url in log.requests if "mermaid" in url], "the category page, which has no diagram, loaded Mermaid"
    go_by_instant_navigation(page, server, start, note)
    host = page.locator(".md-content div.mermaid")
    expect(host).to_have_count(1)
    expect(page.locator(".md-content pre.mermaid")).to_have_count(0)
    page.wait_for_function(f"() => ({DIAGRAM_FACTS})(document.querySelector('.md-content div.mermaid'))")
    facts = host.evaluate(DIAGRAM_FACTS)
    return facts, log


@pytest.mark.parametrize("language", ["zh", "en"])
def test_diagram_renders_after_instant_navigation_in_the_light_scheme(context: BrowserContext, server: Server,
                                                                       language: str) -> None:
    facts, log = diagram_after_instant_navigation(context, server, language)
    # The note's flowchart has 13 nodes: 5 in the encoder layer, 7 in the decoder layer, the output.
    assert facts["nodes"] == 13, facts
    assert facts["width"] > 300, facts
    assert facts["page"] > 0.9 and facts["text"] < 0.4, f"dark labels on a light page expected: {facts}"
    assert requests_elsewhere(log, server) == []
    assert [url for url in log.requests if "mermaid" in url] == [server.url(MERMAID_FILE)]
    assert log.page_errors == [], log.page_errors


def test_diagram_renders_after_instant_navigation_in_the_dark_scheme(dark_context: BrowserContext,
                                                                      server: Server) -> None:
    facts, log = diagram_after_instant_navigation(dark_context, server, "zh")
    assert facts["nodes"] == 13, facts
    assert facts["page"] < 0.25 and facts["text"] > 0.6, f"light labels on a dark page expected: {facts}"
    assert requests_elsewhere(log, server) == []
    assert [url for url in log.requests if "mermaid" in url] == [server.url(MERMAID_FILE)]
    assert log.page_errors == [], log.page_errors


def test_diagram_renders_on_a_page_loaded_directly(page: Page, server: Server) -> None:
    """Opened from a bookmark, the first page is the diagram's: Mermaid comes from the site there too."""
    page.add_init_script(OPEN_SHADOW_ROOTS)
    log = PageLog()
    log.attach(page)
    page.goto(server.url(DIAGRAM_NOTE["zh"][1]))
    page.wait_for_function(f"() => ({DIAGRAM_FACTS})(document.querySelector('.md-content div.mermaid'))")
    assert requests_elsewhere(log, server) == []
    assert log.console_errors == [] and log.page_errors == [], (log.console_errors, log.page_errors)


def test_pages_without_a_diagram_load_no_mermaid(page: Page, server: Server) -> None:
    """Home, then a note with an image and no diagram by instant navigation: Mermaid is never requested."""
    log = PageLog()
    log.attach(page)
    go_by_instant_navigation(page, server, *IMAGE_NOTE)
    expect(page.locator(".md-content a.glightbox")).to_have_count(1)
    page.goto(server.url("/"))
    page.wait_for_load_state("networkidle")
    assert [url for url in log.requests if "mermaid" in url] == []


def test_image_opens_in_a_lightbox_and_escape_closes_it(page: Page, server: Server) -> None:
    log = PageLog()
    log.attach(page)
    go_by_instant_navigation(page, server, *IMAGE_NOTE)
    figure = page.locator(".md-content a.glightbox img")
    expect(figure).to_be_visible()
    figure.click()
    lightbox = page.locator(".glightbox-container")
    expect(lightbox).to_be_visible()
    enlarged = lightbox.locator(".gslide.current .gslide-image img")
    expect(enlarged).to_be_visible()
    assert enlarged.evaluate("img => new URL(img.src).pathname") == IMAGE_FILE
    # Enlarged: the figure is drawn 1280 px wide, the text column is narrower (once the zoom has run).
    in_text = figure.evaluate("img => img.getBoundingClientRect().width")
    assert in_text < 900
    page.wait_for_function("min => document.querySelector('.gslide.current .gslide-image img')"
                           ".getBoundingClientRect().width > min", arg=in_text * 1.2)
    page.keyboard.press("Escape")
    expect(lightbox).to_have_count(0)
    assert requests_elsewhere(log, server) == []
    assert log.page_errors == [], log.page_errors


def test_lightbox_leaves_icons_emoji_and_the_calendar_alone(page: Page, server: Server) -> None:
    """Only images in a note's text are wrapped: the home page (tiles' icons, the activity calendar)
    and a note's inline SVG icons get no lightbox link, and a click on the calendar opens none."""
    page.goto(server.url("/"))
    expect(page.locator("svg.np-activity")).to_have_count(1)
    expect(page.locator("a.np-tile svg").first).to_be_visible()
    assert page.locator("a.glightbox").count() == 0
    page.locator("svg.np-activity").click()
    expect(page.locator(".glightbox-container")).to_have_count(0)
    page.goto(server.url(IMAGE_NOTE[1]))
    assert page.locator("a.glightbox").count() == 1
    assert page.locator("a.glightbox svg").count() == 0
