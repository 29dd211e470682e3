"""Tags and the archive in a real browser (issue 11): a reader goes from a note's tag to the tag's
page and on to another note with that tag; the calendar's shades in light and dark mode (axe-core
on /tags/ and /archive/ is in test_accessibility.py). Runs on the shipped portal."""

from __future__ import annotations

import re

import pytest
from browser_support import Server, hrefs, mark_document, wait_for_path
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

#: The shipped notes tagged 图 (docs/leetcode/*.md front matter), newest change first.
GRAPH_NOTES = ["/leetcode/0743-network-delay-time/", "/leetcode/0207-course-schedule/",
               "/leetcode/0200-number-of-islands/"]


def test_reader_follows_a_tag_to_another_note(page: Page, server: Server) -> None:
    """From 岛屿数量's header, the tag 图 (shown once, as the problem's topic chip) opens /tags/图/,
    which lists the notes tagged 图; clicking 网络延迟时间 there opens that note, whose header
    carries the same tag."""
    page.goto(server.url("/leetcode/0200-number-of-islands/"))
    mark_document(page)
    expect(page.locator("div.np-note-meta a.np-tag").filter(has_text=re.compile(r"^\s*图\s*$"))).to_have_count(0)
    tag = page.locator("p.np-lc-header a.np-topic").filter(has_text=re.compile(r"^\s*图\s*$"))
    expect(tag).to_have_count(1)
    tag.click()
    wait_for_path(page, "/tags/图/")
    expect(page.locator(".md-content h1")).to_have_text("标签：图")
    listed = page.locator("article.np-feed-item h3.np-feed-item__title a")
    assert hrefs(listed) == GRAPH_NOTES

    listed.filter(has_text="网络延迟时间").click()
    wait_for_path(page, "/leetcode/0743-network-delay-time/")
    expect(page.locator(".md-content h1")).to_have_text("743. 网络延迟时间")
    expect(page.locator("p.np-lc-header a.np-topic").filter(has_text=re.compile(r"^\s*图\s*$"))).to_be_visible()


# -- the activity calendar in light and dark mode ------------------------------------------------

READ_COLOURS = """svg => {
  const style = element => getComputedStyle(element);
  const levels = {};
  for (const rect of svg.querySelectorAll('rect.np-activity__day')) {
    const level = [...rect.classList].find(name => /^np-activity__day--\\d+$/.test(name));
    if (level && !(level in levels)) levels[level] = style(rect).fill;
  }
  const label = svg.querySelector('text');
  return {background: style(document.body).backgroundColor, levels,
          label: label ? style(label).fill : null};
}"""


def rgba(colour: str) -> tuple[float, float, float, float]:
    match = re.fullmatch(r"rgba?\(([^)]*)\)", colour.strip())
    assert match, colour
    parts = [float(p) for p in re.split(r"[,\s/]+", match.group(1).strip()) if p]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0)


def over(colour: str, background: str) -> tuple[float, float, float]:
    r, g, b, a = rgba(colour)
    br, bg, bb, _ = rgba(background)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_calendar_reads_in_light_and_dark_mode(request: pytest.FixtureRequest, server: Server, scheme: str) -> None:
    """Each level has its own shade, busier days stand out more from the page, every shaded day by
    3:1 or more, and the month and weekday labels have text contrast (4.5:1) in both colour schemes."""
    context = request.getfixturevalue("context" if scheme == "light" else "dark_context")
    page = context.new_page()
    page.goto(server.url("/archive/"))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default" if scheme == "light" else "slate")
    colours = page.locator("article svg.np-activity").evaluate(READ_COLOURS)
    background = over(colours["background"], "rgb(255, 255, 255)")
    levels = {int(name.rsplit("--", 1)[1]): over(fill, colours["background"]) for name, fill in colours["levels"].items()}
    assert 0 in levels and len(levels) >= 2, colours
    assert len(set(levels.values())) == len(levels), colours
    ordered = [contrast(levels[level], background) for level in sorted(levels)]
    assert ordered == sorted(ordered) and ordered[0] < ordered[-1], (scheme, ordered)
    # A shaded day stands out from the page as a UI graphic must (WCAG 1.4.11: 3:1), also on
    # slate, where the first shade was 1.5:1; an empty day is still a visible cell.
    assert all(ratio >= 3 for ratio in ordered[1:]), (scheme, ordered)
    assert ordered[0] >= 1.2, (scheme, ordered)
    assert colours["label"] is not None
    assert contrast(over(colours["label"], colours["background"]), background) >= 4.5, (scheme, colours)


# -- the activity calendar on a phone -------------------------------------------------------------

MEASURE = """svg => {
  const scroller = svg.closest('.np-activity-scroll');
  const box = scroller.getBoundingClientRect();
  const days = [...svg.querySelectorAll('rect.np-activity__day')];
  const newest = days[days.length - 1].getBoundingClientRect();
  const label = svg.querySelector('text.np-activity__month').getBoundingClientRect();
  return {cell: Math.min(...days.map(d => d.getBoundingClientRect().width)), label: label.height,
          scrolls: scroller.scrollWidth > scroller.clientWidth,
          newestShown: newest.left >= box.left - 0.5 && newest.right <= box.right + 0.5,
          pageWidth: document.documentElement.scrollWidth};
}"""


@pytest.mark.parametrize(("path", "width", "scrolls"), [
    ("/", 390, False), ("/en/", 390, False), ("/archive/", 390, True), ("/en/archive/", 390, True),
    ("/", 1280, False), ("/archive/", 1280, False),
])
def test_calendar_stays_readable_on_a_phone(page: Page, server: Server, path: str, width: int, scrolls: bool) -> None:
    """At 390 px the calendar no longer shrinks to illegible cells: they stay 10 px or more and the
    archive's year scrolls sideways inside its own box (the page doesn't), opening on the newest
    day; at 1280 px nothing scrolls."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server.url(path))
    measured = page.locator("svg.np-activity").evaluate(MEASURE)
    assert measured["cell"] >= 9.9, measured
    assert measured["label"] >= 8, measured
    assert measured["scrolls"] == scrolls, measured
    assert measured["newestShown"], measured
    assert measured["pageWidth"] <= width, measured
