"""Tags and the archive in a real browser (issue 11): a reader goes from a note's tag to the tag's
page and on to another note with that tag; axe-core finds no serious or critical violation on
/tags/ and /archive/. Runs on the shipped portal."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import Server, hrefs, mark_document, wait_for_path
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}

#: The shipped notes tagged 图 (docs/leetcode/*.md front matter), newest change first.
GRAPH_NOTES = ["/leetcode/0743-network-delay-time/", "/leetcode/0207-course-schedule/",
               "/leetcode/0200-number-of-islands/"]


def test_reader_follows_a_tag_to_another_note(page: Page, server: Server) -> None:
    """From 岛屿数量's header, the tag 图 opens /tags/图/, which lists the notes tagged 图; clicking
    网络延迟时间 there opens that note, whose header carries the same tag."""
    page.goto(server.url("/leetcode/0200-number-of-islands/"))
    mark_document(page)
    tag = page.locator("div.np-note-meta a.np-tag").filter(has_text=re.compile(r"^\s*图\s*$"))
    expect(tag).to_have_count(1)
    tag.click()
    wait_for_path(page, "/tags/图/")
    expect(page.locator(".md-content h1")).to_have_text("标签：图")
    listed = page.locator("article.np-feed-item h3.np-feed-item__title a")
    assert hrefs(listed) == GRAPH_NOTES

    listed.filter(has_text="网络延迟时间").click()
    wait_for_path(page, "/leetcode/0743-network-delay-time/")
    expect(page.locator(".md-content h1")).to_have_text("网络延迟时间")
    expect(page.locator("div.np-note-meta a.np-tag").filter(has_text=re.compile(r"^\s*图\s*$"))).to_be_visible()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("path", ["/tags/", "/archive/", "/en/tags/", "/en/archive/"])
def test_no_serious_accessibility_violations(page: Page, server: Server, axe: Axe, path: str) -> None:
    """The tag index and the archive (with its calendar) pass axe-core at the serious/critical level."""
    page.goto(server.url(path))
    expect(page.locator("article.md-content__inner h1")).to_be_visible()
    violations = axe.run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    assert blocking == [], f"axe-core violations on {path}:\n{describe(blocking)}"
