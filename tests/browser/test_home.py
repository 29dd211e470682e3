"""The home page in a real browser: latest-updates feed, pager and category tiles."""

from __future__ import annotations

import re

import pytest
from browser_support import (
    Server,
    categories,
    hrefs,
    is_same_document,
    mark_document,
    newest_first,
    per_page,
    wait_for_path,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_feed_lists_the_newest_notes_with_date_and_excerpt(page: Page, server: Server) -> None:
    """Page 1 of the feed shows the ``per_page`` most recently changed notes, newest first, each dated and excerpted."""
    page.goto(server.url("/"))
    items = page.locator("article.np-feed-item")
    expect(items).to_have_count(per_page())

    expected = newest_first()[:per_page()]
    assert hrefs(page.locator("article.np-feed-item h3.np-feed-item__title a")) == [note.url for note in expected]
    datetimes = page.locator("article.np-feed-item time").evaluate_all(
        "times => times.map(time => time.getAttribute('datetime'))")
    assert datetimes == [(note.updated or note.date).isoformat() for note in expected]
    for index in range(per_page()):
        item = items.nth(index)
        expect(item.locator("time")).not_to_have_text("")
        excerpt = item.locator(".np-feed-item__excerpt")
        expect(excerpt).to_be_visible()
        assert len(excerpt.inner_text().strip()) >= 10, f"feed item {index} has a near-empty excerpt"


def test_pager_moves_to_page_two_and_back(page: Page, server: Server) -> None:
    """The pager's "2" opens /page/2/ with the next notes; "1" and "previous" come back to the home page."""
    notes = newest_first()
    page.goto(server.url("/"))

    page.locator("nav.np-pager a").filter(has_text=re.compile(r"^\s*2\s*$")).click()
    wait_for_path(page, "/page/2/")
    expect(page.locator("nav.np-pager [aria-current=page]")).to_have_text("2")
    expected_page_two = [note.url for note in notes[per_page():2 * per_page()]]
    assert hrefs(page.locator("article.np-feed-item h3 a")) == expected_page_two

    page.locator("nav.np-pager a").filter(has_text=re.compile(r"^\s*1\s*$")).click()
    wait_for_path(page, "/")
    expect(page.locator("nav.np-pager [aria-current=page]")).to_have_text("1")
    assert hrefs(page.locator("article.np-feed-item h3 a")) == [note.url for note in notes[:per_page()]]

    page.locator("nav.np-pager a").filter(has_text=re.compile(r"^\s*2\s*$")).click()
    wait_for_path(page, "/page/2/")
    page.locator("nav.np-pager a[rel=prev]").click()
    wait_for_path(page, "/")
    expect(page.locator("nav.np-pager [aria-current=page]")).to_have_text("1")
    assert hrefs(page.locator("article.np-feed-item h3 a")) == [note.url for note in notes[:per_page()]]


def test_every_category_tile_opens_its_category_page(page: Page, server: Server) -> None:
    """Each tile, in configured order, leads to /<slug>/ whose heading names the category."""
    page.goto(server.url("/"))
    configured = categories()
    assert page.locator("a.np-tile").evaluate_all(
        "tiles => tiles.map(tile => tile.dataset.category)") == [category.slug for category in configured]

    for category in configured:
        page.goto(server.url("/"))
        page.locator(f"a.np-tile[data-category='{category.slug}']").click()
        wait_for_path(page, f"/{category.slug}/")
        # The LeetCode category opens the problem index, whose heading is the index title.
        heading = "LeetCode 题解索引" if category.slug == "leetcode" else category.name_zh
        expect(page.locator(".md-content h1")).to_have_text(heading)


@pytest.mark.parametrize(
    ("link", "target"),
    [("nav.np-pager a[rel=next]", "/page/2/"), ("a.np-tile[data-category=nlp]", "/nlp/"),
     ("a.np-tile[data-category=leetcode]", "/leetcode/")],
    ids=["pager", "category-tile", "leetcode-tile"],
)
def test_portal_pages_open_by_instant_navigation(page: Page, server: Server, link: str, target: str) -> None:
    """With navigation.instant on, links to the plugin's own pages swap the content without a full reload.

    Material only intercepts links whose URL is listed in sitemap.xml, so this also protects the
    portal pages' presence in the sitemap.
    """
    page.goto(server.url("/"))
    mark_document(page)
    page.locator(link).click()
    wait_for_path(page, target)
    expect(page.locator(".md-content h1")).to_be_visible()
    assert is_same_document(page), f"{target} was reached by a full page load, not by instant navigation"
